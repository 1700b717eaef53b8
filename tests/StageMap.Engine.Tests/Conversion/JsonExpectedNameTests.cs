using System.Linq;
using System.Text;
using StageMap.Engine.Conversion.Bulk;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// A name the JSON parser expects is found in the text only where the text holds exactly its UTF-8 and
/// its closing quote: compared in one vector where sixteen bytes can be read (net8.0), byte for byte
/// near the end of the buffer and on .NET Framework, and for names longer than a vector, in both parts.
/// </summary>
public class JsonExpectedNameTests
{
    [Fact]
    public void A_name_is_found_where_the_text_holds_it_and_its_quote_and_nowhere_else()
    {
        foreach (var length in Enumerable.Range(1, 40))
        {
            var name = new string(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))).ToArray());
            var expected = new JsonExpectedName(name);
            Assert.Equal(length + 1, expected.Length);

            // At the start, in the middle, and ending at the buffer's last byte (no vector fits there).
            foreach (var before in new[] { 0, 7, 40 })
            {
                var text = Encoding.ASCII.GetBytes(new string('x', before) + name + "\"");
                Assert.True(expected.IsAt(text, before), $"{name} at {before}");
                var padded = Encoding.ASCII.GetBytes(new string('x', before) + name + "\"" + new string('y', 20));
                Assert.True(expected.IsAt(padded, before), $"{name} at {before}, text after it");

                // Any one byte different (the closing quote too) is another name.
                for (var at = 0; at <= length; at++)
                {
                    var changed = (byte[])padded.Clone();
                    changed[before + at] ^= 0x01;
                    Assert.False(expected.IsAt(changed, before), $"{name} changed at {at}");
                }
            }
        }
    }

    [Fact]
    public void Names_past_ASCII_are_compared_as_their_UTF_8()
    {
        var expected = new JsonExpectedName("na\u00efve\u540d\ud83d\ude00");
        var text = Encoding.UTF8.GetBytes("{\"na\u00efve\u540d\ud83d\ude00\": 1}");

        Assert.True(expected.IsAt(text, 2));
        Assert.False(expected.IsAt(Encoding.UTF8.GetBytes("{\"na\u00efve\u540d\ud83d\ude01\": 1}"), 2));
        Assert.False(expected.IsAt(Encoding.UTF8.GetBytes("{\"naive\u540d\ud83d\ude00\"\": 1}"), 2));
    }
}
