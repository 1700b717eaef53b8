using System;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Text;
using StageMap.Fuzz;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// The CSV row parser's own search for the characters that matter, and fields that are long runs of
/// them: read alike, in time in proportion to their length, on .NET and on .NET Framework.
/// </summary>
public class CsvRowParserTests
{
    public static TheoryData<int, int> Places => new()
    {
        // Where the character is, in a text how long: in the first search window, at its edges, far past it, nowhere.
        { 0, 1 }, { 0, 100 }, { 31, 100 }, { 32, 100 }, { 33, 100 }, { 95, 96 }, { 96, 200 }, { 20_000, 20_001 }, { 70_000, 90_000 }, { -1, 0 }, { -1, 50_000 },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void The_next_delimiter_quote_or_line_break_is_found_wherever_it_is(int at, int length)
    {
        foreach (var special in new[] { ',', '"', '\r', '\n' })
        {
            var text = Enumerable.Repeat('a', length).ToArray();
            if (at >= 0)
            {
                text[at] = special;
                for (var later = at + 1; later < length; later += 7)
                {
                    text[later] = ",\"\r\n"[later % 4];
                }
            }

            Assert.Equal(at, CsvRowParser.IndexOfSpecial(text));
        }
    }

    [Fact]
    public void A_field_of_a_quarter_of_a_million_quotes_or_of_nested_JSON_reads_in_the_time_of_its_length()
    {
        // Fields like these once took time in the square of their length on .NET Framework (System.Memory
        // looked for the next comma to the end of the buffer at each quote): minutes, where .NET took
        // milliseconds. Each must now read within the fuzz suite's time for one case.
        var quotes = new string('"', 250_000);
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 50_000));

        Assert.Equal(("x" + quotes, true), SecondField("x" + quotes));
        Assert.Equal((quotes.Substring(0, 124_999), false), SecondField(quotes));
        Assert.Equal(("ax" + quotes, true), SecondField("\"a\"x" + quotes));
        Assert.Equal((json, true), SecondField(json));
    }

    /// <summary>The second field of the one row after a header, and whether the row has bad data, read as a record file is.</summary>
    private static (string Value, bool BadData) SecondField(string field)
    {
        var bytes = Encoding.UTF8.GetBytes("Id,Title\n1," + field + "\n");
        var ended = TimeLimit.TryRun(
            () =>
            {
                using var text = StrictText.OpenReader(new MemoryStream(bytes));
                var parser = new CsvRowParser(text);
                Assert.True(parser.Read());
                Assert.True(parser.Read());
                var read = (parser.Count, parser.FieldString(1), parser.RowHasBadData);
                Assert.False(parser.Read());
                return read;
            },
            MutationFuzzer.CaseTimeLimit,
            out var row);

        Assert.True(ended, $"A field of {field.Length:N0} characters was still being read after {MutationFuzzer.CaseTimeLimit.TotalSeconds} s.");
        Assert.Equal(2, row.Count);
        return (row.Item2, row.RowHasBadData);
    }
}
