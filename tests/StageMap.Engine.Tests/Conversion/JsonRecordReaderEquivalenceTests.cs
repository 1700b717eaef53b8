using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Tests.Conversion.Reference;
using StageMap.Engine.Text;
using StageMap.Fuzz;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// The JSON record reader (its fast path, and Json.NET where the fast path hands over) gives what
/// Json.NET's reader as it was gives (Reference/ReferenceJsonReader): the same records in the same
/// order, each value of the same type and value, the same line for each record, and the same end or
/// the same failure. Over the fixtures, generated files with and without what only Json.NET reads,
/// encodings, bytes that do not decode, block boundaries, and thousands of mutations.
/// </summary>
public partial class JsonRecordReaderEquivalenceTests
{
    public static TheoryData<string> Fixtures => new()
    {
        "conversion/prospects.jsonl", "conversion/prospects-array.json", "salesforce/sf_rest_query_LeadStatus__stagemap.json",
        "salesforce/sf_cli_query_LeadStatus__stagemap.json", "salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json",
        "salesforce/sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json", "outreach/outreach_api_stages__stagemap.json",
        "outreach/outreach_stages__stagemap.jsonl",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_JSON_fixture_reads_the_same_and_plain_ones_without_Json_NET(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzTargets.FixturesDirectory, name));

        var byJsonNet = Same(bytes, null);

        // The fixtures written by StageMap and Salesforce are plain JSON: the fast path reads them whole.
        if (name.IndexOf("wiremock", StringComparison.Ordinal) < 0 && name.IndexOf("prospects-array", StringComparison.Ordinal) < 0)
        {
            Assert.False(byJsonNet, $"{name} was handed to Json.NET");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Generated_plain_JSON_of_every_shape_reads_the_same(int seed)
    {
        for (var file = 0; file < 8; file++)
        {
            var text = GeneratedJson.File((seed * 100) + file, records: 300);

            Assert.False(Same(Encoding.UTF8.GetBytes(text), null), "a file of plain JSON was handed to Json.NET");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Generated_JSON_with_what_only_Json_NET_reads_or_refuses_reads_the_same(int seed)
    {
        for (var file = 0; file < 30; file++)
        {
            var text = GeneratedJson.File((seed * 100) + file, records: 120, unusual: 40);
            Same(Encoding.UTF8.GetBytes(text), null);
        }
    }

    [Fact]
    public void Byte_order_marks_UTF_16_a_named_encoding_and_undecodable_bytes_anywhere_read_the_same()
    {
        var text = GeneratedJson.File(77, records: 2000);
        var utf8 = Encoding.UTF8.GetBytes(text);
        var inputs = new List<(byte[] Bytes, Encoding? Encoding)>
        {
            (new UTF8Encoding(true).GetPreamble().Concat(utf8).ToArray(), null),
            (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), null),
            (Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(), null),
            (EncodingNames.Resolve("windows-1252").GetBytes(text.Replace("🙂", "ë").Replace("\u2028", "ß").Replace("\u0085", "").Replace("\u0001", "")), EncodingNames.Resolve("windows-1252")),
        };

        // An invalid byte at the start, inside the first block the decoder reads, right at and around its
        // end, deep in the file, and last.
        foreach (var at in new[] { 0, 100, 16383, 16384, 16385, 40000, 65535, 65536, 100000, utf8.Length })
        {
            inputs.Add((utf8.Take(at).Concat(new byte[] { 0xC3, 0x28 }).Concat(utf8.Skip(at)).ToArray(), null));
        }

        foreach (var (bytes, encoding) in inputs)
        {
            Same(bytes, encoding);
        }
    }

    [Fact]
    public void What_only_Json_NET_reads_anywhere_in_a_long_file_reads_the_same()
    {
        var text = GeneratedJson.File(5, records: 3000);
        var odd = new[] { "/* comment */", "\u00a0", "'single'", "NaN", "\"\\ud800\"", "\u0000", ",", "]", "}", "1e5", "\"\\uDC00\"", "\"\r" };
        var random = new Random(20261203);
        for (var i = 0; i < 60; i++)
        {
            // Between any two characters, so some land inside strings, numbers and names.
            var at = random.Next(text.Length);
            Same(Encoding.UTF8.GetBytes(text.Insert(at, odd[i % odd.Length])), null);
            Same(Encoding.UTF8.GetBytes(text.Substring(0, at)), null);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("[] {} []")]
    [InlineData("{\"records\": []}")]
    [InlineData("{\"records\": [], \"records\": [{\"a\": 1}]}")]
    [InlineData("{\"a\": 1, \"records\": [{\"b\": 2}], \"c\": {\"d\": [1, {\"e\": null}]}}")]
    [InlineData("{\"result\": {\"a\": 1}}")]
    [InlineData("{\"result\": {\"records\": [{\"a\": 1}, {\"b\": 2}]}, \"result\": {\"c\": 3}}")]
    [InlineData("{\"result\": {\"result\": {\"records\": [{\"a\": 1}]}}}")]
    [InlineData("{\"data\": {\"a\": 1}} {\"data\": [{\"b\": 2}]} [{\"records\": [{\"c\": 3}]}]")]
    [InlineData("{\"Records\": [{\"a\": 1}]}")]
    [InlineData("{\"rec\\u006frds\": [{\"a\": 1}]}")]
    [InlineData("{\"a\": 1}{\"b\": 2}\r\n{\"c\": 3}\r{\"d\": 4}")]
    [InlineData("{\"a\": 1}, {\"b\": 2}")]
    [InlineData("[{\"a\": 1}, 2, \"three\", [4], null, {\"f\": 5}]")]
    [InlineData("{\"a\": \"line\nbreak\", \"b\": \"cr\rlf\r\n\"}\n{\"c\": 1}\n{\"d\": }")]
    [InlineData("{\"a\": 1, \"A\": 2, \"a\": 3}")]
    [InlineData("{\"a\": {\"b\": 1, \"B\": 2}}")]
    [InlineData("{\"a\": 1")]
    [InlineData("{\"a\": 1}\n{\"b\"")]
    [InlineData("{\"a\": tru}")]
    [InlineData("{\"a\": true")]
    [InlineData("{\"a\": 12")]
    [InlineData("12")]
    [InlineData("\"x\"")]
    [InlineData("[{\"a\": 1}")]
    [InlineData("[{\"a\": 1},")]
    [InlineData("{\"a\": [1, 2, {\"b\": [true, false, null]}]}")]
    [InlineData("{\"a\": 1.50, \"b\": -0.0, \"c\": 0.05, \"d\": -7, \"e\": 123456789012345678, \"f\": 1234567890123456789}")]
    [InlineData("{\"a\": \"\\ud83d\\ude00\", \"b\": \"\\u00e9\\u00C9\", \"c\": \"\\/\\b\\f\\n\\r\\t\\\"\\\\\\'\"}")]
    public void Edge_cases_of_JSON_read_the_same(string json)
    {
        Same(Encoding.UTF8.GetBytes(json), null);
    }

    [Fact]
    public void A_long_text_and_many_members_read_the_same()
    {
        var members = string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"field{i}\": \"{new string((char)('a' + (i % 26)), i * 7)}\""));
        var json = "{\"long\": \"" + new string('x', 200_000) + "\", " + members + "}\n{\"after\": 1}";

        Assert.False(Same(Encoding.UTF8.GetBytes(json), null));
    }

    [Fact]
    public void Strings_with_stops_tabs_and_controls_at_every_offset_read_the_same()
    {
        // The end of a string is searched eight characters at a time on net8.0: put every kind of
        // character that stops the search, or looks as if it might, at every offset of a block, in strings
        // shorter and longer than a block, and let the file's reads end anywhere.
        var inside = new[] { "\t", "\\n", "\\\"", "\\\\", "\\u00e9", "\n", "\r", "\r\n", "\u0001", "\u000b", "\u00e9", "\u2028", "\ud83d\ude00" };
        var text = new StringBuilder();
        for (var offset = 0; offset < 40; offset++)
        {
            foreach (var piece in inside)
            {
                text.Append("{\"id\": \"").Append('a', offset).Append(piece).Append('b', (offset * 7) % 23).Append("\", \"n\": ").Append(offset).Append("}\n");
            }
        }

        // Three times over, so the file's reads (32 KiB) end at many places in a string.
        var json = string.Concat(Enumerable.Repeat(text.ToString(), 3));
        Assert.False(Same(Encoding.UTF8.GetBytes(json), null));
        for (var cut = 1; cut < 400; cut += 37)
        {
            Same(Encoding.UTF8.GetBytes(json.Substring(0, json.Length - cut)), null);
        }

        // A NUL in a string is Json.NET's to read, wherever it is.
        for (var offset = 0; offset < 20; offset++)
        {
            Same(Encoding.UTF8.GetBytes("{\"id\": \"" + new string('a', offset) + "\u0000b\"}\n{\"id\": \"c\"}"), null);
        }
    }

    [Fact]
    public void Objects_whose_names_change_from_record_to_record_read_the_same()
    {
        // Each object is checked against the names of the last object at its depth: the same names, one
        // more, one fewer, in another order, another case, a longer or shorter name, a repeated name.
        var records = new[]
        {
            "{\"a\": 1, \"b\": 2}", "{\"a\": 3, \"b\": 4}", "{\"a\": 5, \"b\": 6, \"c\": 7}", "{\"a\": 8}", "{\"b\": 9, \"a\": 10}",
            "{\"A\": 11, \"b\": 12}", "{\"a\": 13, \"bb\": 14}", "{\"a\": 15, \"\": 16}", "{}", "{\"a\": 17, \"b\": 18}",
            "{\"a\": 19, \"a\": 20}", "{\"a\": 21, \"A\": 22}", "{\"a\\u0062\": 23}", "{\"ab\": 24}",
            "{\"x\": {\"p\": 1, \"q\": 2}, \"y\": {\"p\": 3, \"q\": 4}}", "{\"x\": {\"p\": 5}, \"y\": {\"q\": 6, \"p\": 7}}",
            "{\"x\": [{\"p\": 1}, {\"p\": 2, \"q\": 3}, {\"p\": 4}]}", "{\"a\": 25, \"b\": 26}",
        };
        Same(Encoding.UTF8.GetBytes(string.Join("\n", records)), null);
        var random = new Random(20261203);
        var shuffled = Enumerable.Range(0, 2000).Select(_ => records[random.Next(records.Length)]);
        Same(Encoding.UTF8.GetBytes(string.Join("\n", shuffled)), null);
    }

    [Fact]
    public void Names_compared_with_the_names_expected_read_the_same_wherever_the_reads_end()
    {
        // A name expected (the next name of the last object like this one) is compared with the text in
        // one go: a name that only begins as it does, runs on past it, has an escape where it has the
        // same character, or holds a line end or an escaped quote (never compared), and objects whose
        // names switch between the sets seen part-way through.
        var records = new[]
        {
            "{\"id\": 1, \"name\": \"x\", \"tags\": [\"a\"]}", "{\"id\": 2, \"name\": \"y\", \"tags\": []}", "{\"id\": 3, \"nam\": \"y\"}",
            "{\"id\": 4, \"names\": \"y\"}", "{\"id\": 5, \"n\\u0061me\": \"y\"}", "{\"id\": 6, \"name\": \"y\", \"tags\": [], \"more\": 1}",
            "{\"id\": 7, \"tags\": [], \"name\": \"z\"}", "{\"i\\\"d\": 8, \"name\": \"q\"}", "{\"i\\\"d\": 9, \"name\": \"q\"}",
            "{\"i\nd\": 10, \"name\": \"r\"}", "{\"i\nd\": 11, \"name\": \"r\"}", "{\"id\": 12}", "{\"id\": 13, \"name\": \"s\", \"tags\": [\"b\"]}",
            "{\"id\": 14, \"name\": \"\\u00e9\", \"x\": {\"id\": 1, \"name\": 2}}", "{\"id\": 15, \"name\": \"t\", \"x\": {\"id\": 3, \"nam\": 4}}",
            "{\"id\": 16, \"na\u00efve\": 1, \"\u540d\u524d\": 2, \"\ud83d\ude00\": 3}", "{\"id\": 17, \"na\u00efve\": 1, \"\u540d\u524d\": 2, \"\ud83d\ude00\": 3}",
            "{\"id\": 18, \"na\\u00efve\": 1, \"\u540d\u524d\": 2, \"\\ud83d\\ude00\": 3}", "{\"id\": 19, \"na\u00efv\": 1, \"\u540d\": 2, \"\ud83d\ude01\": 3}",
        };
        var random = new Random(20261203);
        var json = string.Join("\n", Enumerable.Range(0, 3000).Select(_ => records[random.Next(records.Length)]));

        Assert.False(Same(Encoding.UTF8.GetBytes(json), null));
        for (var cut = 1; cut < 200; cut += 3)
        {
            Same(Encoding.UTF8.GetBytes(json.Substring(0, json.Length - cut)), null);
        }

        // The text is decoded 16 KiB of bytes at a time: a first line a byte shorter each time moves where a
        // read ends through every byte of the lines after it, their names (ASCII, two, three and four bytes a
        // character) and the names expected in them.
        var lines = string.Join("\n", new[] { 15, 16, 17, 18, 16, 0, 1, 0 }.Select(i => records[i]));
        for (var offset = 0; offset < 200; offset++)
        {
            var padded = "{\"pad\": \"" + new string('x', (16 * 1024) - 12 - offset) + "\"}\n" + lines;
            Assert.False(Same(Encoding.UTF8.GetBytes(padded), null));
        }
    }

    [Fact]
    public void Objects_of_more_names_than_are_kept_read_the_same()
    {
        // More sets of names than the parser keeps (256), and more names than it keeps one string of (4096):
        // the oldest are let go, and objects like them are named again.
        var json = new StringBuilder();
        for (var i = 0; i < 6000; i++)
        {
            json.Append("{\"id\": ").Append(i).Append(", \"f").Append(i % 700).Append("\": 1, \"g").Append(i % 5000).Append("\": \"v\"}\n");
        }

        Assert.False(Same(Encoding.UTF8.GetBytes(json.ToString()), null));
    }

    [Theory]
    [InlineData("records-json", 1500)]
    [InlineData("records-jsonl", 1500)]
    public void Thousands_of_mutations_of_the_JSON_fixtures_read_the_same(string targetName, int iterations)
    {
        var target = FuzzTargets.Named(targetName);
        for (var f = 0; f < target.Fixtures.Count; f++)
        {
            for (var iteration = 0; iteration < iterations; iteration++)
            {
                var (bytes, _) = MutationFuzzer.Case(target.Fixtures[f], 20261203, f, iteration);
                Same(bytes, null);
            }
        }
    }

    [Theory]
    [InlineData("records.jsonl", "{\"Id\": \"a\", \"Status\": \"New\"}\n{\"Id\": \"b\", \"Status\": \"Working\"}\n{\"Id\": \"c\", \"Status\": \"Closed\"}\n")]
    [InlineData("records.csv", "Id,Status\na,New\nb,Working\nc,Closed\n")]
    public void Records_read_without_asking_for_reused_ones_may_be_kept_past_the_next(string name, string text)
    {
        var format = RecordFileFormats.FromExtension(name)!.Value;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        using var reader = RecordFileReaders.Open(stream, name, format, encoding: null);

        var records = reader.Read().Select(item => item.Record).ToList();

        Assert.All(records, record => Assert.IsNotAssignableFrom<IReusedRecord>(record));
        Assert.Equal(new object?[] { "a", "b", "c" }, records.Select(r => r.TryGetValue("Id", out var id) ? id : null));
        Assert.Equal(new object?[] { "New", "Working", "Closed" }, records.Select(r => r.TryGetValue("Status", out var status) ? status : null));
    }

    [Fact]
    public void Characters_of_every_UTF_8_length_and_escapes_across_every_block_end_read_the_same()
    {
        // The parser reads the file's bytes 16 KiB at a time: a first line a byte shorter each time puts
        // each piece of a value and of a name at every offset around the end of the first block.
        var pieces = new[] { "\u00e9", "\u20ac", "\u540d", "\ud83d\ude00", "\\u00e9", "\\ud83d\\ude00", "\\n", "\\\"", "\\\\", "\t" };
        foreach (var piece in pieces)
        {
            var lines = string.Concat(Enumerable.Range(0, 3).Select(i => $"{{\"id\": {i}, \"v{piece}\": \"a{piece}b{piece}\", \"w\": [\"{piece}\"]}}\n"));
            for (var offset = 0; offset < 120; offset++)
            {
                var padded = "{\"pad\": \"" + new string('x', (16 * 1024) - 12 - offset) + "\"}\n" + lines;
                Assert.False(Same(Encoding.UTF8.GetBytes(padded), null));
            }
        }
    }

    [Fact]
    public void Undecodable_bytes_in_a_string_a_name_or_between_tokens_around_every_block_end_read_the_same()
    {
        // A bad sequence anywhere fails as decoding the file fails, at the same read: inside a value, a
        // name and between tokens, at every offset around the end of the first and second blocks, and
        // cut by the end of a block.
        var bad = new[] { new byte[] { 0xC3, 0x28 }, new byte[] { 0xFF }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 } };
        var places = new[] { "{{\"id\": 1, \"name\": \"ab{0}cd\"}}", "{{\"id\": 1, \"na{0}me\": \"abcd\"}}", "{{\"id\": 1,{0} \"name\": \"abcd\"}}" };
        foreach (var block in new[] { 1, 2 })
        {
            for (var offset = 0; offset < 24; offset++)
            {
                foreach (var place in places)
                {
                    foreach (var sequence in bad)
                    {
                        // The bad bytes land from 11 before to 12 after the block's end.
                        var parts = string.Format(CultureInfo.InvariantCulture, place, "\u0001").Split('\u0001');
                        var head = "{\"pad\": \"" + new string('x', (block * 16 * 1024) - 36 - parts[0].Length + 12 - offset) + "\"}\n{\"id\": 0, \"name\": \"z\"}\n";
                        var bytes = Encoding.UTF8.GetBytes(head + parts[0]).Concat(sequence).Concat(Encoding.UTF8.GetBytes(parts[1] + "\n{\"id\": 2}")).ToArray();
                        Same(bytes, null);
                    }
                }
            }
        }
    }

    [Fact]
    public void An_unpaired_surrogate_escape_after_records_in_the_same_block_reads_the_same()
    {
        // Json.NET's reading refuses the escape when it reads the text around it, before the records that
        // text also ends: the parser, which reads a block at a time, must hand out none of them either.
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800x" })
        {
            for (var offset = 0; offset < 3000; offset += 97)
            {
                var head = "{\"pad\": \"" + new string('x', (16 * 1024) - 200 - offset) + "\"}\n";
                var records = string.Concat(Enumerable.Range(0, 40).Select(i => $"{{\"id\": {i}, \"name\": \"n{i}\"}}\n"));
                Same(Encoding.UTF8.GetBytes(head + records + "{\"id\": 99, \"name\": \"" + escape + "\"}\n" + records), null);
            }
        }
    }

    [Fact]
    public void UTF_16_and_windows_1252_files_with_characters_across_every_read_end_read_the_same()
    {
        // Text in another encoding is decoded as before and parsed as UTF-8: surrogate pairs and accented
        // letters at every offset around the end of a decoded block.
        var lines = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{{\"id\": {i}, \"n\u00e4me\": \"\u00e9\ud83d\ude00{new string('y', i)}\u540d\"}}"));
        var latin = string.Join("\n", Enumerable.Range(0, 30).Select(i => $"{{\"id\": {i}, \"n\u00e4me\": \"\u00e9{new string('y', i)}\u00df\"}}"));
        var windows1252 = EncodingNames.Resolve("windows-1252");
        for (var offset = 0; offset < 24; offset++)
        {
            var pad = "{\"pad\": \"" + new string('x', (8 * 1024) - 12 - offset) + "\"}\n";
            Assert.False(Same(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(pad + lines)).ToArray(), null));
            Assert.False(Same(windows1252.GetBytes(pad + pad + latin), windows1252));
        }
    }

    /// <summary>Reads the bytes with both readers and fails on the first difference; true when the new reader handed the file to Json.NET.</summary>
    private static bool Same(byte[] bytes, Encoding? encoding)
    {
        var before = Transcript(bytes, encoding, reference: true, out _);
        var after = Transcript(bytes, encoding, reference: false, out var byJsonNet);
        for (var i = 0; i < Math.Min(before.Count, after.Count); i++)
        {
            if (before[i] != after[i])
            {
                Assert.Fail($"Item {i} differs:\nbefore: {before[i]}\nafter:  {after[i]}\ninput: {Around(bytes)}");
            }
        }

        Assert.True(before.Count == after.Count, $"before: {before.Count} items, ending {before.Last()}\nafter: {after.Count} items, ending {after.Last()}");
        return byJsonNet;
    }

    private static string Around(byte[] bytes) => Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 300)).Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>Each record (its line, its failure, its fields deeply) as a line of text, then how reading ended.</summary>
    private static List<string> Transcript(byte[] bytes, Encoding? encoding, bool reference, out bool byJsonNet)
    {
        var lines = new List<string>();
        var stream = new MemoryStream(bytes, writable: false);
        byJsonNet = false;
        try
        {
            using var reader = reference
                ? new ReferenceJsonReader(stream, StrictText.OpenReader(stream, encoding, leaveOpen: true), "f.json", encoding is not null)
                : RecordFileReaders.Open(stream, "f.json", RecordFileFormat.JsonLines, encoding, reuseRecords: true);
            try
            {
                foreach (var item in reader.Read())
                {
                    var record = Describe(item.Record);
                    lines.Add($"line {reader.RecordLine}: {item.Failure?.ErrorId} {item.Failure?.Message} {record}");

                    // A record the reader reuses is kept as Json.NET's reader would have made it.
                    if (item.Record is IReusedRecord reused)
                    {
                        var kept = reused.Snapshot();
                        Assert.IsType<FieldListRecord>(kept);
                        Assert.Equal(record, Describe(kept));
                    }
                }

                lines.Add("end");
            }
            finally
            {
                byJsonNet = reader is JsonRecordReader { ReadByJsonNet: true };
            }
        }
        catch (StageMapException failure)
        {
            lines.Add($"failed {failure.ErrorId}: {failure.Message}");
        }

        return lines;
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "s'" + s + "'",
        TextSlice t => "s'" + t + "'",
        IInputRecord record => "{dup " + DuplicateOf(record) + ": " + string.Join(", ", record.Fields.Select(f => f.Key + "=" + Describe(f.Value))) + "}",
        IReadOnlyList<object?> list => list.GetType().Name + "[" + string.Join(", ", list.Select(Describe)) + "]",
        decimal d => "decimal " + string.Join(".", decimal.GetBits(d).Select(b => b.ToString(CultureInfo.InvariantCulture))) + " " + d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => value.GetType().Name + " " + f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().Name + " " + value,
    };

    private static string? DuplicateOf(IInputRecord record) => record switch
    {
        FieldListRecord list => list.DuplicateField,
        JsonObjectRecord json => json.DuplicateField,
        _ => "?",
    };
}
