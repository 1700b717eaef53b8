using System;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Metadata;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>The reliability probe against the CRM metadata readers: encodings, ranges, limits, no .NET exception.</summary>
public class MetadataReaderLimitsTests
{
    private const string Path = "/data/file";

    private static MetadataFile Read(byte[] content) => MetadataReader.Read(content, Path, "Contact_Status__c");

    private static StageMapException Failure(byte[] content) => Assert.Throws<StageMapException>(() => Read(content));

    private static StageMapException Failure(string content) => Failure(Encoding.UTF8.GetBytes(content));

    private static string Query(string record) =>
        "{\"totalSize\":1,\"done\":true,\"records\":[\n{\"attributes\":{\"type\":\"LeadStatus\"},\"ApiName\":\"Open\"," + record + "}]}";

    private static byte[] Latin1(string text) => Encoding.GetEncoding(28591).GetBytes(text);

    private const string ContactField =
        "<CustomField xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<fullName>Contact_Status__c</fullName>\n<valueSet>\n<valueSetDefinition>\n"
        + "<value><fullName>Zoé</fullName><label>Zoé</label></value>\n</valueSetDefinition>\n</valueSet>\n</CustomField>";

    [Theory]
    [InlineData("\"SortOrder\":123456789012345678901234567890", "SortOrder must be a whole number from -2147483648 to 2147483647, not 123456789012345678901234567890")]
    [InlineData("\"SortOrder\":4294967296", "SortOrder must be a whole number from -2147483648 to 2147483647, not 4294967296")]
    [InlineData("\"SortOrder\":2.5", "SortOrder must be a whole number, not the number 2.5")]
    [InlineData("\"IsDefault\":null,\"MasterLabel\":{\"a\":1}", "MasterLabel must be text, not a JSON object")]
    public void Query_values_are_checked_for_type_and_range(string record, string expected)
    {
        var failure = Failure(Query(record));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
        Assert.Matches("line \\d+, position \\d+", failure.Message);
    }

    [Fact]
    public void A_cli_envelope_with_a_huge_status_is_a_failed_command_not_an_overflow()
    {
        var failure = Failure("{\"status\":123456789012345678901234567890,\"result\":{}}");

        Assert.Equal(ErrorIds.UnrecognizedMetadataFile, failure.ErrorId);
        Assert.Contains("status 123456789012345678901234567890", failure.Message);
    }

    [Fact]
    public void A_describe_field_type_that_is_not_text_is_an_error_not_a_cast()
    {
        var failure = Failure("{\"name\":\"Contact\",\"fields\":[{\"name\":\"Contact_Status__c\",\"type\":{\"x\":1},\"picklistValues\":[]}]}");

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("type must be text, not a JSON object", failure.Message);
    }

    [Fact]
    public void Picklist_values_and_labels_are_held_to_Outreachs_limits()
    {
        var tooLong = Failure("{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[\n{\"value\":\"" + new string('v', 256) + "\",\"label\":\"x\"}]}]}");
        var control = Failure("{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[\n{\"value\":\"Open\",\"label\":\"Op\\u0000en\"}]}]}");

        Assert.Contains("line 2, position", tooLong.Message);
        Assert.Contains("the value of picklist value 1 is 256 characters long; names, statuses and labels are at most 255", tooLong.Message);
        Assert.Contains("the label of picklist value 1 'Op\\u0000en' contains the control character U+0000", control.Message);
    }

    [Fact]
    public void Invalid_utf8_in_json_is_an_error_at_its_byte_offset()
    {
        var head = Encoding.UTF8.GetBytes(Query("\"MasterLabel\":\"R"));
        var failure = Failure(head.Concat(new byte[] { 0xE9, (byte)'"', (byte)'}', (byte)']', (byte)'}' }).ToArray());

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"byte offset {head.Length}: the byte 0xE9 is not valid UTF-8", failure.Message);
        Assert.DoesNotContain("\uFFFD", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_iso_8859_1_sfdx_file_reads_by_its_declared_encoding()
    {
        var file = Read(Latin1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + ContactField));

        var value = Assert.Single(file.Statuses);
        Assert.Equal("Zoé", value.ApiName);
        Assert.Equal("Zoé", value.Label);
    }

    [Fact]
    public void A_windows_1252_sfdx_file_reads_by_its_declared_encoding()
    {
        var bytes = StrictText.Named("windows-1252").GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + ContactField.Replace("Zoé", "Zoë €"));

        Assert.Equal("Zoë €", Assert.Single(Read(bytes).Statuses).ApiName);
    }

    [Fact]
    public void Latin_1_bytes_in_a_utf8_sfdx_file_are_an_error_at_their_byte_offset()
    {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + ContactField;
        var failure = Failure(Latin1(text));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"byte offset {text.IndexOf('é')}: the byte 0xE9 is not valid UTF-8", failure.Message);
    }

    [Theory]
    [InlineData("x-klingon")]
    [InlineData("utf-7")]
    public void An_unknown_or_refused_declared_encoding_is_an_error(string name)
    {
        var failure = Failure($"<?xml version=\"1.0\" encoding=\"{name}\"?>\n" + ContactField);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"line 1: the XML declaration names the encoding '{name}', which StageMap cannot decode", failure.Message);
    }

    [Fact]
    public void Sfdx_names_are_held_to_Outreachs_limits()
    {
        var failure = Failure(ContactField.Replace("<label>Zoé</label>", "<label>" + new string('l', 300) + "</label>"));

        Assert.Contains("line 5, position", failure.Message);
        Assert.Contains("<label> is 300 characters long", failure.Message);
    }

    [Fact]
    public void An_xml_file_of_too_many_nodes_is_refused_before_it_is_held()
    {
        var failure = Failure("<StandardValueSet>" + string.Concat(Enumerable.Repeat("<a/>", ReadLimits.MaxTokens)) + "</StandardValueSet>");

        Assert.Contains($"more than {ReadLimits.MaxTokens:N0} XML nodes", failure.Message);
    }

    [Fact]
    public void Xml_nested_deeper_than_the_limit_is_refused_before_it_is_held()
    {
        var failure = Failure("<CustomField><fullName>" + string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)) + "</fullName></CustomField>");

        Assert.Contains($"line 1, position 214: elements are nested deeper than {ReadLimits.MaxDepth} levels", failure.Message);
    }

    [Fact]
    public void A_csv_of_too_many_fields_is_refused()
    {
        var extra = string.Concat(Enumerable.Range(0, 1_000).Select(i => $",C{i}"));
        var row = string.Concat(Enumerable.Repeat(",x", 1_000));
        var failure = Failure("ApiName,MasterLabel" + extra + "\n" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $"S{i},l{row}\n")));

        Assert.Contains($"the file has more than {ReadLimits.MaxTokens:N0} fields", failure.Message);
    }

    [Theory]
    [InlineData("csv", "line 4002: it lists more than 4,000 lead statuses")]
    [InlineData("describe", "it lists more than 4,000 picklist values")]
    [InlineData("query", "it lists more than 4,000 lead statuses")]
    [InlineData("sfdx", "it lists more than 4,000 values")]
    public void A_list_of_more_status_values_than_any_picklist_holds_is_refused(string format, string expected)
    {
        var values = Enumerable.Range(0, ReadLimits.MaxListValues + 1).Select(i => $"S{i}").ToList();
        var content = format switch
        {
            "csv" => "ApiName,MasterLabel\n" + string.Concat(values.Select(v => $"{v},{v}\n")),
            "describe" => "{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[" + string.Join(",", values.Select(v => $"{{\"value\":\"{v}\"}}")) + "]}]}",
            "query" => "{\"totalSize\":1,\"done\":true,\"records\":[" + string.Join(",", values.Select(v => $"{{\"ApiName\":\"{v}\",\"MasterLabel\":\"{v}\"}}")) + "]}",
            _ => "<CustomField><fullName>Contact_Status__c</fullName><valueSet><valueSetDefinition>" + string.Concat(values.Select(v => $"<value><fullName>{v}</fullName></value>")) + "</valueSetDefinition></valueSet></CustomField>",
        };

        var failure = Failure(content);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void An_xml_text_over_the_limit_is_refused()
    {
        var failure = Failure(ContactField.Replace("<label>Zoé</label>", "<label>" + new string('l', 40_000) + "</label>"));

        Assert.Contains("a text of 40,000 characters", failure.Message);
    }

    [Fact]
    public void A_windows_1252_csv_is_an_error_at_its_byte_offset()
    {
        var text = "ApiName,MasterLabel\r\nOpen,Zoë\r\n";
        var failure = Failure(StrictText.Named("windows-1252").GetBytes(text));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"byte offset {text.IndexOf('ë')}: the byte 0xEB is not valid UTF-8", failure.Message);
    }

    [Fact]
    public void A_utf16_csv_with_a_byte_order_mark_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("ApiName,MasterLabel\r\nOpen,Zoë\r\n")).ToArray();

        Assert.Equal("Zoë", Assert.Single(Read(bytes).Statuses).Label);
    }

    [Theory]
    [InlineData("ApiName,MasterLabel\r\nOpen,LABEL\r\n", "line 2, field 2 (MasterLabel): the value is 256 characters long")]
    [InlineData("ApiName,MasterLabel\r\n\"Op\ten\",Open\r\n", "line 2, field 1 (ApiName): the value 'Op\\u0009en' contains the control character U+0009")]
    [InlineData("ApiName,MasterLabel\r\nOpen,HUGE\r\n", "line 2: a field is longer than 32,768 characters")]
    public void Csv_values_are_held_to_the_limits(string csv, string expected)
    {
        var failure = Failure(csv.Replace("LABEL", new string('l', 256)).Replace("HUGE", new string('h', 40_000)));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_unread()
    {
        using var directory = new TempDirectory();
        var path = directory.File("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(ReadLimits.MaxFileBytes + 1L);
        }

        var failure = Assert.Throws<StageMapException>(() => MetadataReader.Read(path, "Contact_Status__c"));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("StageMap reads configuration, metadata and stage files of at most 16 MiB", failure.Message);
    }

    [Fact]
    public void Every_fixture_still_reads()
    {
        foreach (var path in Directory.GetFiles(System.IO.Path.Combine(Fixtures.Directory, "salesforce")).Where(p => !p.Contains("wiremock") && !p.Contains("sf_tree")))
        {
            var file = MetadataReader.Read(path, "Contact_Status__c");

            Assert.Equal(path, file.Path);
        }
    }
}
