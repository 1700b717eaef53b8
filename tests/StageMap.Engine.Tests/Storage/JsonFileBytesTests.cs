using System.Collections.Generic;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>The one way StageMap lays out the JSON files it writes (configurations, snapshots).</summary>
public class JsonFileBytesTests
{
    [Fact]
    public void A_file_is_UTF_8_without_a_byte_order_mark_indented_by_two_spaces_with_LF_and_a_final_newline()
    {
        var bytes = StrictJson.ToFileBytes(new Dictionary<string, object> { ["name"] = "Prêt", ["values"] = new[] { 1, 2 } });

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal("{\n  \"name\": \"Prêt\",\n  \"values\": [\n    1,\n    2\n  ]\n}\n", new System.Text.UTF8Encoding(false, true).GetString(bytes));
    }
}
