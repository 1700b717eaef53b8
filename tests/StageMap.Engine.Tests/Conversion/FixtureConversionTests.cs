using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>Every record fixture through the conversion: records in = records out + rejected, always.</summary>
public class FixtureConversionTests
{
    private static readonly string TreeExport = Fixtures.Salesforce("sf_tree_Lead__la-sfdg-data-loader-examples.json");

    public static StageMapConfiguration Standard() => ConfigurationStore.Load(Path.Combine(Fixtures.Directory, "conversion", "standard-sync-mapping.json"));

    public static IEnumerable<object[]> RecordFixtures() => new[]
    {
        // file, object, direction, read, written
        new object[] { "salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json", CrmObject.Lead, ConversionDirection.Pull, 22, 22 },
        new object[] { "conversion/leads-utf8-bom-crlf.csv", CrmObject.Lead, ConversionDirection.Pull, 8, 6 },
        new object[] { "conversion/leads-lf.csv", CrmObject.Lead, ConversionDirection.Pull, 4, 3 },
        new object[] { "conversion/contacts.csv", CrmObject.Contact, ConversionDirection.Pull, 4, 3 },
        new object[] { "conversion/prospects.jsonl", CrmObject.Lead, ConversionDirection.Push, 5, 3 },
        new object[] { "conversion/prospects-array.json", CrmObject.Lead, ConversionDirection.Push, 3, 2 },
    };

    [Fact]
    public void The_22_Lead_tree_export_with_the_four_standard_statuses_mapped_gives_22_prospects_with_the_mapped_stages()
    {
        var plan = ConversionPlan.Create(Standard(), CrmObject.Lead, ConversionDirection.Pull);
        var records = ReadAll(TreeExport);

        var prospects = records.Select(r => plan.Convert(r).Record!).ToList();

        Assert.Equal(22, prospects.Count(p => p is not null));
        var expected = new Dictionary<string, int> { ["Open - Not Contacted"] = 1, ["Working - Contacted"] = 2, ["Closed - Converted"] = 3, ["Closed - Not Converted"] = 4 };
        for (var i = 0; i < records.Count; i++)
        {
            records[i].TryGetValue("Status", out var status);
            Assert.Equal(expected[(string)status!], prospects[i]["stage"]);
        }
    }

    [Fact]
    public void Leaving_Closed_Converted_unmapped_gives_19_prospects_and_3_UnmappedCrmStatus_failures_with_those_records()
    {
        var configuration = Standard();
        configuration.RemoveLeadStatusMapping("Closed - Converted");
        var plan = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        var records = ReadAll(TreeExport);

        var results = records.Select(r => (Record: r, Result: plan.Convert(r))).ToList();

        Assert.Equal(19, results.Count(r => r.Result.Succeeded));
        var failed = results.Where(r => !r.Result.Succeeded).ToList();
        Assert.Equal(3, failed.Count);
        Assert.All(failed, f => Assert.Equal(ErrorIds.UnmappedCrmStatus, f.Result.Failure!.ErrorId));
        Assert.All(failed, f => Assert.True(f.Record.TryGetValue("Status", out var s) && (string)s! == "Closed - Converted"));
    }

    [Theory]
    [MemberData(nameof(RecordFixtures))]
    public void Every_record_fixture_converts_with_records_in_equal_to_records_out_plus_rejected(string file, CrmObject crmObject, ConversionDirection direction, int read, int written)
    {
        using var temp = new TempDirectory();
        var plan = ConversionPlan.Create(Standard(), crmObject, direction);

        var summary = BulkConverter.Run(plan, new BulkConversion { InputPath = Path.Combine(Fixtures.Directory, file), OutputPath = temp.File("out.jsonl"), RejectPath = temp.File("rejected.jsonl") });

        Assert.Equal(read, summary.Read);
        Assert.Equal(written, summary.Written);
        Assert.Equal(summary.Read, summary.Written + summary.Rejected);
        Assert.Equal(summary.Written, File.ReadAllLines(temp.File("out.jsonl")).Length);
        var rejected = File.ReadAllLines(temp.File("rejected.jsonl")).Select(JObject.Parse).ToList();
        Assert.Equal(summary.Rejected, rejected.Count);
        Assert.All(rejected, r => Assert.False(string.IsNullOrEmpty((string?)r["reason"])));
    }

    [Fact]
    public void The_Account_query_with_nested_Contacts_gives_5_InvalidRecord_accounts_and_7_contacts_from_the_nested_records()
    {
        using var temp = new TempDirectory();
        var mapping = JObject.Parse(File.ReadAllText(Fixtures.Salesforce("sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json")));
        var body = JObject.Parse((string)mapping["response"]!["body"]!);
        File.WriteAllText(temp.File("accounts.json"), body.ToString());
        var contacts = new JArray(body["records"]!.SelectMany(a => a["Contacts"]!["records"]!));
        File.WriteAllText(temp.File("contacts.json"), contacts.ToString());
        var plan = ConversionPlan.Create(Standard(), CrmObject.Contact, ConversionDirection.Pull);

        var accounts = BulkConverter.Run(plan, new BulkConversion { InputPath = temp.File("accounts.json"), OutputPath = temp.File("a.jsonl"), RejectPath = temp.File("a-rejected.jsonl") });
        var nested = BulkConverter.Run(plan, new BulkConversion { InputPath = temp.File("contacts.json"), OutputPath = temp.File("c.jsonl") });

        Assert.Equal((5L, 0L, 5L), (accounts.Read, accounts.Written, accounts.Rejected));
        Assert.All(File.ReadAllLines(temp.File("a-rejected.jsonl")), line => Assert.Equal(ErrorIds.InvalidRecord, (string?)JObject.Parse(line)["errorId"]));
        Assert.Equal((7L, 7L), (nested.Read, nested.Written));
        var first = JObject.Parse(File.ReadAllLines(temp.File("c.jsonl"))[0]);
        Assert.Equal("0037Q000007vKjpQAE", (string?)first["salesforceId"]);
        Assert.Equal("Edna", (string?)first["firstName"]);
    }

    internal static List<IInputRecord> ReadAll(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = RecordFileReaders.Open(stream, path, RecordFileFormat.Json, encoding: null);
        return reader.Read().Select(i => i.Record).ToList();
    }
}
