using Newtonsoft.Json.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

public class RecordJsonTests
{
    private static readonly StageMapConfiguration Configuration =
        With(Lead("Stage", "Status", StageLookup(displayName: true)), Lead("Email", "Email"), Lead("Last Name", "LastName"));

    [Fact]
    public void JsonApi_is_an_Outreach_request_document_with_the_stage_relationship()
    {
        var prospect = Pull(Configuration, Record(("Id", "00Q5g00000AbCdEEAV"), ("Status", "Closed - Converted"), ("Email", "ada@example.com"), ("LastName", "Lovelace")));

        var document = JObject.Parse(RecordJson.ToJson(prospect, RecordShape.JsonApi));

        Assert.True(JToken.DeepEquals(JObject.Parse("""
            {"data":{"type":"prospect","attributes":{"emails":["ada@example.com"],"lastName":"Lovelace"},
                     "relationships":{"stage":{"data":{"type":"stage","id":3}}}},
             "meta":{"salesforceId":"00Q5g00000AbCdEEAV","stageName":"Replied"}}
            """), document), document.ToString());
    }

    [Fact]
    public void JsonApi_clears_the_stage_relationship_with_null_data()
    {
        var prospect = Pull(Configuration, Record(("Status", ""), ("LastName", "Lovelace")));

        var document = JObject.Parse(RecordJson.ToJson(prospect, RecordShape.JsonApi));

        Assert.Equal(JTokenType.Null, document["data"]!["relationships"]!["stage"]!["data"]!.Type);
    }

    [Fact]
    public void SObject_adds_attributes_type_and_keeps_Id()
    {
        var lead = Push(Configuration, Record(("salesforceId", "00Q5g00000AbCdEEAV"), ("stage", 2), ("emails", null)));

        Assert.Equal("""{"attributes":{"type":"Lead"},"Id":"00Q5g00000AbCdEEAV","Status":"Working - Contacted","Email":null}""", RecordJson.ToJson(lead, RecordShape.SObject));
    }

    [Fact]
    public void Object_is_a_flat_record()
    {
        var lead = Push(Configuration, Record(("stage", 2), ("lastName", "Lovelace")));

        Assert.Equal("""{"Status":"Working - Contacted","LastName":"Lovelace"}""", RecordJson.ToJson(lead, RecordShape.Object));
    }
}
