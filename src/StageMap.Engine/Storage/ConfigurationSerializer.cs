using System.IO;
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
    public const int CurrentSchemaVersion = 1;

    public static byte[] ToBytes(ConfigurationContent content)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false })
        {
            StrictJson.Serializer.Serialize(json, ToFile(content));
        }

        writer.Write('\n');
        return Encodings.Utf8NoBom.GetBytes(writer.ToString());
    }

    /// <summary>Reads file bytes; <paramref name="path"/> names the file in errors.</summary>
    /// <exception cref="StageMapException">InvalidConfigurationFile or UnsupportedSchemaVersion.</exception>
    public static ConfigurationContent FromBytes(byte[] bytes, string path)
    {
        JToken root;
        try
        {
            root = StrictJson.Parse(StrictText.Decode(bytes));
        }
        catch (JsonReaderException e)
        {
            throw Failures.InvalidConfigurationFile(path, StrictJson.Describe(e), e);
        }
        catch (UndecodableTextException e)
        {
            throw Failures.InvalidConfigurationFile(path, e.Problem, e);
        }

        if (root is not JObject obj)
        {
            throw Failures.InvalidConfigurationFile(path, $"{StrictJson.Where(root)}: the file must hold one JSON object.");
        }

        CheckSchemaVersion(obj, path);
        ConfigurationFile file;
        try
        {
            file = obj.ToObject<ConfigurationFile>(StrictJson.Serializer)
                ?? throw Failures.InvalidConfigurationFile(path, "the file is empty.");
        }
        catch (JsonException e)
        {
            throw Failures.InvalidConfigurationFile(path, StrictJson.Describe(e), e);
        }

        return ToContent(file, path);
    }

    private static void CheckSchemaVersion(JObject obj, string path)
    {
        var token = obj["schemaVersion"];
        if (token is null)
        {
            throw Failures.InvalidConfigurationFile(path, "it has no schemaVersion.");
        }

        if (token.Type != JTokenType.Integer)
        {
            throw Failures.InvalidConfigurationFile(path, $"{StrictJson.Where(token)}: schemaVersion must be a whole number.");
        }

        var version = token.Value<int>();
        if (version > CurrentSchemaVersion)
        {
            throw Failures.UnsupportedSchemaVersion(path, version, CurrentSchemaVersion);
        }

        if (version < 1)
        {
            throw Failures.InvalidConfigurationFile(path, $"{StrictJson.Where(token)}: schemaVersion {version} does not exist.");
        }
    }

    private static ConfigurationFile ToFile(ConfigurationContent content) => new()
    {
        SchemaVersion = CurrentSchemaVersion,
        Experience = content.Experience,
        Stages = content.Stages.Select(s => new StageEntry { Id = s.Id, Name = s.Name, Order = s.Order, Color = s.Color }).ToList(),
        LeadStatusMappings = content.LeadStatusMappings.Select(m => new LeadStatusMappingEntry { CrmStatus = m.CrmStatus, StageId = m.StageId }).ToList(),
        FieldMappings = content.FieldMappings.Select(ToEntry).ToList(),
        CrmMetadata = content.CrmMetadata.IsEmpty ? null : ToEntry(content.CrmMetadata),
    };

    private static ConfigurationContent ToContent(ConfigurationFile file, string path)
    {
        var stages = file.Stages.Select(s => new Stage(s.Id, s.Name, s.Order, s.Color)).ToList();
        var duplicateId = stages.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicateId is not null)
        {
            throw Failures.InvalidConfigurationFile(path, $"two stages have id {duplicateId.Key}.");
        }

        var duplicateName = stages.GroupBy(s => s.Name, StageNames.Comparer).FirstOrDefault(g => g.Count() > 1);
        if (duplicateName is not null)
        {
            var names = string.Join(", ", duplicateName.Select(s => $"'{s.Name}'"));
            throw Failures.InvalidConfigurationFile(path, $"stages {names} have the same name (stage names are unique, ignoring case).");
        }

        var blankName = stages.FirstOrDefault(s => string.IsNullOrWhiteSpace(s.Name));
        if (blankName is not null)
        {
            throw Failures.InvalidConfigurationFile(path, $"stage {blankName.Id} has an empty name.");
        }

        return new ConfigurationContent
        {
            Experience = file.Experience,
            Stages = stages,
            LeadStatusMappings = file.LeadStatusMappings.Select(m => new LeadStatusMapping(m.CrmStatus, null, m.StageId)).ToList(),
            FieldMappings = file.FieldMappings.Select(ToModel).ToList(),
            CrmMetadata = file.CrmMetadata is null ? CrmMetadata.Empty : ToModel(file.CrmMetadata),
        };
    }

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
        Sources = m.Sources.ToList(),
    };

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
        Sources = e.Sources,
    };

    private static CrmStatus ToModel(CrmStatusEntry e, CrmObject crmObject) =>
        new(crmObject, e.ApiName, e.Label ?? e.ApiName, e.IsDefault, e.IsConverted, e.IsActive, e.Id);
}
