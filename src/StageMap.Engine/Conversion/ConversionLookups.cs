using System;
using System.Collections.Generic;
using System.Globalization;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// The lookup tables a conversion needs, built once per command from the configuration: stages by id,
/// by name (ignoring case, as the configuration compares them) and by exact name (as the sync compares
/// text); lead status mappings by API name and by stage; LeadStatus record ids from the metadata.
/// </summary>
internal sealed class ConversionLookups
{
    private readonly Dictionary<int, Stage> _stagesById = new();
    private readonly Dictionary<int, object> _boxedIds = new();
    private readonly Dictionary<string, Stage> _stagesByName = new(StageNames.Comparer);
    private readonly Dictionary<string, Stage> _stagesByExactName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LeadStatusMapping> _mappingsByStatus = new(StringComparer.Ordinal);
    private readonly Dictionary<int, LeadStatusMapping> _mappingsByStage = new();
    private readonly Dictionary<string, string> _statusByShortId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByStatus = new(StringComparer.Ordinal);
    private readonly TextTable<Stage> _stageTextByExactName;
    private readonly TextTable<MappedStatus> _mappedStatusText;
    private readonly TextTable<string> _statusTextByShortId;

    public ConversionLookups(StageMapConfiguration configuration)
    {
        foreach (var stage in configuration.Stages)
        {
            TryAdd(_stagesById, stage.Id, stage);
            TryAdd(_boxedIds, stage.Id, stage.Id);
            TryAdd(_stagesByName, stage.Name, stage);
            TryAdd(_stagesByExactName, stage.Name, stage);
        }

        // A hand-edited file can map a status or a stage twice (Test-StageMapping reports it): the first mapping wins.
        foreach (var mapping in configuration.LeadStatusMappings)
        {
            TryAdd(_mappingsByStatus, mapping.CrmStatus, mapping);
            TryAdd(_mappingsByStage, mapping.StageId, mapping);
        }

        foreach (var status in configuration.CrmMetadata.LeadStatuses)
        {
            if (status.Id is { } id && SalesforceId.ToShort(id) is { } shortId)
            {
                TryAdd(_statusByShortId, shortId, status.ApiName);
                TryAdd(_idByStatus, status.ApiName, id);
            }
        }

        _stageTextByExactName = new TextTable<Stage>(_stagesByExactName);
        var mapped = new List<KeyValuePair<string, MappedStatus>>();
        foreach (var entry in _mappingsByStatus)
        {
            var stage = StageById(entry.Value.StageId);
            mapped.Add(new KeyValuePair<string, MappedStatus>(entry.Key, new MappedStatus(entry.Value, stage, stage is null ? null : BoxedId(stage))));
        }

        _mappedStatusText = new TextTable<MappedStatus>(mapped);
        _statusTextByShortId = new TextTable<string>(_statusByShortId);
    }

    public bool HasLeadStatusIds => _statusByShortId.Count > 0;

    public bool HasLeadStatusMappings => _mappingsByStatus.Count > 0;

    /// <summary>The stage's id, boxed once for all the records that get it.</summary>
    public object BoxedId(Stage stage) => _boxedIds.TryGetValue(stage.Id, out var boxed) ? boxed : stage.Id;

    public Stage? StageById(int id) => _stagesById.TryGetValue(id, out var stage) ? stage : null;

    public Stage? StageByName(string name) => _stagesByName.TryGetValue(name, out var stage) ? stage : null;

    public Stage? StageByExactName(string name) => _stagesByExactName.TryGetValue(name, out var stage) ? stage : null;

    /// <summary><see cref="StageByExactName(string)"/> for text a file reader holds.</summary>
    public Stage? StageByExactName(ReadOnlySpan<char> name) => _stageTextByExactName.Find(name);

    /// <summary>The mapping of the lead status with this API name (ordinal), with its stage looked up once for every record; null when it is not mapped.</summary>
    public MappedStatus? MappingOfStatus(ReadOnlySpan<char> apiName) => _mappedStatusText.Find(apiName);

    public LeadStatusMapping? MappingOfStage(int stageId) => _mappingsByStage.TryGetValue(stageId, out var mapping) ? mapping : null;

    /// <summary>The API name of the LeadStatus with this 15- or 18-character record id, or null.</summary>
    public string? StatusOfId(string id)
    {
        var shortId = SalesforceId.ToShort(id);
        return shortId is not null && _statusByShortId.TryGetValue(shortId, out var apiName) ? apiName : null;
    }

    /// <summary><see cref="StatusOfId(string)"/> for text a file reader holds.</summary>
    public string? StatusOfId(ReadOnlySpan<char> id) => SalesforceId.TryShort(id, out var shortId) ? _statusTextByShortId.Find(shortId) : null;

    /// <summary>The record id of the LeadStatus with this API name, as the metadata holds it, or null.</summary>
    public string? IdOfStatus(string apiName) => _idByStatus.TryGetValue(apiName, out var id) ? id : null;

    /// <summary>
    /// The stage a prospect's stage value names: a whole number is a stage id, anything else a stage
    /// name (ignoring case). Null when there is no such stage.
    /// </summary>
    public Stage? ResolveStage(object value)
    {
        if (value is TextSlice text)
        {
            value = text.ToString();
        }

        var id = AsStageId(value);
        return id is not null ? StageById(id.Value) : StageByName(RecordValue.Text(value).Trim());
    }

    private static int? AsStageId(object value) => value switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        short s => s,
        decimal d when d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        double f when f == Math.Truncate(f) && f is >= int.MinValue and <= int.MaxValue => (int)f,
        string s when int.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static void TryAdd<TKey, TValue>(Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        if (!dictionary.ContainsKey(key))
        {
            dictionary.Add(key, value);
        }
    }
}

/// <summary>A lead status mapping with its stage (<see cref="ConversionLookups.StageById"/>, null when there is none) and that stage's boxed id, found once per command.</summary>
internal sealed class MappedStatus
{
    public MappedStatus(LeadStatusMapping mapping, Stage? stage, object? boxedStageId)
    {
        Mapping = mapping;
        Stage = stage;
        BoxedStageId = boxedStageId;
    }

    public LeadStatusMapping Mapping { get; }

    public Stage? Stage { get; }

    public object? BoxedStageId { get; }
}
