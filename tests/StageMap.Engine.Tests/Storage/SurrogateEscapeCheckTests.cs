using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

public class SurrogateEscapeCheckTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(4096)]
    public void An_unpaired_surrogate_is_placed_at_the_same_line_and_position_however_the_text_is_read(int readSize)
    {
        // Lines of every length, LF and CR LF, backslashes before the surrogate; the line and position are
        // those a character-by-character reading counts.
        var text = new StringBuilder();
        for (var line = 0; line < 60; line++)
        {
            text.Append('x', (line * 13) % 50).Append(line % 3 == 0 ? "\\n\\\\t" : "").Append(line % 2 == 0 ? "\r\n" : "\n");
        }

        text.Append("abc \"\\ud800\" def");
        var expected = Unpaired(text.ToString(), size: 0);

        var actual = Unpaired(text.ToString(), readSize);

        Assert.Equal((expected.LineNumber, expected.LinePosition, expected.Message), (actual.LineNumber, actual.LinePosition, actual.Message));
        Assert.Equal(61, actual.LineNumber);
    }

    /// <summary>Reads the text through the check, in blocks of <paramref name="size"/>, or a character at a time when it is 0.</summary>
    private static JsonReaderException Unpaired(string text, int size)
    {
        using var check = new SurrogateEscapeCheck(new StringReader(text));
        return Assert.Throws<JsonReaderException>(() =>
        {
            var buffer = new char[Math.Max(size, 1)];
            while (size == 0 ? check.Read() >= 0 : check.Read(buffer, 0, size) > 0)
            {
            }
        });
    }
}
