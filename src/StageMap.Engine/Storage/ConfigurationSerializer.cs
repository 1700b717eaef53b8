using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>Turns configuration content into the file's JSON and back, checking what JSON alone cannot.</summary>
public static class ConfigurationSerializer
{
    /// <summary>The schema this version writes, and the newest it reads.</summary>
    /// <remarks>
    /// 2 added a stage's <c>outreach</c> state; a file of schema 1 reads as stages Outreach is not known
    /// to have. 3 added a stage's <c>key</c>, its identity through changes of id; a stage of a schema 1
    /// or 2 file takes its id as its key (the migration), so the file compares with its saved
    /// successors as the same stages.
    /// </remarks>
    public const int CurrentSchemaVersion = 3;

    /// <summary>The first schema whose stages carry a key.</summary>
    private const int KeySchemaVersion = 3;

    public static byte[] ToBytes(ConfigurationContent content) => StrictJson.ToFileBytes(ToFile(content));

    /// <summary>Reads file bytes; <paramref name="path"/> names the file in errors.</summary>
    /// <remarks>
    /// Everything is checked before anything is converted: the encoding and the JSON limits
    /// (<see cref="StrictJson.ParseDocuments"/>), the schema version, every value's type and range
    /// (<see cref="ContractCheck"/>), then what JSON alone cannot say (unique stage ids and names).
    /// </remarks>
    /// <exception cref="StageMapException">InvalidConfigurationFile or UnsupportedSchemaVersion.</exception>
    public static ConfigurationContent FromBytes(byte[] bytes, string path)
    {
        var documents = StrictJson.ParseDocuments(bytes, multipleDocuments: false, (problem, e) => Failures.InvalidConfigurationFile(path, problem, e));
        if (documents.Count == 0)
        {
            throw Failures.EmptyConfigurationFile(path);
        }

        var source = new JsonSource(path, problem => Failures.InvalidConfigurationFile(path, problem));
        var root = documents[0];
        if (root is not JObject obj)
        {
            throw source.Invalid(root, $"the file must hold one JSON object, not {JsonSource.TypeName(root)}.");
        }

        var version = CheckSchemaVersion(obj, source);
        new ContractCheck(source, StrictJson.Serializer).Check(obj, typeof(ConfigurationFile));
        ConfigurationFile file;
        try
        {
            // ToObject of a JSON object gives an object, never null.
            file = obj.ToObject<ConfigurationFile>(StrictJson.Serializer)!;
        }
        catch (JsonException e)
        {
            throw Failures.InvalidConfigurationFile(path, StrictJson.Describe(e), e);
        }

        return ToContent(file, version, obj, source);
    }

    private static int CheckSchemaVersion(JObject obj, JsonSource source)
    {
        var token = JsonSource.Get(obj, "schemaVersion");
        if (token is null)
        {
            throw source.Invalid(obj, "it has no schemaVersion.");
        }

        if (!StrictJson.TryGetInt32(token, out var version))
        {
            throw source.Invalid(token, $"schemaVersion must be a whole number, not {JsonSource.TypeName(token)}.");
        }

        if (version > CurrentSchemaVersion)
        {
            throw Failures.UnsupportedSchemaVersion(source.Path, version, CurrentSchemaVersion);
        }

        if (version < 1)
        {
            throw source.Invalid(token, $"schemaVersion {version} does not exist.");
        }

        return version;
    }

    private static ConfigurationFile ToFile(ConfigurationContent content) => new()
    {
        SchemaVersion = CurrentSchemaVersion,
        Experience = content.Experience,
        Stages = content.Stages.Select(ToEntry).ToList(),
        LeadStatusMappings = content.LeadStatusMappings.Select(m => new LeadStatusMappingEntry { CrmStatus = m.CrmStatus, StageId = m.StageId }).ToList(),
        FieldMappings = content.FieldMappings.Select(ToEntry).ToList(),
        CrmMetadata = content.CrmMetadata.IsEmpty ? null : ToEntry(content.CrmMetadata),
    };

    /// <summary>
    /// The model of a checked file; <paramref name="obj"/> gives the line and position of a stage at
    /// fault. A stage of a file before schema 3 takes its id as its key.
    /// </summary>
    private static ConfigurationContent ToContent(ConfigurationFile file, int version, JObject obj, JsonSource source)
    {
        var stageTokens = (JsonSource.Get(obj, "stages") as JArray)?.ToList() ?? new List<JToken>();
        var ids = new Dictionary<int, int>();
        var names = new Dictionary<string, int>(StageNames.Comparer);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < file.Stages.Count; i++)
        {
            var stage = file.Stages[i];
            if (stage.Id < 1)
            {
                throw source.Invalid(stageTokens[i], $"stage '{stage.Name}' has id {stage.Id}; stage ids are whole numbers above zero.");
            }

            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                throw source.Invalid(stageTokens[i], $"stage {stage.Id} has an empty name.");
            }

            if (ids.TryGetValue(stage.Id, out var sameId))
            {
                throw source.Invalid(stageTokens[i], $"two stages have id {stage.Id} ('{file.Stages[sameId].Name}' at {StrictJson.Where(stageTokens[sameId])} and '{stage.Name}').");
            }

            if (names.TryGetValue(stage.Name, out var sameName))
            {
                throw source.Invalid(stageTokens[i], $"stages '{file.Stages[sameName].Name}' (at {StrictJson.Where(stageTokens[sameName])}) and '{stage.Name}' have the same name (stage names are unique, ignoring case).");
            }

            if (version < KeySchemaVersion && stage.Key is not null)
            {
                throw source.Invalid(stageTokens[i], $"stage '{stage.Name}' has a key, which schemaVersion {version} does not have (keys came with schemaVersion {KeySchemaVersion}).");
            }

            stage.Key ??= version < KeySchemaVersion ? stage.Id.ToString(CultureInfo.InvariantCulture) : null;
            if (NullableText.IsNullOrWhiteSpace(stage.Key))
            {
                throw source.Invalid(stageTokens[i], $"stage '{stage.Name}' has no key; every stage of schemaVersion {version} has one.");
            }

            if (keys.TryGetValue(stage.Key, out var sameKey))
            {
                throw source.Invalid(stageTokens[i], $"stages '{file.Stages[sameKey].Name}' (at {StrictJson.Where(stageTokens[sameKey])}) and '{stage.Name}' have the same key '{stage.Key}' (a stage's key is its identity).");
            }

            ids.Add(stage.Id, i);
            names.Add(stage.Name, i);
            keys.Add(stage.Key, i);
        }

        CheckRecordTypes(file.CrmMetadata?.RecordTypes, JsonSource.Get(obj, "crmMetadata") is JObject metadata ? JsonSource.Get(metadata, "recordTypes") as JArray : null, source);
        return new ConfigurationContent
        {
            Experience = file.Experience,
            Stages = file.Stages.Select(ToModel).ToList(),
            LeadStatusMappings = file.LeadStatusMappings.Select(m => new LeadStatusMapping(m.CrmStatus, null, m.StageId)).ToList(),
            FieldMappings = file.FieldMappings.Select(ToModel).ToList(),
            CrmMetadata = file.CrmMetadata is null ? CrmMetadata.Empty : ToModel(file.CrmMetadata),
        };
    }

    /// <summary>A record type is listed once per object (developer names compare ignoring case, as Salesforce's do), and offers each value once.</summary>
    private static void CheckRecordTypes(List<CrmRecordTypeEntry>? recordTypes, JArray? tokens, JsonSource source)
    {
        if (recordTypes is null || tokens is null)
        {
            return;
        }

        var seen = new HashSet<(CrmObject, string)>();
        for (var i = 0; i < recordTypes.Count; i++)
        {
            var recordType = recordTypes[i];
            if (!seen.Add((recordType.Object, recordType.DeveloperName.ToUpperInvariant())))
            {
                throw source.Invalid(tokens[i], $"the {recordType.Object} record type '{recordType.DeveloperName}' is listed twice.");
            }

            if (recordType.Values?.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw source.Invalid(tokens[i], $"the {recordType.Object} record type '{recordType.DeveloperName}' lists the value '{twice.Key}' twice.");
            }
        }
    }

    private static StageEntry ToEntry(Stage s) => new()
    {
        Id = s.Id,
        Key = s.Key,
        Name = s.Name,
        Order = s.Order,
        Color = s.Color,
        Outreach = s.Outreach is null ? null : new OutreachStageEntry { Name = s.Outreach.Name, Order = s.Outreach.Order, Color = s.Outreach.Color },
    };

    private static Stage ToModel(StageEntry e) =>
        // Read gives every stage a key before it reaches the model (or refuses the file).
        new(e.Id, e.Name, e.Order, e.Color, e.Outreach is null ? null : new OutreachStageState(e.Outreach.Name, e.Outreach.Order, e.Outreach.Color)) { Key = e.Key! };

    private static FieldMappingEntry ToEntry(FieldMapping m) => new()
    {
        Object = m.Object,
        OutreachField = m.OutreachField,
        CrmField = m.CrmField,
        Direction = m.Direction,
        Options = m.Options == FieldMappingOptions.None ? null : new FieldMappingOptionsEntry
        {
            SkipEmptyOnPush = m.Options.SkipEmptyOnPush,
            SkipEmptyOnPull = m.Options.SkipEmptyOnPull,
            ExternalEmptyPlaceholder = m.Options.ExternalEmptyPlaceholder,
            InternalEmptyPlaceholder = m.Options.InternalEmptyPlaceholder,
            LookupField = m.Options.LookupField,
            ExternalMappedField = m.Options.ExternalMappedField,
            ExternalMappedType = m.Options.ExternalMappedType,
            LookForName = m.Options.LookForName,
            DisplayName = m.Options.DisplayName,
        },
    };

    private static FieldMapping ToModel(FieldMappingEntry e) => new(
        e.Object,
        e.OutreachField,
        e.CrmField,
        e.Direction,
        e.Options is null ? FieldMappingOptions.None : new FieldMappingOptions
        {
            SkipEmptyOnPush = e.Options.SkipEmptyOnPush,
            SkipEmptyOnPull = e.Options.SkipEmptyOnPull,
            ExternalEmptyPlaceholder = e.Options.ExternalEmptyPlaceholder,
            InternalEmptyPlaceholder = e.Options.InternalEmptyPlaceholder,
            LookupField = e.Options.LookupField,
            ExternalMappedField = e.Options.ExternalMappedField,
            ExternalMappedType = e.Options.ExternalMappedType,
            LookForName = e.Options.LookForName,
            DisplayName = e.Options.DisplayName,
        });

    private static CrmMetadataEntry ToEntry(CrmMetadata m) => new()
    {
        LeadStatuses = m.LeadStatuses.Select(ToEntry).ToList(),
        ContactStatusField = m.ContactStatusField,
        ContactStatuses = m.ContactStatuses.Select(ToEntry).ToList(),
        LeadFields = m.LeadFields.ToList(),
        ContactFields = m.ContactFields.ToList(),
        LeadFieldLabels = ToEntries(m.LeadFieldLabels),
        ContactFieldLabels = ToEntries(m.ContactFieldLabels),
        RecordTypes = m.RecordTypes.Count == 0 ? null : m.RecordTypes.Select(ToEntry).ToList(),
        Sources = m.Sources.ToList(),
    };

    private static CrmRecordTypeEntry ToEntry(CrmRecordType r) => new()
    {
        Object = r.Object,
        DeveloperName = r.DeveloperName,
        Label = r.Name,
        Id = r.Id,
        IsActive = r.IsActive,
        IsMaster = r.IsMaster,
        BusinessProcess = r.BusinessProcess,
        Values = r.Values.Count == 0 ? null : r.Values.ToList(),
        DefaultValue = r.DefaultValue,
        ConvertedValues = r.ConvertedValues.Count == 0 ? null : r.ConvertedValues.ToList(),
        SfdxProject = r.SfdxProject,
    };

    private static CrmRecordType ToModel(CrmRecordTypeEntry e) => new(e.Object, e.DeveloperName, e.Label)
    {
        Id = e.Id,
        IsActive = e.IsActive,
        IsMaster = e.IsMaster,
        BusinessProcess = e.BusinessProcess,
        Values = e.Values ?? new List<string>(),
        DefaultValue = e.DefaultValue,
        ConvertedValues = e.ConvertedValues ?? new List<string>(),
        SfdxProject = e.SfdxProject,
    };

    private static List<CrmFieldLabelEntry>? ToEntries(IReadOnlyList<CrmFieldLabel> labels) =>
        labels.Count == 0 ? null : labels.Select(l => new CrmFieldLabelEntry { Name = l.Name, Label = l.Label }).ToList();

    private static CrmStatusEntry ToEntry(CrmStatus s) => new()
    {
        ApiName = s.ApiName,
        Label = s.Label,
        IsDefault = s.IsDefault,
        IsConverted = s.IsConverted,
        IsActive = s.IsActive,
        Id = s.Id,
    };

    private static CrmMetadata ToModel(CrmMetadataEntry e) => new()
    {
        LeadStatuses = e.LeadStatuses.Select(s => ToModel(s, CrmObject.Lead)).ToList(),
        ContactStatusField = e.ContactStatusField,
        ContactStatuses = e.ContactStatuses.Select(s => ToModel(s, CrmObject.Contact)).ToList(),
        LeadFields = e.LeadFields,
        ContactFields = e.ContactFields,
        LeadFieldLabels = (e.LeadFieldLabels ?? new()).Select(l => new CrmFieldLabel(l.Name, l.Label)).ToList(),
        ContactFieldLabels = (e.ContactFieldLabels ?? new()).Select(l => new CrmFieldLabel(l.Name, l.Label)).ToList(),
        RecordTypes = (e.RecordTypes ?? new()).Select(ToModel).ToList(),
        Sources = e.Sources,
    };

    private static CrmStatus ToModel(CrmStatusEntry e, CrmObject crmObject) =>
        new(crmObject, e.ApiName, e.Label ?? e.ApiName, e.IsDefault, e.IsConverted, e.IsActive, e.Id);
}
