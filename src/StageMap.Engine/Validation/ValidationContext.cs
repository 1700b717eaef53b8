using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Validation;

/// <summary>
/// The configuration under validation with every name and stage id resolved once, in one pass: a
/// <see cref="NameFacts"/> per distinct name and a <see cref="StageIdFacts"/> per stage id, and for each
/// stage, mapping and CRM value the facts that concern it, in the configuration's (or CRM's) order. The
/// rules read these and look nothing up themselves, so validation is linear in the size of the
/// configuration and touches each name's data once, however many rules ask about it.
/// </summary>
public sealed class ValidationContext
{
    /// <summary>The CRM field of the Lead Stage &lt;&gt; Status lookup mapping.</summary>
    public const string LeadStatusField = "Status";

    /// <summary>The External Mapped Type of the Lead Stage &lt;&gt; Status lookup mapping.</summary>
    public const string LeadStatusType = "LeadStatus";

    /// <summary>Salesforce object and field API names ignore case; picklist values do not.</summary>
    public static StringComparer CrmNameComparer { get; } = StringComparer.OrdinalIgnoreCase;

    private readonly Dictionary<string, NameFacts> _names;
    private readonly Dictionary<int, StageIdFacts> _stageIds;
    private readonly NameFacts[] _stageNames;
    private readonly StageIdFacts[] _stageIdFacts;
    private readonly NameFacts[] _mappingNames;
    private readonly StageIdFacts[] _mappingStages;
    private readonly List<NameFacts> _leadStatuses;
    private readonly List<NameFacts> _contactStatuses;
    private readonly bool _anyStageMappedTwice;
    private readonly bool _anyStatusMappedTwice;
    private Dictionary<string, Stage>? _stagesByName;
    private NearMatch? _leadStatusMatch;
    private NearMatch? _contactStatusMatch;
    private NearMatch? _stageNameMatch;
    private List<FieldMapping>? _leadStageMappings;
    private FieldMapping? _contactStageNameMapping;

    public ValidationContext(ConfigurationContent content)
    {
        Content = content ?? throw new ArgumentNullException(nameof(content));
        var stages = content.Stages;
        var mappings = content.LeadStatusMappings;
        var metadata = content.CrmMetadata;
        _names = new Dictionary<string, NameFacts>(Math.Max(stages.Count, Math.Max(mappings.Count, metadata.LeadStatuses.Count)), StringComparer.Ordinal);
        _stageIds = new Dictionary<int, StageIdFacts>(stages.Count);

        _stageNames = new NameFacts[stages.Count];
        _stageIdFacts = new StageIdFacts[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var name = _stageNames[i] = Facts(stage.Name);
            name.Stage ??= stage;
            var id = _stageIdFacts[i] = StageId(stage.Id);
            id.Stage ??= stage;
        }

        _leadStatuses = Resolve(metadata.LeadStatuses, (facts, status) => facts.LeadStatus is null ? facts.LeadStatus = status : null);
        _contactStatuses = Resolve(metadata.ContactStatuses, (facts, status) => facts.ContactStatus is null ? facts.ContactStatus = status : null);

        _mappingNames = new NameFacts[mappings.Count];
        _mappingStages = new StageIdFacts[mappings.Count];
        for (var i = 0; i < mappings.Count; i++)
        {
            var name = _mappingNames[i] = Facts(mappings[i].CrmStatus);
            if (name.MappingCount++ == 0)
            {
                name.FirstMapping = i;
            }
            else
            {
                _anyStatusMappedTwice = true;
            }

            var stage = _mappingStages[i] = StageId(mappings[i].StageId);
            _anyStageMappedTwice |= stage.MappingCount++ > 0;
        }
    }

    public ConfigurationContent Content { get; }

    public CrmMetadata Metadata => Content.CrmMetadata;

    /// <summary>Each stage (in the configuration's order) with the facts of its name and of its id.</summary>
    public IEnumerable<(Stage Stage, NameFacts Name, StageIdFacts Id)> Stages
    {
        get
        {
            for (var i = 0; i < _stageNames.Length; i++)
            {
                yield return (Content.Stages[i], _stageNames[i], _stageIdFacts[i]);
            }
        }
    }

    /// <summary>Each lead status mapping (in order) with the facts of its status and of its stage id.</summary>
    public IEnumerable<(LeadStatusMapping Mapping, NameFacts Status, StageIdFacts Stage)> Mappings
    {
        get
        {
            for (var i = 0; i < _mappingNames.Length; i++)
            {
                yield return (Content.LeadStatusMappings[i], _mappingNames[i], _mappingStages[i]);
            }
        }
    }

    /// <summary>Each mapped status once, at its first mapping, in order.</summary>
    public IEnumerable<(LeadStatusMapping Mapping, NameFacts Status, StageIdFacts Stage)> DistinctMappings
    {
        get
        {
            for (var i = 0; i < _mappingNames.Length; i++)
            {
                if (_mappingNames[i].FirstMapping == i)
                {
                    yield return (Content.LeadStatusMappings[i], _mappingNames[i], _mappingStages[i]);
                }
            }
        }
    }

    /// <summary>The facts of each CRM lead status, each API name once, in the CRM's order (so each has its LeadStatus).</summary>
    public IReadOnlyList<NameFacts> LeadStatuses => _leadStatuses;

    /// <summary>The facts of each contact status value, each API name once, in the CRM's order (so each has its ContactStatus).</summary>
    public IReadOnlyList<NameFacts> ContactStatuses => _contactStatuses;

    /// <summary>Stages mapped by more than one lead status mapping, with those mappings, in the order the stages are first mapped.</summary>
    public IReadOnlyList<(StageIdFacts Stage, List<LeadStatusMapping> Mappings)> StagesMappedMoreThanOnce =>
        _anyStageMappedTwice ? Repeated(_mappingStages, s => s.MappingCount) : Array.Empty<(StageIdFacts, List<LeadStatusMapping>)>();

    /// <summary>Statuses mapped more than once, with those mappings, in the order the statuses are first mapped.</summary>
    public IReadOnlyList<(NameFacts Status, List<LeadStatusMapping> Mappings)> StatusesMappedMoreThanOnce =>
        _anyStatusMappedTwice ? Repeated(_mappingNames, s => s.MappingCount) : Array.Empty<(NameFacts, List<LeadStatusMapping>)>();

    /// <summary>The stage with this id, or null.</summary>
    public Stage? FindStageById(int id) => _stageIds.TryGetValue(id, out var facts) ? facts.Stage : null;

    /// <summary>The stage of this name, compared ignoring case as Outreach does (an index built on first use).</summary>
    public Stage? FindStage(string name)
    {
        if (_stagesByName is null)
        {
            _stagesByName = new Dictionary<string, Stage>(Content.Stages.Count, StageNames.Comparer);
            foreach (var stage in Content.Stages)
            {
                if (!_stagesByName.ContainsKey(stage.Name))
                {
                    _stagesByName[stage.Name] = stage;
                }
            }
        }

        return _stagesByName.TryGetValue(name, out var found) ? found : null;
    }

    /// <summary>The facts of exactly this name, or null when neither the configuration nor the CRM metadata uses it.</summary>
    public NameFacts? FindName(string name) => _names.TryGetValue(name, out var facts) ? facts : null;

    /// <summary>True when a stage id is mapped by at least one lead status mapping.</summary>
    public bool IsStageMapped(int id) => _stageIds.TryGetValue(id, out var facts) && facts.MappingCount > 0;

    // LeadStatuses holds only names that have a lead status, ContactStatuses only those that have a contact status.
    public NearMatch LeadStatusMatch => _leadStatusMatch ??= CrmStatus.NearMatchOf(_leadStatuses.ConvertAll(s => s.LeadStatus!));

    public NearMatch ContactStatusMatch => _contactStatusMatch ??= NearMatch.Of(_contactStatuses, s => s.Name, s => s.ContactStatus!.Label);

    public NearMatch StageNameMatch => _stageNameMatch ??= NearMatch.Of(Content.Stages, s => s.Name, _ => null);

    /// <summary>The Lead field mappings of the Outreach field Stage (more than one is SM007's business).</summary>
    public IReadOnlyList<FieldMapping> LeadStageMappings
    {
        get
        {
            ReadFieldMappings();
            return _leadStageMappings;
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

    /// <summary>True when <paramref name="mapping"/> is the Lead Stage &lt;&gt; Status lookup (docs/design.md, Conversion).</summary>
    public static bool IsLeadStatusLookup(FieldMapping mapping) =>
        mapping.Object == CrmObject.Lead
        && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.Stage.Name)
        && CrmNameComparer.Equals(mapping.CrmField.Trim(), LeadStatusField)
        && mapping.Options.LookupField
        && mapping.Options.ExternalMappedField
        && CrmNameComparer.Equals(mapping.Options.ExternalMappedType?.Trim() ?? string.Empty, LeadStatusType);

    private NameFacts Facts(string name)
    {
        if (!_names.TryGetValue(name, out var facts))
        {
            _names[name] = facts = new NameFacts(name);
        }

        return facts;
    }

    private StageIdFacts StageId(int id)
    {
        if (!_stageIds.TryGetValue(id, out var facts))
        {
            _stageIds[id] = facts = new StageIdFacts(id);
        }

        return facts;
    }

    /// <summary>The facts of each status, each API name once (the first claims the name), in the CRM's order.</summary>
    private List<NameFacts> Resolve(IReadOnlyList<CrmStatus> statuses, Func<NameFacts, CrmStatus, CrmStatus?> claim)
    {
        var distinct = new List<NameFacts>(statuses.Count);
        foreach (var status in statuses)
        {
            var facts = Facts(status.ApiName);
            if (claim(facts, status) is not null)
            {
                distinct.Add(facts);
            }
        }

        return distinct;
    }

    /// <summary>The keys counted more than once, each with its mappings, in the order the keys first appear.</summary>
    private List<(TKey Key, List<LeadStatusMapping> Mappings)> Repeated<TKey>(TKey[] keyOfMapping, Func<TKey, int> count)
        where TKey : class
    {
        var repeated = new List<(TKey, List<LeadStatusMapping>)>();
        var members = new Dictionary<TKey, List<LeadStatusMapping>>();
        for (var i = 0; i < keyOfMapping.Length; i++)
        {
            var key = keyOfMapping[i];
            if (count(key) < 2)
            {
                continue;
            }

            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = new List<LeadStatusMapping>(count(key));
                repeated.Add((key, list));
            }

            list.Add(Content.LeadStatusMappings[i]);
        }

        return repeated;
    }

    [MemberNotNull(nameof(_leadStageMappings))]
    private void ReadFieldMappings()
    {
        if (_leadStageMappings is not null)
        {
            return;
        }

        var leadStage = new List<FieldMapping>();
        foreach (var mapping in Content.FieldMappings)
        {
            if (mapping.Object == CrmObject.Lead && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.Stage.Name))
            {
                leadStage.Add(mapping);
            }
            else if (mapping.Object == CrmObject.Contact && _contactStageNameMapping is null
                && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.StageName.Name))
            {
                _contactStageNameMapping = mapping;
            }
        }

        _leadStageMappings = leadStage;
    }
}
