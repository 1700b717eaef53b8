using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// The parser reads an object's members in one loop that checks the colon, the comma and the next
/// quote in place and leaves anything else (white space, the end of the text in hand) to its slower
/// steps: white space of every kind and amount between every two tokens, every token cut by the end
/// of a read, and values nested deep or odd read as Json.NET's reader reads them.
/// </summary>
public partial class JsonRecordReaderEquivalenceTests
{
    /// <summary>A record of every kind of value: each piece is a token, white space may go between any two.</summary>
    private static readonly string[] RecordTokens =
    {
        "{", "\"id\"", ":", "\"00Q5g0000000000001\"", ",", "\"stage\"", ":", "4", ",", "\"name\"", ":", "\"Ann \\\"A\\\" B\"", ",",
        "\"emails\"", ":", "[", "\"a@example.com\"", ",", "\"b@example.com\"", "]", ",", "\"score\"", ":", "-12.50", ",",
        "\"ok\"", ":", "true", ",", "\"gone\"", ":", "false", ",", "\"none\"", ":", "null", ",", "\"empty\"", ":", "[", "]", ",",
        "\"owner\"", ":", "{", "\"id\"", ":", "7", ",", "\"tags\"", ":", "[", "{", "}", ",", "[", "1", "]", "]", "}", "}",
    };

    [Fact]
    public void White_space_of_every_kind_and_amount_between_every_two_tokens_reads_the_same()
    {
        // Each kind of white space, one to three of it, put between one pair of tokens at a time (the rest
        // compact), in records that follow others of the same names, so the names are expected ones.
        var kinds = new[] { " ", "\t", "\n", "\r\n", "\r", " \t\r\n", "\n\n\t " };
        var compact = string.Concat(RecordTokens);
        var lines = new List<string> { compact, compact };
        for (var gap = 1; gap < RecordTokens.Length; gap++)
        {
            foreach (var kind in kinds)
            {
                for (var count = 1; count <= 3; count++)
                {
                    var spaced = string.Concat(RecordTokens.Take(gap)) + string.Concat(Enumerable.Repeat(kind, count)) + string.Concat(RecordTokens.Skip(gap));
                    lines.Add(spaced);
                    lines.Add(compact);
                }
            }
        }

        Assert.False(Same(Encoding.UTF8.GetBytes(string.Join("\n", lines)), null));

        // And everywhere at once, in random kinds and amounts (none, too), between records as well.
        var random = new Random(20261203);
        var mixed = Enumerable.Range(0, 400).Select(_ => string.Concat(RecordTokens.Select(token => token + Gap(random, kinds))));
        Assert.False(Same(Encoding.UTF8.GetBytes(string.Join(Gap(random, kinds) + "\n", mixed)), null));
    }

    [Fact]
    public void White_space_Json_NET_reads_in_ways_of_its_own_between_every_two_tokens_reads_the_same()
    {
        // A no-break space, a vertical tab, a form feed, a NEL, a NUL, a line separator between any two
        // tokens of a record that follows plain ones.
        var odd = new[] { "\u00a0", "\u000b", "\u000c", "\u0085", "\u0000", "\u2028" };
        var compact = string.Concat(RecordTokens);
        for (var gap = 1; gap < RecordTokens.Length; gap++)
        {
            var space = odd[gap % odd.Length];
            var spaced = string.Concat(RecordTokens.Take(gap)) + space + string.Concat(RecordTokens.Skip(gap));
            Same(Encoding.UTF8.GetBytes(compact + "\n" + compact + "\n" + spaced + "\n" + compact), null);
        }
    }

    [Fact]
    public void Members_cut_by_the_end_of_a_read_at_every_offset_read_the_same()
    {
        // The first read ends 16 KiB into the file: a first line a byte shorter each time moves that end
        // through every byte of the records after it, compact and with white space, so every token (a
        // name expected or not, a colon, a comma, a string, a number, a literal, a nested object, an
        // array) is cut at each of its bytes, and the record is read again whole after the next read.
        var compact = string.Concat(RecordTokens);
        var spaced = string.Join(" ", RecordTokens).Replace(", ", ",\r\n  ");
        var other = "{\"id\": \"x\", \"stage\": 12345678901234, \"nam\": \"y\", \"owner\": {\"id\": true}}";
        var lines = string.Join("\n", compact, compact, spaced, other, compact, spaced) + "\n";
        for (var offset = 0; offset < Encoding.UTF8.GetByteCount(lines) + 8; offset++)
        {
            var padded = "{\"pad\": \"" + new string('x', (16 * 1024) - 12 - offset) + "\"}\n" + lines;
            Assert.False(Same(Encoding.UTF8.GetBytes(padded), null));
        }
    }

    [Fact]
    public void Records_cut_short_at_every_byte_read_the_same()
    {
        // A file that ends inside its last record, at each of its bytes: the parser hands it to Json.NET,
        // which says where it ends, after the same records.
        var text = string.Concat(RecordTokens) + "\n" + string.Join(" ", RecordTokens);
        for (var length = 1; length < text.Length; length++)
        {
            Same(Encoding.UTF8.GetBytes(string.Concat(RecordTokens) + "\n" + text.Substring(0, length)), null);
        }
    }

    [Fact]
    public void Values_nested_deep_or_odd_read_the_same()
    {
        // Objects and arrays nested up to and past the depth the parser reads itself (Json.NET reads on,
        // and refuses past its own limit), empty ones, objects in arrays in objects whose names change
        // from one to the next, and records that hold records.
        var cases = new List<string>();
        foreach (var depth in new[] { 1, 2, 10, 40, 46, 47, 48, 49, 50, 63, 64, 65, 70 })
        {
            cases.Add("{\"a\": " + string.Concat(Enumerable.Repeat("{\"b\": ", depth)) + "1" + new string('}', depth) + "}");
            cases.Add("{\"a\": " + new string('[', depth) + "1" + new string(']', depth) + "}");
            cases.Add("{\"a\": " + string.Concat(Enumerable.Repeat("[{\"b\": ", depth)) + "null" + string.Concat(Enumerable.Repeat("}]", depth)) + "}");
        }

        cases.Add("{\"a\": {}, \"b\": [], \"c\": [{}], \"d\": [[]], \"e\": {\"f\": {}}}");
        cases.Add("{\"a\": [{\"x\": 1, \"y\": 2}, {\"x\": 3}, {\"y\": 4, \"x\": 5}, {\"x\": 6, \"y\": 7, \"z\": 8}, {}]}");
        cases.Add("{\"a\": [1, \"two\", true, null, -3.25, {\"b\": [false]}, [\"c\", [\"d\"]]]}");
        cases.Add("{\"a\": 1, \"records\": [{\"b\": \"c\"}, {\"b\": \"d\", \"e\": [1]}]}");
        cases.Add("{\"a\": 1, \"data\": {\"b\": 2}, \"records\": [{\"c\": {\"records\": [{\"d\": 3}]}}]}");
        cases.Add("{\"result\": {\"x\": 1, \"records\": [{\"a\": 1}], \"after\": [2]}, \"more\": 3}");
        cases.Add("{\"a\": \"\", \"\": \"b\", \"c\": \"\\u0000\"}");
        cases.Add("{\"a\": 123456789012345678, \"b\": 1234567890123456789, \"c\": 0.123456789012345678, \"d\": 00, \"e\": -0, \"f\": 1.}");
        cases.Add("{\"a\": 1e5, \"b\": 0x1F, \"c\": +1, \"d\": .5, \"e\": 1.5.5, \"f\": --1}");
        cases.Add("{\"a\": truex}");
        cases.Add("{\"a\": nul}");
        cases.Add("{\"a\": [1 2]}");
        cases.Add("{\"a\": [1,]}");
        cases.Add("{\"a\" 1}");
        cases.Add("{\"a\": 1 \"b\": 2}");
        cases.Add("{\"a\": 1,}");
        cases.Add("{,}");
        cases.Add("{\"a\": 1}}");
        foreach (var json in cases)
        {
            // Alone, after plain records of the same first names, and before one.
            Same(Encoding.UTF8.GetBytes(json), null);
            Same(Encoding.UTF8.GetBytes("{\"a\": 0}\n{\"a\": 0, \"b\": 1}\n" + json + "\n{\"a\": 2}"), null);
        }
    }

    [Fact]
    public void Names_as_long_as_a_vector_and_longer_read_the_same()
    {
        // A name the parser expects is compared sixteen bytes at a time where vectors are: names of 14 to
        // 18 bytes (with their closing quote, about a vector), longer ones, ones that differ only in their
        // last byte or past the sixteenth, and the same names near the end of the text in hand.
        var names = new[] { "abcdefghijklmn", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz012345678X", "\u00e9bcdefghijklmn", "abcdefghijklmnoX" };
        var random = new Random(20261203);
        var lines = Enumerable.Range(0, 600).Select(i =>
        {
            var first = names[random.Next(names.Length)];
            var second = names[random.Next(names.Length)];
            return $"{{\"{first}\": {i}, \"{second}\": \"v\", \"{first}{first}\": [\"{second}\"]}}";
        });
        var json = string.Join("\n", lines);

        Assert.False(Same(Encoding.UTF8.GetBytes(json), null));
        for (var cut = 1; cut < 120; cut += 7)
        {
            Same(Encoding.UTF8.GetBytes(json.Substring(0, json.Length - cut)), null);
        }
    }

    private static string Gap(Random random, string[] kinds)
    {
        var gap = new StringBuilder();
        for (var n = random.Next(3); n > 0; n--)
        {
            gap.Append(kinds[random.Next(kinds.Length)]);
        }

        return gap.ToString();
    }
}
