using System.IO;
using System.Text;
using Newtonsoft.Json;
using StageMap.Engine.Conversion;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// A string written into a file's bytes is what Json.NET's JsonTextWriter wrote through a UTF-8
/// StreamWriter, whatever its length and wherever a character that is not plain ASCII stands: on .NET
/// plain ASCII goes eight characters at a time (the last one to seven as the text's last eight), four at
/// a time on .NET Framework, the rest one by one or through the encoder.
/// </summary>
public class JsonTextTests
{
    private static readonly string[] Others = { "\"", "\\", "\n", "\u0001", "\u007F", "é", "\u0085", "\u2028", "\u4E0A", "\U0001F600", "\uD800", "\uDC00" };

    [Fact]
    public void A_string_of_any_length_with_any_character_anywhere_is_written_as_Json_NET_wrote_it()
    {
        for (var length = 0; length <= 40; length++)
        {
            var plain = new StringBuilder();
            for (var i = 0; i < length; i++)
            {
                plain.Append((char)('!' + ((i * 7) % 90)) is '"' or '\\' ? 'x' : (char)('!' + ((i * 7) % 90)));
            }

            AssertWrittenAsJsonNet(plain.ToString());
            foreach (var other in Others)
            {
                for (var at = 0; at <= length; at++)
                {
                    AssertWrittenAsJsonNet(plain.ToString().Insert(at, other));
                    AssertWrittenAsJsonNet(plain.ToString().Insert(at, other + other));
                }
            }
        }
    }

    private static void AssertWrittenAsJsonNet(string text)
    {
        var expected = new MemoryStream();
        using (var writer = new StreamWriter(expected, new UTF8Encoding(false), 1024, leaveOpen: true))
        using (var json = new JsonTextWriter(writer))
        {
            json.WriteValue(text);
        }

        var actual = new MemoryStream();
        var output = new Utf8TextOut(actual);
        new JsonOutput(output).String(text);
        output.Flush();

        Assert.Equal(expected.ToArray(), actual.ToArray());
    }
}
