using System.Linq;
using BenchmarkDotNet.Attributes;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;

namespace StageMap.Benchmarks;

/// <summary>The engine's cost per record, without PowerShell: one Lead pulled, one prospect pushed.</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ConversionBenchmarks
{
    private ConversionPlan _pull = null!;
    private ConversionPlan _push = null!;
    private FieldListRecord _lead = new();
    private FieldListRecord _prospect = new();

    [GlobalSetup]
    public void Setup()
    {
        var lookup = new FieldMappingOptions { LookupField = true, ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true, DisplayName = true };
        var content = new ConfigurationContent
        {
            Stages = DefaultStages.All.ToList(),
            LeadStatusMappings = { new("Open - Not Contacted", null, 1), new("Working - Contacted", null, 2), new("Closed - Converted", null, 3), new("Closed - Not Converted", null, 4) },
            FieldMappings =
            {
                new(CrmObject.Lead, "Stage", "Status", SyncDirection.Bidirectional, lookup),
                new(CrmObject.Lead, "First Name", "FirstName", SyncDirection.Bidirectional, FieldMappingOptions.None),
                new(CrmObject.Lead, "Last Name", "LastName", SyncDirection.Bidirectional, FieldMappingOptions.None),
                new(CrmObject.Lead, "Email", "Email", SyncDirection.Bidirectional, new FieldMappingOptions { SkipEmptyOnPush = true }),
                new(CrmObject.Lead, "Title", "Title", SyncDirection.Bidirectional, new FieldMappingOptions { SkipEmptyOnPull = true }),
                new(CrmObject.Lead, "Company", "Company", SyncDirection.Bidirectional, new FieldMappingOptions { ExternalEmptyPlaceholder = "[not provided]" }),
                new(CrmObject.Lead, "State", "State", SyncDirection.Bidirectional, new FieldMappingOptions { InternalEmptyPlaceholder = "n/a" }),
            },
        };
        var configuration = new StageMapConfiguration(content);
        _pull = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        _push = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Push);
        _lead = new FieldListRecord().Add("Id", "00Q5g00000AbCdEEAV").Add("FirstName", "Ada").Add("LastName", "Lovelace").Add("Email", "ada@example.com")
            .Add("Title", "").Add("Company", "Engines Ltd").Add("State", "").Add("Status", "Working - Contacted");
        _prospect = new FieldListRecord().Add("salesforceId", "00Q5g00000AbCdEEAV").Add("stage", 2).Add("firstName", "Ada").Add("lastName", "Lovelace")
            .Add("emails", new ValueList { "ada@example.com" }).Add("title", null).Add("company", "Engines Ltd").Add("addressState", "n/a");
    }

    [Benchmark]
    public ConversionResult PullLead() => _pull.Convert(_lead);

    [Benchmark]
    public ConversionResult PushProspect() => _push.Convert(_prospect);

    [Benchmark]
    public string PullLeadToJsonApi() => RecordJson.ToJson(_pull.Convert(_lead).Record!, RecordShape.JsonApi);
}
