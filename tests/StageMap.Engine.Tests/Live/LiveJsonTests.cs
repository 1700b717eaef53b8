using Newtonsoft.Json.Linq;
using StageMap.Engine.Live;
using Xunit;

namespace StageMap.Engine.Tests.Live;

public class LiveJsonTests
{
    private static JToken Value(string json) => LiveJson.Parse("{\"v\":" + json + "}")["v"]!;

    [Theory]
    [InlineData("7", true, 7)]
    [InlineData("\"7\"", true, 7)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("99999999999", false, 0)]
    [InlineData("100000000000000000000000000", false, 0)]
    [InlineData("0", false, 0)]
    [InlineData("-3", false, 0)]
    [InlineData("6.6", false, 0)]
    [InlineData("\"-3\"", false, 0)]
    [InlineData("\"12345678901\"", false, 0)]
    [InlineData("\" 7\"", false, 0)]
    [InlineData("{\"id\":7}", false, 0)]
    [InlineData("null", false, 0)]
    public void An_id_is_a_whole_number_from_1_to_Int32_max(string json, bool isId, int expected)
    {
        Assert.Equal((isId, expected), (LiveJson.TryGetId(Value(json), out var id), id));
    }

    [Theory]
    [InlineData("0", true, 0L)]
    [InlineData("3", true, 3L)]
    [InlineData("-1", false, 0L)]
    [InlineData("2.5", false, 0L)]
    [InlineData("100000000000000000000000000", false, 0L)]
    [InlineData("\"3\"", false, 0L)]
    public void A_count_is_a_whole_number_from_0(string json, bool isCount, long expected)
    {
        Assert.Equal((isCount, expected), (LiveJson.TryGetCount(Value(json), out var count), count));
    }

    [Theory]
    [InlineData("\"Name is too long\"", "Name is too long")]
    [InlineData("[\"INVALID_FIELD\",\"MALFORMED_QUERY\"]", "INVALID_FIELD; MALFORMED_QUERY")]
    [InlineData("422", "422")]
    [InlineData("{\"code\":1}", null)]
    [InlineData("null", null)]
    [InlineData("\"  \"", null)]
    public void Words_are_what_a_value_says_whatever_its_type(string json, string? expected)
    {
        Assert.Equal(expected, LiveJson.Words(Value(json)));
    }
}
