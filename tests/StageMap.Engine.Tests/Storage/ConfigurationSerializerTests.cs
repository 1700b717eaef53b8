using System.Linq;
using System.Text;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

public class ConfigurationSerializerTests
{
    private const string Path = "/cfg/m.json";

    private static StageMapException Read(string json) =>
        Assert.Throws<StageMapException>(() => ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(json), Path));

    [Fact]
    public void Everything_round_trips()
    {
        var content = new ConfigurationContent
        {
            Experience = Experience.EnhancedCrmSync,
            Stages = { new Stage(1, "New", 1, "#fff"), new Stage(9, "Nurture", 2), new Stage(12, "Renamed", 3, null, new OutreachStageState("Old name", 4, "#000")) },
            LeadStatusMappings = { new LeadStatusMapping("Open - Not Contacted", null, 1) },
            FieldMappings =
            {
                new FieldMapping(CrmObject.Lead, "Stage", "Status", SyncDirection.Bidirectional, new FieldMappingOptions
                {
                    LookupField = true, ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true,
                    SkipEmptyOnPull = true, ExternalEmptyPlaceholder = "-",
                }),
                new FieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c", SyncDirection.ToCrm, FieldMappingOptions.None),
            },
            CrmMetadata = new CrmMetadata
            {
                LeadStatuses = new[] { new CrmStatus(CrmObject.Lead, "Open - Not Contacted", "Open", IsDefault: true, Id: "01J000000000001AAA") },
                ContactStatusField = "Level__c",
                ContactStatuses = new[] { new CrmStatus(CrmObject.Contact, "New", "New", IsActive: false) },
                LeadFields = new[] { "Status" },
                Sources = new[] { "Lead.json" },
            },
        };

        var bytes = ConfigurationSerializer.ToBytes(content);
        var back = ConfigurationSerializer.FromBytes(bytes, Path);

        Assert.Equal(bytes, ConfigurationSerializer.ToBytes(back));
        Assert.Equal(content.FieldMappings, back.FieldMappings);
        Assert.Equal(content.CrmMetadata.LeadStatuses, back.CrmMetadata.LeadStatuses);
        Assert.Equal(content.CrmMetadata.ContactStatuses, back.CrmMetadata.ContactStatuses);
    }

    [Fact]
    public void Malformed_json_names_file_line_and_position()
    {
        var failure = Read("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 1, \"name\": \"New\" \"order\": 1 } ]\n}");

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Equal(Path, failure.Target);
        Assert.Contains(Path, failure.Message);
        Assert.Contains("line 3, position", failure.Message);
    }

    [Fact]
    public void A_truncated_file_is_invalid()
    {
        Assert.Equal(ErrorIds.InvalidConfigurationFile, Read("{ \"schemaVersion\": 1, \"stages\": [").ErrorId);
    }

    [Fact]
    public void An_unknown_property_is_reported_with_its_line()
    {
        var failure = Read("{\n  \"schemaVersion\": 1,\n  \"stages\": [ { \"id\": 1, \"name\": \"New\", \"order\": 1, \"colour\": \"red\" } ]\n}");

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("colour", failure.Message);
        Assert.Contains("line 3", failure.Message);
    }

    [Fact]
    public void A_type_name_is_data_not_an_instruction()
    {
        var failure = Read("{ \"schemaVersion\": 1, \"$type\": \"System.IO.FileInfo, System.IO.FileSystem\", \"stages\": [] }");

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("$type", failure.Message);
    }

    [Fact]
    public void A_newer_schema_version_is_a_clear_error()
    {
        var failure = Read("{ \"schemaVersion\": 4, \"somethingNew\": true }");

        Assert.Equal(ErrorIds.UnsupportedSchemaVersion, failure.ErrorId);
        Assert.Contains("newer StageMap", failure.Message);
    }

    [Theory]
    [InlineData("{ \"stages\": [] }", "no schemaVersion")]
    [InlineData("{ \"schemaVersion\": \"1\" }", "whole number")]
    [InlineData("{ \"schemaVersion\": 0 }", "does not exist")]
    [InlineData("[ 1, 2 ]", "one JSON object")]
    public void A_bad_schema_version_or_shape_is_invalid(string json, string expected)
    {
        var failure = Read(json);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void Nesting_beyond_the_depth_limit_is_refused()
    {
        var deep = "{ \"schemaVersion\": 1, \"x\": " + new string('[', 200) + new string(']', 200) + " }";

        var failure = Read(deep);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("MaxDepth of 64", failure.Message);
    }

    [Fact]
    public void An_unknown_experience_is_invalid()
    {
        var failure = Read("{ \"schemaVersion\": 1, \"experience\": \"Telepathy\" }");

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("Telepathy", failure.Message);
    }

    [Theory]
    [InlineData("[ {\"id\":1,\"name\":\"New\",\"order\":1}, {\"id\":1,\"name\":\"Old\",\"order\":2} ]", "id 1")]
    [InlineData("[ {\"id\":1,\"name\":\"New\",\"order\":1}, {\"id\":2,\"name\":\"NEW\",\"order\":2} ]", "NEW")]
    [InlineData("[ {\"id\":1,\"name\":\" \",\"order\":1} ]", "empty name")]
    public void Stages_that_break_uniqueness_are_invalid(string stages, string expected)
    {
        var failure = Read("{ \"schemaVersion\": 1, \"stages\": " + stages + " }");

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void Rule_breaking_mappings_still_load_for_TestStageMapping_to_report()
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(
            "{ \"schemaVersion\": 1, \"stages\": [ {\"id\":1,\"name\":\"New\",\"order\":1} ], " +
            "\"leadStatusMappings\": [ {\"crmStatus\":\"A\",\"stageId\":1}, {\"crmStatus\":\"B\",\"stageId\":1}, {\"crmStatus\":\"C\",\"stageId\":7} ] }"), Path);

        Assert.Equal(3, content.LeadStatusMappings.Count);
    }
    [Fact]
    public void A_schema_1_file_reads_with_stages_Outreach_is_not_known_to_have()
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "stages": [ { "id": 1, "name": "New", "order": 1 } ] }"""), Path);

        Assert.False(Assert.Single(content.Stages).IsInOutreach);
    }

    [Fact]
    public void A_stage_in_Outreach_keeps_Outreachs_name_order_and_colour_in_the_file()
    {
        var content = new ConfigurationContent { Stages = { new Stage(7, "Nurture", 2, null, new OutreachStageState("Nurturing", 2)) } };

        var text = Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(content));

        Assert.Contains("\"schemaVersion\": 3", text);
        Assert.Contains("\"outreach\": {", text);
        Assert.Equal(content.Stages, ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(text), Path).Stages);
    }

    [Fact]
    public void A_stage_keeps_its_key_through_a_change_of_id_in_the_file()
    {
        var content = new ConfigurationContent { Stages = { new Stage(101, "Nurturing", 7, null, new OutreachStageState("Nurturing", 7)) { Key = "7" } } };

        var text = Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(content));
        var back = Assert.Single(ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(text), Path).Stages);

        Assert.Contains("\"id\": 101,\n      \"key\": \"7\",", text);
        Assert.Equal(("7", 101), (back.Key, back.Id));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_file_before_schema_3_is_migrated_on_read_each_stage_keyed_by_its_id(int version)
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(
            $$"""{ "schemaVersion": {{version}}, "stages": [ { "id": 1, "name": "New", "order": 1 }, { "id": 7, "name": "Nurturing", "order": 2 } ] }"""), Path);

        Assert.Equal(new[] { "1", "7" }, content.Stages.Select(s => s.Key));
        Assert.Contains("\"schemaVersion\": 3", Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(content)));
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 3, "stages": [ { "id": 1, "name": "New", "order": 1 } ] }""", "stage 'New' has no key")]
    [InlineData("""{ "schemaVersion": 3, "stages": [ { "id": 1, "key": " ", "name": "New", "order": 1 } ] }""", "stage 'New' has no key")]
    [InlineData("""{ "schemaVersion": 3, "stages": [ { "id": 1, "key": "1", "name": "New", "order": 1 }, { "id": 2, "key": "1", "name": "Two", "order": 2 } ] }""", "have the same key '1'")]
    [InlineData("""{ "schemaVersion": 2, "stages": [ { "id": 1, "key": "1", "name": "New", "order": 1 } ] }""", "which schemaVersion 2 does not have")]
    [InlineData("""{ "schemaVersion": 3, "stages": [ { "id": 1, "key": 1, "name": "New", "order": 1 } ] }""", "must be text")]
    public void A_missing_repeated_or_misplaced_key_is_InvalidConfigurationFile(string json, string expected)
    {
        var failure = Read(json);

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }
}
