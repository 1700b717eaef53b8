using System.Collections.Generic;
using Newtonsoft.Json;
using StageMap.Engine.Model;

namespace StageMap.Engine.Storage;

// The configuration file's JSON shape, kept apart from the model so the file format changes only on
// purpose (with ConfigurationSerializer.CurrentSchemaVersion). Defaults are left out when writing.
// These classes are also the schema ContractCheck holds a file to before it is deserialized: a
// property that may be null says NullValueHandling.Ignore, a name within ReadLimits says [NameText].

internal sealed class ConfigurationFile
{
    [JsonProperty("schemaVersion", Required = Required.Always, Order = 0)]
    public int SchemaVersion { get; set; }

    [JsonProperty("experience", Order = 1)]
    public Experience Experience { get; set; }

    [JsonProperty("stages", Order = 2)]
    public List<StageEntry> Stages { get; set; } = new();

    [JsonProperty("leadStatusMappings", Order = 3)]
    public List<LeadStatusMappingEntry> LeadStatusMappings { get; set; } = new();

    [JsonProperty("fieldMappings", Order = 4)]
    public List<FieldMappingEntry> FieldMappings { get; set; } = new();

    [JsonProperty("crmMetadata", Order = 5, NullValueHandling = NullValueHandling.Ignore)]
    public CrmMetadataEntry? CrmMetadata { get; set; }
}

internal sealed class StageEntry
{
    [JsonProperty("id", Required = Required.Always)]
    public int Id { get; set; }

    /// <summary>Schema 3, required there: the stage's identity, kept when its id changes. Schema 1 and 2 files have none; a stage's key is then its id.</summary>
    [JsonProperty("key", NullValueHandling = NullValueHandling.Ignore), NameText]
    public string? Key { get; set; }

    [JsonProperty("name", Required = Required.Always), NameText]
    public string Name { get; set; } = "";

    [JsonProperty("order", Required = Required.Always)]
    public int Order { get; set; }

    [JsonProperty("color", NullValueHandling = NullValueHandling.Ignore)]
    public string? Color { get; set; }

    /// <summary>Schema 2: the stage as Outreach last showed it; absent for a stage Outreach is not known to have.</summary>
    [JsonProperty("outreach", NullValueHandling = NullValueHandling.Ignore)]
    public OutreachStageEntry? Outreach { get; set; }
}

internal sealed class OutreachStageEntry
{
    [JsonProperty("name", Required = Required.Always), NameText]
    public string Name { get; set; } = "";

    [JsonProperty("order", Required = Required.Always)]
    public int Order { get; set; }

    [JsonProperty("color", NullValueHandling = NullValueHandling.Ignore)]
    public string? Color { get; set; }
}

internal sealed class LeadStatusMappingEntry
{
    [JsonProperty("crmStatus", Required = Required.Always), NameText]
    public string CrmStatus { get; set; } = "";

    [JsonProperty("stageId", Required = Required.Always)]
    public int StageId { get; set; }
}

internal sealed class FieldMappingEntry
{
    [JsonProperty("object", Required = Required.Always)]
    public CrmObject Object { get; set; }

    [JsonProperty("outreachField", Required = Required.Always)]
    public string OutreachField { get; set; } = "";

    [JsonProperty("crmField", Required = Required.Always)]
    public string CrmField { get; set; } = "";

    [JsonProperty("direction")]
    public SyncDirection Direction { get; set; }

    [JsonProperty("options", NullValueHandling = NullValueHandling.Ignore)]
    public FieldMappingOptionsEntry? Options { get; set; }
}

[JsonObject(ItemNullValueHandling = NullValueHandling.Ignore)]
internal sealed class FieldMappingOptionsEntry
{
    [JsonProperty("skipEmptyOnPush", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool SkipEmptyOnPush { get; set; }

    [JsonProperty("skipEmptyOnPull", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool SkipEmptyOnPull { get; set; }

    [JsonProperty("externalEmptyPlaceholder", NullValueHandling = NullValueHandling.Ignore)]
    public string? ExternalEmptyPlaceholder { get; set; }

    [JsonProperty("internalEmptyPlaceholder", NullValueHandling = NullValueHandling.Ignore)]
    public string? InternalEmptyPlaceholder { get; set; }

    [JsonProperty("lookupField", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool LookupField { get; set; }

    [JsonProperty("externalMappedField", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool ExternalMappedField { get; set; }

    [JsonProperty("externalMappedType", NullValueHandling = NullValueHandling.Ignore)]
    public string? ExternalMappedType { get; set; }

    [JsonProperty("lookForName", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool LookForName { get; set; }

    [JsonProperty("displayName", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool DisplayName { get; set; }
}

internal sealed class CrmMetadataEntry
{
    [JsonProperty("leadStatuses")]
    public List<CrmStatusEntry> LeadStatuses { get; set; } = new();

    [JsonProperty("contactStatusField")]
    public string ContactStatusField { get; set; } = Model.CrmMetadata.DefaultContactStatusField;

    [JsonProperty("contactStatuses")]
    public List<CrmStatusEntry> ContactStatuses { get; set; } = new();

    [JsonProperty("leadFields")]
    public List<string> LeadFields { get; set; } = new();

    [JsonProperty("contactFields")]
    public List<string> ContactFields { get; set; } = new();

    /// <summary>Schema 2, optional (absent when no describe gave labels): the Lead fields' labels.</summary>
    [JsonProperty("leadFieldLabels", NullValueHandling = NullValueHandling.Ignore)]
    public List<CrmFieldLabelEntry>? LeadFieldLabels { get; set; }

    /// <summary>Schema 2, optional: the Contact fields' labels.</summary>
    [JsonProperty("contactFieldLabels", NullValueHandling = NullValueHandling.Ignore)]
    public List<CrmFieldLabelEntry>? ContactFieldLabels { get; set; }

    /// <summary>Optional (absent when none is known): the record types of Lead and Contact and the statuses each offers.</summary>
    [JsonProperty("recordTypes", NullValueHandling = NullValueHandling.Ignore)]
    public List<CrmRecordTypeEntry>? RecordTypes { get; set; }

    [JsonProperty("sources")]
    public List<string> Sources { get; set; } = new();
}

internal sealed class CrmRecordTypeEntry
{
    [JsonProperty("object", Required = Required.Always)]
    public CrmObject Object { get; set; }

    [JsonProperty("developerName", Required = Required.Always), NameText]
    public string DeveloperName { get; set; } = "";

    [JsonProperty("label", Required = Required.Always), NameText]
    public string Label { get; set; } = "";

    [JsonProperty("id", NullValueHandling = NullValueHandling.Ignore)]
    public string? Id { get; set; }

    [JsonProperty("isActive")]
    public bool IsActive { get; set; } = true;

    [JsonProperty("isMaster", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsMaster { get; set; }

    [JsonProperty("businessProcess", NullValueHandling = NullValueHandling.Ignore), NameText]
    public string? BusinessProcess { get; set; }

    /// <summary>The statuses it offers, in order; absent when not known (and for the master record type, which offers every one).</summary>
    [JsonProperty("values", NullValueHandling = NullValueHandling.Ignore), NameText]
    public List<string>? Values { get; set; }

    [JsonProperty("defaultValue", NullValueHandling = NullValueHandling.Ignore), NameText]
    public string? DefaultValue { get; set; }

    [JsonProperty("convertedValues", NullValueHandling = NullValueHandling.Ignore), NameText]
    public List<string>? ConvertedValues { get; set; }

    [JsonProperty("sfdxProject", NullValueHandling = NullValueHandling.Ignore)]
    public string? SfdxProject { get; set; }
}

internal sealed class CrmFieldLabelEntry
{
    [JsonProperty("name", Required = Required.Always)]
    public string Name { get; set; } = "";

    [JsonProperty("label", Required = Required.Always)]
    public string Label { get; set; } = "";
}

internal sealed class CrmStatusEntry
{
    [JsonProperty("apiName", Required = Required.Always), NameText]
    public string ApiName { get; set; } = "";

    [JsonProperty("label", NullValueHandling = NullValueHandling.Ignore), NameText]
    public string? Label { get; set; }

    [JsonProperty("isDefault", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsDefault { get; set; }

    [JsonProperty("isConverted", DefaultValueHandling = DefaultValueHandling.Ignore)]
    public bool IsConverted { get; set; }

    [JsonProperty("isActive")]
    public bool IsActive { get; set; } = true;

    [JsonProperty("id", NullValueHandling = NullValueHandling.Ignore)]
    public string? Id { get; set; }
}
