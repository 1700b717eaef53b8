using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation;

/// <summary>
/// The configuration under validation and the indexes the rules share, each built once, on first use,
/// in linear time: so every rule is a single pass with dictionary look-ups.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>The CRM field of the Lead Stage &lt;&gt; Status lookup mapping.</summary>
    public const string LeadStatusField = "Status";

    /// <summary>The External Mapped Type of the Lead Stage &lt;&gt; Status lookup mapping.</summary>
    public const string LeadStatusType = "LeadStatus";

    /// <summary>Salesforce object and field API names ignore case; picklist values do not.</summary>
    public static StringComparer CrmNameComparer { get; } = StringComparer.OrdinalIgnoreCase;

    private Dictionary<int, Stage>? _stagesById;
    private Dictionary<string, Stage>? _stagesByName;
    private HashSet<string>? _stageNamesExactly;
    private Groups<int, LeadStatusMapping>? _mappingsByStage;
    private Groups<string, LeadStatusMapping>? _mappingsByStatus;
    private Dictionary<string, CrmStatus>? _leadStatuses;
    private Dictionary<string, CrmStatus>? _contactStatuses;
    private NearMatch? _leadStatusMatch;
    private NearMatch? _contactStatusMatch;
    private NearMatch? _stageNameMatch;
    private bool _fieldMappingsRead;
    private FieldMapping? _contactStageNameMapping;
    private List<FieldMapping>? _leadStageMappings;

    public ValidationContext(ConfigurationContent content)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
    }

    public ConfigurationContent Content { get; }

    public CrmMetadata Metadata => Content.CrmMetadata;

    /// <summary>Stages by id (the first, should a hand-edited file repeat an id).</summary>
    public IReadOnlyDictionary<int, Stage> StagesById =>
        _stagesById ??= FirstByKey(Content.Stages, s => s.Id, EqualityComparer<int>.Default);

    /// <summary>The stage of this name, compared ignoring case as Outreach does.</summary>
    public Stage? FindStage(string name) =>
        (_stagesByName ??= FirstByKey(Content.Stages, s => s.Name, StageNames.Comparer)).TryGetValue(name, out var stage) ? stage : null;

    /// <summary>True when a stage has exactly this name (ordinal): what a text sync of the name needs.</summary>
    public bool HasStageNamedExactly(string name) =>
        (_stageNamesExactly ??= new HashSet<string>(Content.Stages.Select(s => s.Name), StringComparer.Ordinal)).Contains(name);

    /// <summary>Lead status mappings by the stage id they point at, in the order the stages are first mapped.</summary>
    public Groups<int, LeadStatusMapping> MappingsByStage =>
        _mappingsByStage ??= new Groups<int, LeadStatusMapping>(Content.LeadStatusMappings, m => m.StageId, EqualityComparer<int>.Default);

    /// <summary>Lead status mappings by their exact API name, in the order the statuses are first mapped.</summary>
    public Groups<string, LeadStatusMapping> MappingsByStatus =>
        _mappingsByStatus ??= new Groups<string, LeadStatusMapping>(Content.LeadStatusMappings, m => m.CrmStatus, StringComparer.Ordinal);

    /// <summary>The CRM lead status of exactly this API name.</summary>
    public CrmStatus? FindLeadStatus(string apiName) =>
        (_leadStatuses ??= FirstByKey(Metadata.LeadStatuses, s => s.ApiName, StringComparer.Ordinal)).TryGetValue(apiName, out var status) ? status : null;

    /// <summary>The contact status picklist value of exactly this API name.</summary>
    public CrmStatus? FindContactStatus(string apiName) =>
        (_contactStatuses ??= FirstByKey(Metadata.ContactStatuses, s => s.ApiName, StringComparer.Ordinal)).TryGetValue(apiName, out var status) ? status : null;

    public NearMatch LeadStatusMatch => _leadStatusMatch ??= new NearMatch(Metadata.LeadStatuses.Select(s => (s.ApiName, (string?)s.Label)));

    public NearMatch ContactStatusMatch => _contactStatusMatch ??= new NearMatch(Metadata.ContactStatuses.Select(s => (s.ApiName, (string?)s.Label)));

    public NearMatch StageNameMatch => _stageNameMatch ??= new NearMatch(Content.Stages.Select(s => (s.Name, (string?)null)));

    /// <summary>The Lead field mappings of the Outreach field Stage (more than one is SM007's business).</summary>
    public IReadOnlyList<FieldMapping> LeadStageMappings
    {
        get
        {
            ReadFieldMappings();
            return _leadStageMappings!;
        }
    }

    /// <summary>The Contact field mapping of the Outreach field Stage Name (the first, if several).</summary>
    public FieldMapping? ContactStageNameMapping
    {
        get
        {
            ReadFieldMappings();
            return _contactStageNameMapping;
        }
    }

    /// <summary>True when <paramref name="mapping"/> is the Lead Stage &lt;&gt; Status lookup of DESIGN §4.</summary>
    public static bool IsLeadStatusLookup(FieldMapping mapping) =>
        mapping.Object == CrmObject.Lead
        && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.Stage.Name)
        && CrmNameComparer.Equals(mapping.CrmField.Trim(), LeadStatusField)
        && mapping.Options.LookupField
        && mapping.Options.ExternalMappedField
        && CrmNameComparer.Equals(mapping.Options.ExternalMappedType?.Trim() ?? string.Empty, LeadStatusType);

    private void ReadFieldMappings()
    {
        if (_fieldMappingsRead)
        {
            return;
        }

        _leadStageMappings = new List<FieldMapping>();
        foreach (var mapping in Content.FieldMappings)
        {
            if (mapping.Object == CrmObject.Lead && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.Stage.Name))
            {
                _leadStageMappings.Add(mapping);
            }
            else if (mapping.Object == CrmObject.Contact && _contactStageNameMapping is null
                && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.StageName.Name))
            {
                _contactStageNameMapping = mapping;
            }
        }

        _fieldMappingsRead = true;
    }

    private static Dictionary<TKey, T> FirstByKey<TKey, T>(IEnumerable<T> items, Func<T, TKey> key, IEqualityComparer<TKey> comparer)
        where TKey : notnull
    {
        var index = new Dictionary<TKey, T>(comparer);
        foreach (var item in items)
        {
            var k = key(item);
            if (!index.ContainsKey(k))
            {
                index[k] = item;
            }
        }

        return index;
    }
}

/// <summary>Items grouped by a key, the groups in the order their keys first appear.</summary>
public sealed class Groups<TKey, T>
    where TKey : notnull
{
    private readonly Dictionary<TKey, List<T>> _byKey;
    private readonly List<KeyValuePair<TKey, List<T>>> _inOrder = new();

    public Groups(IEnumerable<T> items, Func<T, TKey> key, IEqualityComparer<TKey> comparer)
    {
        _byKey = new Dictionary<TKey, List<T>>(comparer);
        foreach (var item in items)
        {
            var k = key(item);
            if (!_byKey.TryGetValue(k, out var members))
            {
                _byKey[k] = members = new List<T>(1);
                _inOrder.Add(new KeyValuePair<TKey, List<T>>(k, members));
            }

            members.Add(item);
        }
    }

    /// <summary>Every group, in first-appearance order.</summary>
    public IEnumerable<KeyValuePair<TKey, List<T>>> All => _inOrder;

    public bool Contains(TKey key) => _byKey.ContainsKey(key);

    public IReadOnlyList<T> Of(TKey key) => _byKey.TryGetValue(key, out var members) ? members : Array.Empty<T>();
}
