using System.Linq;
using System.Text;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>Record types in the configuration file: optional, additive, held to the same strict contract as the rest.</summary>
public class RecordTypeFileTests
{
    private const string Path = "/cfg/m.json";

    private static string WithRecordTypes(string recordTypes) =>
        "{\n  \"schemaVersion\": 2,\n  \"crmMetadata\": {\n    \"recordTypes\": " + recordTypes + "\n  }\n}";

    private static StageMapException Refused(string json) =>
        Assert.Throws<StageMapException>(() => ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(json), Path));

    [Fact]
    public void Record_types_round_trip_and_are_written_only_when_known()
    {
        var partner = new CrmRecordType(CrmObject.Lead, "Partner_Lead", "Partner Lead")
        {
            Id = "0128c000001PtLdAAK",
            BusinessProcess = "Partner Process",
            Values = new[] { "Open - Not Contacted", "Closed - Converted" },
            DefaultValue = "Open - Not Contacted",
            ConvertedValues = new[] { "Closed - Converted" },
            SfdxProject = "/home/admin/org",
        };
        var master = new CrmRecordType(CrmObject.Contact, "Master", "Master") { Id = CrmRecordType.MasterId, IsMaster = true };
        var legacy = new CrmRecordType(CrmObject.Lead, "Legacy_Lead", "Legacy Lead") { IsActive = false };
        var content = new ConfigurationContent { CrmMetadata = new CrmMetadata { RecordTypes = new[] { partner, master, legacy } } };

        var bytes = ConfigurationSerializer.ToBytes(content);
        var back = ConfigurationSerializer.FromBytes(bytes, Path);

        Assert.Equal(new[] { partner, master, legacy }, back.CrmMetadata.RecordTypes);
        Assert.Equal(bytes, ConfigurationSerializer.ToBytes(back));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"recordTypes\": [", text);
        Assert.Contains("\"isMaster\": true", text);
        Assert.Single(text.Split(new[] { "\"isMaster\"" }, System.StringSplitOptions.None).Skip(1));
        Assert.DoesNotContain("\"recordTypes\"", Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(new ConfigurationContent { CrmMetadata = new CrmMetadata { Sources = new[] { "Lead.json" } } })));
    }

    [Fact]
    public void A_file_without_record_types_reads_as_before()
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes("{ \"schemaVersion\": 1, \"crmMetadata\": { \"leadStatuses\": [ { \"apiName\": \"New\" } ] } }"), Path);

        Assert.Empty(content.CrmMetadata.RecordTypes);
        Assert.Equal("New", content.CrmMetadata.LeadStatuses.Single().ApiName);
    }

    [Theory]
    [InlineData("[ { \"object\": \"Lead\", \"label\": \"Partner Lead\" } ]", "crmMetadata.recordTypes[0] has no developerName")]
    [InlineData("[ { \"object\": \"Account\", \"developerName\": \"B2B\", \"label\": \"B2B\" } ]", "crmMetadata.recordTypes[0].object must be one of Lead, Contact")]
    [InlineData("[ { \"object\": \"Lead\", \"developerName\": \"P\", \"label\": \"P\", \"process\": \"X\" } ]", "'process' is not a property StageMap knows here")]
    [InlineData("[ { \"object\": \"Lead\", \"developerName\": \"P\", \"label\": \"P\", \"values\": [ \"New\", 7 ] } ]", "crmMetadata.recordTypes[0].values[1] must be text, not the number 7")]
    [InlineData("[ { \"object\": \"Lead\", \"developerName\": \"P\", \"label\": \"P\", \"values\": [ \"New\\u0007\" ] } ]", "control character U+0007")]
    [InlineData("[ { \"object\": \"Lead\", \"developerName\": \"P\", \"label\": \"P\", \"values\": [ \"New\", \"New\" ] } ]", "the Lead record type 'P' lists the value 'New' twice")]
    [InlineData("[ { \"object\": \"Lead\", \"developerName\": \"P\", \"label\": \"P\" },\n { \"object\": \"Lead\", \"developerName\": \"p\", \"label\": \"Q\" } ]", "the Lead record type 'p' is listed twice")]
    public void A_record_type_the_contract_refuses_is_named_at_its_position(string recordTypes, string expected)
    {
        var failure = Refused(WithRecordTypes(recordTypes));

        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Matches("line \\d+, position \\d+: ", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void The_same_developer_name_on_Lead_and_Contact_is_two_record_types()
    {
        var content = ConfigurationSerializer.FromBytes(Encoding.UTF8.GetBytes(WithRecordTypes(
            "[ { \"object\": \"Lead\", \"developerName\": \"Partner\", \"label\": \"Partner\" }, { \"object\": \"Contact\", \"developerName\": \"Partner\", \"label\": \"Partner\" } ]")), Path);

        Assert.Equal(new[] { CrmObject.Lead, CrmObject.Contact }, content.CrmMetadata.RecordTypes.Select(r => r.Object).ToArray());
    }
}
