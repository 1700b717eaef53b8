using System.Linq;
using System.Text;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

public class OutreachStageReaderTests
{
    private static string Outreach(string name) => System.IO.Path.Combine(Fixtures.Directory, "outreach", name);

    private static OutreachStageFile Read(string content) => OutreachStageReader.Read(Encoding.UTF8.GetBytes(content), "/data/stages.json");

    [Fact]
    public void An_Outreach_API_v2_stage_list_gives_ids_names_orders_and_colours()
    {
        var file = OutreachStageReader.Read(Outreach("outreach_api_stages__stagemap.json"));

        Assert.Equal(OutreachStageFormat.ApiList, file.Format);
        Assert.Equal(8, file.Stages.Count);
        Assert.Equal((10, "Meeting Booked", 8, "#00a3a3"), (file.Stages[7].Id, file.Stages[7].Name, file.Stages[7].Order, file.Stages[7].Color));
        Assert.Null(file.Stages[6].Color);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void JSON_Lines_give_one_stage_a_line_and_the_id_may_be_left_out()
    {
        var file = OutreachStageReader.Read(Outreach("outreach_stages__stagemap.jsonl"));

        Assert.Equal(OutreachStageFormat.JsonLines, file.Format);
        Assert.Equal(7, file.Stages.Count);
        Assert.Equal(new OutreachStageRecord(null, "Nurturing", 7, null, 7), file.Stages[6]);
    }

    [Fact]
    public void A_flat_array_as_ConvertTo_Json_writes_it_is_read_with_any_property_case()
    {
        var file = Read("[\n  {\"Id\": 1, \"Name\": \"New\", \"Order\": 1, \"Color\": null},\n  {\"Id\": \"7\", \"Name\": \" Nurturing \", \"Order\": 2, \"Color\": \"#ccc\"}\n]");

        Assert.Equal(OutreachStageFormat.JsonArray, file.Format);
        Assert.Equal(new[] { new OutreachStageRecord(1, "New", 1, null, 2), new OutreachStageRecord(7, "Nurturing", 2, "#ccc", 3) }, file.Stages);
    }

    [Fact]
    public void A_single_resource_response_and_a_single_line_are_read()
    {
        Assert.Equal("New", Assert.Single(Read("{\"data\":{\"type\":\"stage\",\"id\":1,\"attributes\":{\"name\":\"New\",\"order\":1}}}").Stages).Name);
        Assert.Equal("New", Assert.Single(Read("{\"name\":\"New\"}").Stages).Name);
    }

    [Fact]
    public void One_page_of_several_warns_that_later_pages_are_missing()
    {
        var file = Read("{\"data\":[{\"type\":\"stage\",\"id\":1,\"attributes\":{\"name\":\"New\",\"order\":1}}],\"links\":{\"first\":\"https://api.outreach.io/api/v2/stages?page%5Bsize%5D=1\",\"next\":\"https://api.outreach.io/api/v2/stages?page%5Bafter%5D=abc\"}}");

        Assert.Contains("links.next", Assert.Single(file.Warnings));
    }

    [Theory]
    [InlineData("{\"name\":\"New\"}\n{\"name\":\"Replied\"\n{\"name\":\"Bad Data\"}", "line 3, position 0: After parsing a value an unexpected character")]
    [InlineData("[{\"id\":1,\"name\":\"New\"},\n {\"id\":2}]", "line 2, position 2: a stage has no name")]
    [InlineData("[{\"id\":1,\"name\":\"New\"},\n {\"id\":2,\"name\":\"   \"}]", "line 2, position 21: the name of a stage is empty")]
    [InlineData("[{\"id\":1,\"name\":\"New\"},\n {\"id\":2,\"name\":\"new\"}]", "line 2: the stage 'new' is listed twice (also 'New' at line 1)")]
    [InlineData("[{\"id\":1,\"name\":\"New\"},\n {\"id\":1,\"name\":\"Replied\"}]", "line 2: the stage id 1 is given twice")]
    [InlineData("[{\"id\":\"one\",\"name\":\"New\"}]", "line 1, position 12: id must be a whole number, not the text 'one'")]
    [InlineData("[{\"id\":0,\"name\":\"New\"}]", "a stage id must be a whole number above zero, not 0")]
    [InlineData("[{\"name\":\"New\",\"order\":1.5}]", "order must be a whole number, not the number 1.5")]
    [InlineData("[{\"name\":\"New\",\"color\":7}]", "color must be text")]
    [InlineData("{\"data\":[{\"type\":\"stage\",\"id\":1}]}", "line 1, position 10: a stage has no attributes")]
    [InlineData("{\"data\":\"stages\"}", "data must be a list of stages")]
    [InlineData("[]", "it lists no stages")]
    [InlineData("[\"New\", \"Replied\"]", "each stage must be a JSON object")]
    public void Malformed_stage_lists_are_InvalidMetadataFile_naming_file_line_and_position(string content, string expected)
    {
        var failure = Assert.Throws<StageMapException>(() => Read(content));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("'/data/stages.json' is not a valid", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"totalSize\":1,\"done\":true,\"records\":[]}", "a JSON object with the properties totalSize, done, records")]
    [InlineData("{\"data\":[{\"type\":\"prospect\",\"id\":1,\"attributes\":{\"name\":\"x\"}}]}", "an Outreach API list of 'prospect' resources")]
    [InlineData("{\"errors\":[{\"id\":\"unauthorizedOauthScope\",\"title\":\"Unauthorized OAuth Scope\",\"detail\":\"Your token lacks stages.read.\"}]}", "an Outreach API error response (Your token lacks stages.read.)")]
    public void Files_that_are_not_stage_lists_are_UnrecognizedMetadataFile(string content, string expected)
    {
        var failure = Assert.Throws<StageMapException>(() => Read(content));

        Assert.Equal(ErrorIds.UnrecognizedMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
        Assert.Contains("Outreach API v2 stage list", failure.Message);
    }
}
