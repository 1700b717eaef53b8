using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>The reliability probe against the configuration file: every finding is a StageMap error with a position.</summary>
public class ConfigurationReaderTests
{
    private const string Path = "/cfg/m.json";

    private static StageMapException Read(byte[] bytes) =>
        Assert.Throws<StageMapException>(() => ConfigurationSerializer.FromBytes(bytes, Path));

    private static StageMapException Read(string json) => Read(Encoding.UTF8.GetBytes(json));

    private static string WithStages(string stages) => "{\n  \"schemaVersion\": 1,\n  \"stages\": " + stages + "\n}";

    [Theory]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ null ]\n}", "stages[0] cannot be null")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": null\n}", "stages cannot be null")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": \"1\", \"name\": \"New\", \"order\": 1 } ]\n}", "stages[0].id must be a whole number, not the text '1'")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 6.6, \"name\": \"New\", \"order\": 1 } ]\n}", "stages[0].id must be a whole number, not the number 6.6")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 4294967296, \"name\": \"New\", \"order\": 1 } ]\n}", "stages[0].id must be a whole number from -2147483648 to 2147483647, not 4294967296")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 1, \"name\": \"New\", \"order\": 123456789012345678901234567890 } ]\n}", "stages[0].order must be a whole number from")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 0, \"name\": \"New\", \"order\": 1 } ]\n}", "stage 'New' has id 0; stage ids are whole numbers above zero")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 1, \"name\": null, \"order\": 1 } ]\n}", "stages[0].name cannot be null")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 1, \"name\": \"New\" } ]\n}", "stages[0] has no order")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"leadStatusMappings\": [ { \"crmStatus\": \"Open\", \"stageId\": true } ]\n}", "leadStatusMappings[0].stageId must be a whole number, not true")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"fieldMappings\": [ { \"object\": \"Lead\", \"outreachField\": \"Stage\", \"crmField\": \"Status\", \"options\": { \"lookupField\": \"yes\" } } ]\n}", "fieldMappings[0].options.lookupField must be true or false, not the text 'yes'")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"fieldMappings\": [ { \"object\": 1, \"outreachField\": \"Stage\", \"crmField\": \"Status\" } ]\n}", "fieldMappings[0].object must be one of Lead, Contact, not the number 1")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"crmMetadata\": { \"contactStatusField\": null }\n}", "crmMetadata.contactStatusField cannot be null")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"crmMetadata\": { \"leadFields\": [ \"Status\", 7 ] }\n}", "crmMetadata.leadFields[1] must be text, not the number 7")]
    [InlineData("{\n  \"schemaVersion\": 1,\n  \"experience\": [ ]\n}", "experience must be one of ClassicPlugin, EnhancedCrmSync, not a list")]
    public void Nulls_types_and_ranges_are_checked_before_anything_is_converted(string json, string expected)
    {
        var failure = Read(json);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Equal(Path, failure.Target);
        Assert.Matches($"^'{Path}' is not a valid StageMap configuration file: line 3, position \\d+: ", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 99999999999999999999 }", "line 1, position 39: schemaVersion must be a whole number, not the number 99999999999999999999")]
    [InlineData("{ \"schemaVersion\": 4294967297 }", "schemaVersion must be a whole number, not the number 4294967297")]
    [InlineData("{ \"schemaVersion\": 1.0 }", "schemaVersion must be a whole number, not the number 1.0")]
    [InlineData("{ \"schemaVersion\": 88888888888888888888888888888e0 }", "line 1, position 50: a number StageMap cannot read, too large or too small")]
    [InlineData("{ \"schemaVersion\": 1e400 }", "1e400")]
    public void A_schema_version_beyond_Int32_or_not_whole_is_invalid(string json, string expected)
    {
        var failure = Read(json);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("{ \"schemaVersion\": 1, \"stages\": [], \"stages\": [] }", "line 1, position 45: the property 'stages' appears twice")]
    [InlineData("{ \"schemaVersion\": 1, \"stages\": [ { \"id\": 1, \"name\": \"New\", \"Name\": \"Old\", \"order\": 1 } ] }", "line 1, position 67: the property 'Name' appears twice")]
    public void Duplicate_keys_are_refused_at_their_position(string json, string expected)
    {
        Assert.Contains(expected, Read(json).Message);
    }

    [Theory]
    [InlineData("[\n  { \"id\": 1, \"name\": \"New\", \"order\": 1 },\n  { \"id\": 1, \"name\": \"Old\", \"order\": 2 }\n]", "line 5, position 3: two stages have id 1 ('New' at line 4, position 3 and 'Old')")]
    [InlineData("[\n  { \"id\": 1, \"name\": \"New\", \"order\": 1 },\n  { \"id\": 2, \"name\": \"NEW\", \"order\": 2 }\n]", "line 5, position 3: stages 'New' (at line 4, position 3) and 'NEW' have the same name")]
    public void Duplicate_stage_ids_and_names_name_their_line(string stages, string expected)
    {
        Assert.Contains(expected, Read(WithStages(stages)).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t  ")]
    [InlineData("\uFEFF")]
    public void An_empty_or_white_space_file_says_so(string content)
    {
        var failure = Read(Encoding.UTF8.GetBytes(content));

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.StartsWith($"'{Path}' is empty", failure.Message);
        Assert.DoesNotContain("JToken", failure.Message);
    }

    [Fact]
    public void A_truncated_file_names_its_position_not_a_Json_NET_type()
    {
        var failure = Read("{ \"schemaVersion\": 1, \"stages\": [ { \"id\": 1");

        Assert.Matches("line 1, position \\d+", failure.Message);
        Assert.DoesNotContain("JToken", failure.Message);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_its_byte_offset_not_a_replacement_character()
    {
        var json = Encoding.UTF8.GetBytes(WithStages("[ { \"id\": 3, \"name\": \"R"));
        var bytes = json.Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("eplied\", \"order\": 1 } ]")).ToArray();

        var failure = Read(bytes);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains($"byte offset {json.Length}: the byte 0xFF is not valid UTF-8", failure.Message);
    }

    [Fact]
    public void Utf16_with_a_byte_order_mark_reads()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(WithStages("[ { \"id\": 1, \"name\": \"Zoë\", \"order\": 1 } ]"))).ToArray();

        Assert.Equal("Zoë", Assert.Single(ConfigurationSerializer.FromBytes(bytes, Path).Stages).Name);
    }

    [Theory]
    [InlineData("{ \"id\": 1, \"name\": \"NAME\", \"order\": 1 }", "stages[0].name is 256 characters long; names, statuses and labels are at most 255")]
    [InlineData("{ \"id\": 1, \"name\": \"Re\\u0007plied\", \"order\": 1 }", "stages[0].name 'Re\\u0007plied' contains the control character U+0007")]
    [InlineData("{ \"id\": 1, \"name\": \"Re\\nplied\", \"order\": 1 }", "contains the control character U+000A")]
    public void Stage_names_are_held_to_Outreachs_limits(string stage, string expected)
    {
        var failure = Read(WithStages("[ " + stage.Replace("NAME", new string('x', 256)) + " ]"));

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("line 3, position", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void Statuses_and_labels_are_held_to_the_same_limits()
    {
        var mapping = Read("{ \"schemaVersion\": 1, \"leadStatusMappings\": [ { \"crmStatus\": \"" + new string('s', 300) + "\", \"stageId\": 1 } ] }");
        var label = Read("{ \"schemaVersion\": 1, \"crmMetadata\": { \"leadStatuses\": [ { \"apiName\": \"Open\", \"label\": \"Op\\ten\" } ] } }");

        Assert.Contains("leadStatusMappings[0].crmStatus is 300 characters long", mapping.Message);
        Assert.Contains("crmMetadata.leadStatuses[0].label 'Op\\u0009en' contains the control character U+0009", label.Message);
    }

    [Fact]
    public void A_name_of_exactly_255_characters_reads()
    {
        var name = new string('x', ReadLimits.MaxNameLength);

        Assert.Equal(name, Assert.Single(ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(WithStages("[ { \"id\": 1, \"name\": \"" + name + "\", \"order\": 1 } ]")), Path).Stages).Name);
    }

    [Fact]
    public void A_huge_text_is_refused_by_the_streaming_pass_with_its_position()
    {
        var failure = Read(WithStages("[ { \"id\": 1, \"name\": \"" + new string('x', 1_000_000) + "\", \"order\": 1 } ]"));

        Assert.Contains("line 3, position", failure.Message);
        Assert.Contains("a text of 1,000,000 characters; StageMap reads texts of at most 32,768", failure.Message);
    }

    [Fact]
    public void Too_many_tokens_are_refused_before_a_tree_is_built()
    {
        var failure = Read("{ \"schemaVersion\": 1, \"x\": [" + string.Join(",", Enumerable.Repeat("0", ReadLimits.MaxTokens)) + "] }");

        Assert.Contains($"more than {ReadLimits.MaxTokens:N0} JSON tokens", failure.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var failure = Read(new byte[ReadLimits.MaxFileBytes + 1]);

        Assert.Contains("StageMap reads configuration, metadata and stage files of at most 16 MiB", failure.Message);
    }

    [Fact]
    public void A_configuration_file_over_the_size_limit_is_refused_unread()
    {
        using var directory = new TempDirectory();
        var path = directory.File("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Load(path));

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("the file is 209,715,200 bytes; StageMap reads configuration, metadata and stage files of at most 16 MiB", failure.Message);
    }

    [Fact]
    public void A_label_may_be_left_out_or_null()
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes("{ \"schemaVersion\": 1, \"crmMetadata\": { \"leadStatuses\": [ { \"apiName\": \"Open\", \"label\": null }, { \"apiName\": \"Working\" } ] } }"), Path);

        Assert.Equal(new[] { "Open", "Working" }, content.CrmMetadata.LeadStatuses.Select(s => s.Label));
    }

    [Fact]
    public void The_sample_configurations_still_read_as_they_did()
    {
        foreach (var sample in new[] { "module/samples/outreach-mapping.json", "module/samples/outreach-sync-mapping.json", "tests/fixtures/conversion/standard-sync-mapping.json" })
        {
            var content = ConfigurationSerializer.FromBytes(File.ReadAllBytes(System.IO.Path.Combine(Fixtures.RepositoryRoot, sample)), sample);
            var written = ConfigurationSerializer.ToBytes(content);

            Assert.NotEmpty(content.Stages);
            Assert.Equal(written, ConfigurationSerializer.ToBytes(ConfigurationSerializer.FromBytes(written, sample)));
        }
    }
}
