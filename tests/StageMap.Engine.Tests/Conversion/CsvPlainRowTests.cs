using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Tests.Conversion.Reference;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// On .NET the CSV parser reads a plain row from a bit mask of where its delimiters, quotes and line
/// breaks are, 64 characters at a time, and leaves any other row to its character-by-character parse.
/// Every row must read as CsvHelper read it (fields, bad data, ragged rows, line numbers) wherever its
/// characters fall: at the edges of the 64-character blocks and of the parser's buffer, next to
/// characters whose low byte is a comma, a quote, a CR or an LF, surrogate pairs, and rows that are
/// plain up to a character that is not. On .NET Framework the same tests check the portable parse.
/// </summary>
public class CsvPlainRowTests
{
    // Low bytes 0x2C, 0x22, 0x0D, 0x0A under other high bytes: the mask flags them, the parser must pass over them.
    private static readonly string[] LookAlikes = { "\u012C", "\u0122", "\u010D", "\u010A", "\u2C2C", "\uFF22", "\U0001F62C", "\u4E0A" };

    [Fact]
    public void A_delimiter_quote_or_line_break_reads_the_same_at_every_place_in_and_around_a_block_of_64()
    {
        var texts = new List<string>();
        foreach (var tail in new[] { ",b", ",\"q\"", ",\"q,r\"", ",\"q\"\"r\"", ",\"q\"x", ",x\"y", ",\"q\r\nr\"", "," + LookAlikes[0], ",\"" + LookAlikes[1] + "\"" })
        {
            for (var length = 0; length < 140; length++)
            {
                foreach (var lineEnd in new[] { "\n", "\r\n", "\r" })
                {
                    texts.Add("Id,Name\n" + new string('a', length) + tail + lineEnd + "2,z" + lineEnd);
                    texts.Add("Id,Name\n\"" + new string('a', length) + "\"" + tail + lineEnd + "2,z" + lineEnd);
                }
            }
        }

        foreach (var text in texts)
        {
            AssertReadsAsCsvHelper(text);
        }
    }

    [Fact]
    public void Generated_files_across_buffer_edges_read_as_CsvHelper_read_them()
    {
        var random = new Random(20261203);
        for (var file = 0; file < 120; file++)
        {
            AssertReadsAsCsvHelper(GeneratedFile(random, rows: random.Next(50, 1500), plainOnly: file % 3 == 0));
        }
    }

    [Fact]
    public void A_file_ending_inside_a_plain_row_or_on_a_CR_reads_as_CsvHelper_read_it()
    {
        var row = string.Join(",", Enumerable.Range(0, 12).Select(i => "field" + i + new string('x', i * 7)));
        foreach (var end in new[] { "", "\r", "\n", "\r\n", ",", ",\"", ",\"open" })
        {
            AssertReadsAsCsvHelper(Header(12) + "\n" + row + "\n" + row + end);
        }
    }

    private static string Header(int columns) => string.Join(",", Enumerable.Range(0, columns).Select(i => "C" + i));

    private static string GeneratedFile(Random random, int rows, bool plainOnly)
    {
        var columns = random.Next(1, 14);
        var text = new StringBuilder(Header(columns)).Append('\n');
        for (var r = 0; r < rows; r++)
        {
            var count = random.Next(100) < 3 ? columns + random.Next(-1, 2) : columns;
            for (var f = 0; f < count; f++)
            {
                if (f > 0)
                {
                    text.Append(',');
                }

                text.Append(Field(random, plainOnly));
            }

            text.Append(random.Next(4) switch { 0 => "\r\n", 1 => "\r", _ => "\n" });
            if (random.Next(40) == 0)
            {
                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Field(Random random, bool plainOnly)
    {
        var body = new StringBuilder();
        var length = random.Next(100) < 10 ? random.Next(60, 300) : random.Next(0, 24);
        for (var i = 0; i < length; i++)
        {
            body.Append(random.Next(30) switch
            {
                0 => LookAlikes[random.Next(LookAlikes.Length)],
                1 => "é",
                2 => " ",
                _ => (char)('a' + random.Next(26)),
            });
        }

        var plain = body.ToString();
        var kind = random.Next(plainOnly ? 3 : 9);
        return kind switch
        {
            0 or 1 => plain,
            2 => "\"" + plain + (random.Next(2) == 0 ? "," : "") + "\"",
            3 => "\"" + plain + "\"\"" + plain + "\"",
            4 => "\"" + plain + "\r\n" + plain + "\"",
            5 => plain + "\"" + plain,
            6 => "\"" + plain + "\"" + plain,
            7 => "\"" + plain + "\n\"",
            _ => "\"" + plain,
        };
    }

    private static void AssertReadsAsCsvHelper(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = ReadAll(bytes, (stream, reader) => new ReferenceCsvReader(stream, reader, "x.csv", encodingNamed: false));
        var actual = ReadAll(bytes, (stream, reader) => new CsvRecordReader(stream, reader, "x.csv", encodingNamed: false));
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    /// <summary>Each row as one line of text: its line, its failure's id, its fields (or the failure of the whole file).</summary>
    private static List<string> ReadAll(byte[] bytes, Func<Stream, TextReader, IRecordFileReader> open)
    {
        var rows = new List<string>();
        try
        {
            var stream = new MemoryStream(bytes);
            using var reader = open(stream, StrictText.OpenReader(stream, null, leaveOpen: true));
            foreach (var item in reader.Read())
            {
                var fields = item.Record.Fields.Select(f => f.Key + "=" + RecordValue.Text(f.Value));
                rows.Add($"{reader.RecordLine} {item.Failure?.ErrorId} {item.Failure?.Message} | {string.Join(" | ", fields)}");
            }
        }
        catch (StageMapException e)
        {
            rows.Add("failed: " + e.ErrorId + " " + e.Message);
        }

        return rows;
    }
}
