using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

public sealed class BulkConverterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static ConversionPlan LeadPull() => ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);

    private static ConversionPlan LeadPush() => ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Push);

    private static string Fixture(string name) => Path.Combine(Fixtures.Directory, "conversion", name);

    private ConversionSummary Run(ConversionPlan plan, string input, string output, string? reject = null, RecordFileFormat? format = null, RecordShape shape = RecordShape.Object, bool force = false) =>
        BulkConverter.Run(plan, new BulkConversion { InputPath = input, OutputPath = _temp.File(output), RejectPath = reject is null ? null : _temp.File(reject), OutputFormat = format, Shape = shape, Force = force });

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_CSV_with_BOM_CRLF_quotes_and_a_field_over_two_lines_reads_as_its_rows()
    {
        Run(LeadPull(), Fixture("leads-utf8-bom-crlf.csv"), "out.jsonl");

        var prospects = File.ReadAllLines(_temp.File("out.jsonl")).Select(JObject.Parse).ToList();
        Assert.Equal("00Q5g00000AbC01EAA", (string?)prospects[0]["salesforceId"]);
        Assert.Equal("Director, Warehouse Mgmt", (string?)prospects[0]["title"]);
        Assert.Equal("CFO \"acting\"", (string?)prospects[3]["title"]);
        Assert.Equal("Regional General Manager\r\nline two of the title", (string?)prospects[4]["title"]);
    }

    [Fact]
    public void A_ragged_CSV_row_is_rejected_as_InvalidRecord_with_its_line_and_its_fields()
    {
        Run(LeadPull(), Fixture("leads-utf8-bom-crlf.csv"), "out.jsonl", "rejected.csv");

        var lines = File.ReadAllLines(_temp.File("rejected.csv"));
        Assert.Equal("Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status,reason,errorId", lines[0]);
        Assert.StartsWith("00Q5g00000AbC05EAA,Jeff,Glimpse,", lines[1]);
        Assert.EndsWith(",UnmappedCrmStatus", lines[1]);
        Assert.StartsWith("00Q5g00000AbC07EAA,Patricia,Feager,", lines[2]);
        Assert.Contains("Record 7 (line 9): The CSV row has", lines[2]);
        Assert.EndsWith(",InvalidRecord", lines[2]);
    }

    [Fact]
    public void CSV_output_has_the_plan_s_columns_lists_joined_and_blanks_empty_for_Outreach()
    {
        Run(LeadPull(), Fixture("leads-lf.csv"), "out.csv");

        var lines = File.ReadAllLines(_temp.File("out.csv"));
        Assert.Equal(string.Join(",", LeadPull().OutputFields), lines[0]);
        Assert.Equal("00Q5g00000AbC13EAA,4,Unresponsive,Alan,Turing,,Cryptanalyst,,,n/a,", lines[3]);
    }

    [Fact]
    public void CSV_written_for_Salesforce_clears_a_field_with_NA_and_leaves_a_skipped_one_empty()
    {
        Run(LeadPush(), Fixture("prospects.jsonl"), "leads.csv");

        var lines = File.ReadAllLines(_temp.File("leads.csv"));
        Assert.Equal("Id,Status,FirstName,LastName,Email,Title,Company,Phone,State", lines[0]);
        // Betty: emails [] with SkipEmptyOnPush (empty cell), title null clears (#N/A), company "" gets the
        // external placeholder, state "n/a" is the internal placeholder, so a blank that clears (#N/A).
        Assert.Equal("00Q5g00000AbC02EAA,Closed - Converted,Betty,Bair,,#N/A,[not provided],,#N/A", lines[2]);
        Assert.Equal(",Open - Not Contacted,Nova,Newman,nova@example.com,,,,", lines[3]);
    }

    [Fact]
    public void JSON_array_output_is_one_valid_array()
    {
        var summary = Run(LeadPull(), Fixture("leads-lf.csv"), "out.json");

        var array = JArray.Parse(File.ReadAllText(_temp.File("out.json")));
        Assert.Equal(summary.Written, array.Count);
        Assert.Equal(RecordFileFormat.Json, summary.OutputFormat);
    }

    [Fact]
    public void An_empty_input_writes_an_empty_output()
    {
        File.WriteAllText(_temp.File("empty.json"), "[]");

        var summary = Run(LeadPull(), _temp.File("empty.json"), "out.json");

        Assert.Equal(0, summary.Read);
        Assert.Equal("[]", File.ReadAllText(_temp.File("out.json")).Trim());
    }

    [Fact]
    public void OutputFormat_overrides_the_extension()
    {
        Run(LeadPull(), Fixture("leads-lf.csv"), "out.txt", format: RecordFileFormat.JsonLines);

        Assert.Equal(3, File.ReadAllLines(_temp.File("out.txt")).Select(JObject.Parse).Count());
    }

    [Fact]
    public void JsonApi_documents_go_to_JSON_Lines()
    {
        Run(LeadPull(), Fixture("leads-lf.csv"), "out.jsonl", shape: RecordShape.JsonApi);

        var document = JObject.Parse(File.ReadAllLines(_temp.File("out.jsonl"))[0]);
        Assert.Equal("prospect", (string?)document["data"]!["type"]);
        Assert.Equal(1, (int)document["data"]!["relationships"]!["stage"]!["data"]!["id"]!);
        Assert.Equal("00Q5g00000AbC11EAA", (string?)document["meta"]!["salesforceId"]);
    }

    [Theory]
    [InlineData("out.txt", null, RecordShape.Object)]
    [InlineData("out.csv", null, RecordShape.JsonApi)]
    public void An_output_that_cannot_be_written_is_InvalidOutputFile_and_writes_nothing(string output, RecordFileFormat? format, RecordShape shape)
    {
        var failure = Assert.Throws<StageMapException>(() => Run(LeadPull(), Fixture("leads-lf.csv"), output, format: format, shape: shape));

        Assert.Equal(ErrorIds.InvalidOutputFile, failure.ErrorId);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void A_CSV_reject_file_for_JSON_input_is_InvalidOutputFile()
    {
        var failure = Assert.Throws<StageMapException>(() => Run(LeadPush(), Fixture("prospects.jsonl"), "out.jsonl", "rejected.csv"));

        Assert.Equal(ErrorIds.InvalidOutputFile, failure.ErrorId);
    }

    [Fact]
    public void An_existing_output_is_not_overwritten_without_Force()
    {
        File.WriteAllText(_temp.File("out.jsonl"), "keep");

        var failure = Assert.Throws<StageMapException>(() => Run(LeadPull(), Fixture("leads-lf.csv"), "out.jsonl"));
        Assert.Equal(ErrorIds.OutputFileExists, failure.ErrorId);
        Assert.Equal("keep", File.ReadAllText(_temp.File("out.jsonl")));

        Run(LeadPull(), Fixture("leads-lf.csv"), "out.jsonl", force: true);
        Assert.Equal(3, File.ReadAllLines(_temp.File("out.jsonl")).Length);
    }

    [Fact]
    public void Malformed_JSON_is_InvalidRecordFile_naming_line_and_position_and_leaves_the_old_output_as_it_was()
    {
        File.WriteAllText(_temp.File("bad.jsonl"), "{\"stage\":1,\"firstName\":\"Ada\"}\n{\"stage\":2,\"firstName\":\"Grace\"\n{\"stage\":3}\n");
        File.WriteAllText(_temp.File("out.jsonl"), "previous run");

        var failure = Assert.Throws<StageMapException>(() => Run(LeadPush(), _temp.File("bad.jsonl"), "out.jsonl", force: true));

        Assert.Equal(ErrorIds.InvalidRecordFile, failure.ErrorId);
        Assert.Contains("line 3", failure.Message);
        Assert.Equal("previous run", File.ReadAllText(_temp.File("out.jsonl")));
        Assert.Equal(new[] { "bad.jsonl", "out.jsonl" }, Directory.GetFiles(_temp.Path).Select(Path.GetFileName).OrderBy(n => n));
    }

    [Fact]
    public void JSON_that_ends_inside_an_array_is_InvalidRecordFile()
    {
        File.WriteAllText(_temp.File("cut.json"), "[{\"stage\":1},");

        Assert.Equal(ErrorIds.InvalidRecordFile, Assert.Throws<StageMapException>(() => Run(LeadPush(), _temp.File("cut.json"), "out.jsonl")).ErrorId);
    }

    [Fact]
    public void A_stopped_conversion_writes_no_output()
    {
        var lines = Enumerable.Range(0, 10_000).Select(i => $"{{\"stage\":1,\"firstName\":\"P{i}\"}}");
        File.WriteAllLines(_temp.File("many.jsonl"), lines);
        using var stop = new CancellationTokenSource();
        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => BulkConverter.Run(LeadPush(), new BulkConversion { InputPath = _temp.File("many.jsonl"), OutputPath = _temp.File("out.jsonl") }, cancellation: stop.Token));

        Assert.Equal(new[] { "many.jsonl" }, Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("{\"totalSize\":2,\"done\":true,\"records\":[{\"Status\":\"Working - Contacted\"},{\"Status\":\"Closed - Converted\"}]}")]
    [InlineData("{\"status\":0,\"result\":{\"totalSize\":2,\"done\":true,\"records\":[{\"Status\":\"Working - Contacted\"},{\"Status\":\"Closed - Converted\"}]}}")]
    [InlineData("[{\"Status\":\"Working - Contacted\"},{\"Status\":\"Closed - Converted\"}]")]
    [InlineData("{\"Status\":\"Working - Contacted\"}\n{\"Status\":\"Closed - Converted\"}")]
    [InlineData("{\"Status\":\"Working - Contacted\"} {\"Status\":\"Closed - Converted\"}")]
    public void JSON_input_may_be_a_query_result_a_CLI_result_an_array_or_JSON_Lines(string json)
    {
        File.WriteAllText(_temp.File("in.json"), json);

        var summary = Run(LeadPull(), _temp.File("in.json"), "out.jsonl");

        Assert.Equal((2L, 2L), (summary.Read, summary.Written));
        Assert.Equal(new[] { 2, 3 }, File.ReadAllLines(_temp.File("out.jsonl")).Select(l => (int)JObject.Parse(l)["stage"]!));
    }

    [Fact]
    public void An_Outreach_API_list_reads_its_data_as_records()
    {
        File.WriteAllText(_temp.File("list.json"), "{\"data\":[{\"stage\":1,\"firstName\":\"Ada\"},{\"stage\":2,\"firstName\":\"Grace\"}],\"meta\":{\"count\":2}}");

        Assert.Equal(2, Run(LeadPush(), _temp.File("list.json"), "out.jsonl").Written);
    }

    [Fact]
    public void Rejected_records_without_a_reject_file_go_to_the_callback()
    {
        var rejected = new System.Collections.Generic.List<(IInputRecord Record, ConversionFailure Failure)>();

        var summary = BulkConverter.Run(LeadPull(), new BulkConversion { InputPath = Fixture("leads-lf.csv"), OutputPath = _temp.File("out.jsonl") }, rejected: (r, f) => rejected.Add((r, f)));

        Assert.Equal(1, summary.Rejected);
        var (record, failure) = Assert.Single(rejected);
        Assert.Equal(ErrorIds.UnmappedCrmStatus, failure.ErrorId);
        Assert.True(record.TryGetValue("LastName", out var name) && (string)name! == "Dijkstra");
    }

    [Fact]
    public void Output_is_UTF8_without_BOM_and_keeps_non_ASCII_text()
    {
        File.WriteAllText(_temp.File("in.csv"), "Id,LastName,Status\n00Q5g00000AbC11EAA,Gödel,Working - Contacted\n", new UTF8Encoding(true));

        Run(LeadPull(), _temp.File("in.csv"), "out.jsonl");

        var bytes = File.ReadAllBytes(_temp.File("out.jsonl"));
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Contains("Gödel", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void A_CSV_header_with_a_column_twice_is_InvalidRecordFile()
    {
        File.WriteAllText(_temp.File("in.csv"), "Status,status\nNew,New\n");

        Assert.Equal(ErrorIds.InvalidRecordFile, Assert.Throws<StageMapException>(() => Run(LeadPull(), _temp.File("in.csv"), "out.jsonl")).ErrorId);
    }
}
