using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>Configurations and records for conversion tests, built in code.</summary>
internal static class Configs
{
    public static readonly string[] StandardStatuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    /// <summary>LeadStatus record ids (18 characters, valid suffixes) of the four standard statuses.</summary>
    public static readonly string[] StandardStatusIds = { "01J5g00000Lb7QAEAZ", "01J5g00000Lb7QBEAZ", "01J5g00000Lb7QCEAZ", "01J5g00000Lb7QDEAZ" };

    public static FieldMappingOptions StageLookup(bool lookForName = true, bool displayName = false) => new()
    {
        LookupField = true,
        ExternalMappedField = true,
        ExternalMappedType = "LeadStatus",
        LookForName = lookForName,
        DisplayName = displayName,
    };

    public static FieldMapping Lead(string outreachField, string crmField, FieldMappingOptions? options = null, SyncDirection direction = SyncDirection.Bidirectional) =>
        new(CrmObject.Lead, outreachField, crmField, direction, options ?? FieldMappingOptions.None);

    public static FieldMapping Contact(string outreachField, string crmField, FieldMappingOptions? options = null, SyncDirection direction = SyncDirection.Bidirectional) =>
        new(CrmObject.Contact, outreachField, crmField, direction, options ?? FieldMappingOptions.None);

    /// <summary>The default stages, the four standard statuses mapped to the first four, and <paramref name="mappings"/>.</summary>
    public static StageMapConfiguration With(params FieldMapping[] mappings) => With(mappings, withIds: true);

    public static StageMapConfiguration With(IEnumerable<FieldMapping> mappings, bool withIds = true, IEnumerable<string>? mappedStatuses = null)
    {
        var mapped = (mappedStatuses ?? StandardStatuses).ToList();
        var content = new ConfigurationContent
        {
            Stages = DefaultStages.All.ToList(),
            LeadStatusMappings = StandardStatuses.Select((s, i) => (s, i)).Where(p => mapped.Contains(p.s)).Select(p => new LeadStatusMapping(p.s, null, p.i + 1)).ToList(),
            FieldMappings = mappings.ToList(),
            CrmMetadata = new CrmMetadata
            {
                LeadStatuses = StandardStatuses.Select((s, i) => new CrmStatus(CrmObject.Lead, s, s, Id: withIds ? StandardStatusIds[i] : null)).ToList(),
            },
        };
        return new StageMapConfiguration(content);
    }

    public static FieldListRecord Record(params (string Name, object? Value)[] fields)
    {
        var record = new FieldListRecord();
        foreach (var (name, value) in fields)
        {
            record.Add(name, value);
        }

        return record;
    }

    public static ConvertedRecord Pull(StageMapConfiguration configuration, IInputRecord record, CrmObject crmObject = CrmObject.Lead) =>
        Succeed(ConversionPlan.Create(configuration, crmObject, ConversionDirection.Pull).Convert(record));

    public static ConvertedRecord Push(StageMapConfiguration configuration, IInputRecord record, CrmObject crmObject = CrmObject.Lead) =>
        Succeed(ConversionPlan.Create(configuration, crmObject, ConversionDirection.Push).Convert(record));

    public static ConversionFailure PullFails(StageMapConfiguration configuration, IInputRecord record, CrmObject crmObject = CrmObject.Lead) =>
        Fail(ConversionPlan.Create(configuration, crmObject, ConversionDirection.Pull).Convert(record));

    public static ConversionFailure PushFails(StageMapConfiguration configuration, IInputRecord record, CrmObject crmObject = CrmObject.Lead) =>
        Fail(ConversionPlan.Create(configuration, crmObject, ConversionDirection.Push).Convert(record));

    public static Dictionary<string, object?> Fields(this ConvertedRecord record) =>
        record.Fields.ToDictionary(f => f.Key, f => f.Value);

    private static ConvertedRecord Succeed(ConversionResult result) =>
        result.Record ?? throw new Xunit.Sdk.XunitException($"Expected a record, got {result.Failure!.ErrorId}: {result.Failure.Message}");

    private static ConversionFailure Fail(ConversionResult result) =>
        result.Failure ?? throw new Xunit.Sdk.XunitException($"Expected a failure, got {result.Record}");
}
