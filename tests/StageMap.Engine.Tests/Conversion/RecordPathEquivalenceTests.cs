using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Conversion.Reference;
using StageMap.Engine.Text;
using StageMap.Fuzz;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// The record path that makes no string per field writes, byte for byte, what the path before it
/// wrote (CsvHelper's parser and writer, Json.NET's writer: Reference/): the converted file, the
/// reject file, the counts, the warnings, the rejected records' messages, and the failure of a file
/// that cannot be read. Over the fixtures, generated files full of what CSV can hold, and thousands
/// of mutations of the CSV fixtures.
/// </summary>
public class RecordPathEquivalenceTests
{
    private static readonly StageMapConfiguration Configuration = FuzzTargets.StandardConfiguration();

    public static TheoryData<string> Fixtures => new() { "leads-lf.csv", "leads-utf8-bom-crlf.csv", "contacts.csv", "prospects-array.json", "prospects.jsonl" };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_converts_to_the_same_bytes_in_every_format_and_shape(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzTargets.FixturesDirectory, "conversion", name));
        var inputFormat = RecordFileFormats.FromExtension(name)!.Value;

        foreach (var plan in Plans())
        {
            AllOutputs(plan, bytes, name, inputFormat);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generated_CSV_with_quotes_line_breaks_ragged_rows_bad_quotes_and_formula_cells_converts_the_same(int seed)
    {
        var text = GeneratedCsv(seed, rows: 400);

        foreach (var plan in Plans())
        {
            AllOutputs(plan, new UTF8Encoding(false).GetBytes(text), "gen.csv", RecordFileFormat.Csv);
        }
    }

    [Fact]
    public void Byte_order_marks_UTF_16_and_a_named_encoding_read_the_same()
    {
        var text = GeneratedCsv(7, rows: 200);
        var pull = Plans().First();
        var inputs = new (byte[] Bytes, Encoding? Encoding)[]
        {
            (new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(), null),
            (Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(), null),
            (Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(), null),
            (EncodingNames.Resolve("windows-1252").GetBytes(text.Replace("🙂", "ë").Replace("\u2028", "ß")), EncodingNames.Resolve("windows-1252")),
            (Encoding.UTF8.GetBytes(text).Concat(new byte[] { 0xC3, 0x28 }).ToArray(), null),
        };

        foreach (var (bytes, encoding) in inputs)
        {
            Same(pull, bytes, "enc.csv", RecordFileFormat.Csv, RecordFileFormat.JsonLines, RecordShape.Object, RecordFileFormat.Csv, escape: false, encoding);
            Same(pull, bytes, "enc.csv", RecordFileFormat.Csv, RecordFileFormat.Csv, RecordShape.Object, RecordFileFormat.JsonLines, escape: true, encoding);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("Id,Status\r")]
    [InlineData("Id,Status\r\n00Q5g00000AbC11EAA,Working - Contacted\r")]
    [InlineData("Id,Status\n\"00Q5g00000AbC11EAA\",\"Working - Contacted")]
    [InlineData("\"Id\"x,Status\n00Q5g00000AbC11EAA,Working - Contacted\n00Q5g00000AbC12EAA,Working - Contacted\n")]
    [InlineData("Id,,Status\n")]
    [InlineData(",\n,\n")]
    [InlineData(" , \n")]
    [InlineData("Id,Status\r\r\n\n00Q5g00000AbC11EAA,Working - Contacted\r\r00Q5g00000AbC12EAA,\"Working\r\n - Contacted\"\r\n")]
    [InlineData("Id,Status,Title\n00Q5g00000AbC11EAA,Working - Contacted,\"a\"\"\"\n00Q5g00000AbC12EAA,Working - Contacted,\"\"\"\"\n00Q5g00000AbC13EAA,Working - Contacted,\"\n")]
    public void Edge_cases_of_CSV_read_the_same(string csv)
    {
        foreach (var plan in Plans())
        {
            AllOutputs(plan, Encoding.UTF8.GetBytes(csv), "edge.csv", RecordFileFormat.Csv);
        }
    }

    [Fact]
    public void Thousands_of_mutations_of_the_CSV_fixtures_read_and_convert_the_same()
    {
        var target = FuzzTargets.Named("records-csv");
        var pull = Plans().First();
        var cases = 0;
        for (var f = 0; f < target.Fixtures.Count; f++)
        {
            for (var iteration = 0; iteration < 1500; iteration++)
            {
                var (bytes, _) = MutationFuzzer.Case(target.Fixtures[f], 20261203, f, iteration);
                var rejectFormat = iteration % 2 == 0 ? RecordFileFormat.Csv : RecordFileFormat.JsonLines;
                var output = ((iteration / 2) % 3) switch { 0 => RecordFileFormat.Csv, 1 => RecordFileFormat.Json, _ => RecordFileFormat.JsonLines };
                Same(pull, bytes, target.Fixtures[f].Name, RecordFileFormat.Csv, output, RecordShape.Object, rejectFormat, escape: iteration % 5 == 0, encoding: null);
                cases++;
            }
        }

        Assert.Equal(1500 * target.Fixtures.Count, cases);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]
    [InlineData(4, 30)]
    [InlineData(5, 30)]
    public void Generated_JSON_plain_or_with_what_only_Json_NET_reads_converts_the_same(int seed, int unusual)
    {
        var text = GeneratedJson.File(seed, records: 200, unusual);

        foreach (var plan in Plans())
        {
            AllOutputs(plan, Encoding.UTF8.GetBytes(text), "gen.jsonl", RecordFileFormat.JsonLines);
        }
    }

    [Theory]
    [InlineData("records-json")]
    [InlineData("records-jsonl")]
    public void Thousands_of_mutations_of_the_JSON_fixtures_read_and_convert_the_same(string targetName)
    {
        var target = FuzzTargets.Named(targetName);
        var plans = Plans().ToList();
        var cases = 0;
        for (var f = 0; f < target.Fixtures.Count; f++)
        {
            for (var iteration = 0; iteration < 600; iteration++)
            {
                var (bytes, _) = MutationFuzzer.Case(target.Fixtures[f], 20261203, f, iteration);
                var output = ((iteration / 2) % 3) switch { 0 => RecordFileFormat.Csv, 1 => RecordFileFormat.Json, _ => RecordFileFormat.JsonLines };
                RecordFileFormat? reject = iteration % 2 == 0 ? RecordFileFormat.JsonLines : null;
                Same(plans[iteration % plans.Count], bytes, target.Fixtures[f].Name, RecordFileFormat.JsonLines, output, RecordShape.Object, reject, escape: iteration % 5 == 0, encoding: null);
                cases++;
            }
        }

        Assert.Equal(600 * target.Fixtures.Count, cases);
    }

    private static IEnumerable<ConversionPlan> Plans()
    {
        yield return ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);
        yield return ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Push);
        yield return ConversionPlan.Create(Configuration, CrmObject.Contact, ConversionDirection.Pull);
        yield return ConversionPlan.Create(Configuration, CrmObject.Contact, ConversionDirection.Push);
    }

    private static void AllOutputs(ConversionPlan plan, byte[] bytes, string name, RecordFileFormat inputFormat)
    {
        var shapes = plan.Direction == ConversionDirection.Pull ? new[] { RecordShape.Object, RecordShape.JsonApi } : new[] { RecordShape.Object, RecordShape.SObject };
        foreach (var output in new[] { RecordFileFormat.Csv, RecordFileFormat.Json, RecordFileFormat.JsonLines })
        {
            foreach (var shape in output == RecordFileFormat.Csv ? new[] { RecordShape.Object } : shapes)
            {
                foreach (var reject in inputFormat == RecordFileFormat.Csv ? new RecordFileFormat?[] { RecordFileFormat.Csv, RecordFileFormat.Json, null } : new RecordFileFormat?[] { RecordFileFormat.JsonLines, null })
                {
                    foreach (var escape in new[] { false, true })
                    {
                        Same(plan, bytes, name, inputFormat, output, shape, reject, escape, encoding: null);
                    }
                }
            }
        }
    }

    private static void Same(ConversionPlan plan, byte[] bytes, string name, RecordFileFormat inputFormat, RecordFileFormat output, RecordShape shape, RecordFileFormat? reject, bool escape, Encoding? encoding)
    {
        var before = Run(plan, bytes, name, inputFormat, output, shape, reject, escape, encoding, reference: true);
        var after = Run(plan, bytes, name, inputFormat, output, shape, reject, escape, encoding, reference: false);
        if (before != after)
        {
            var at = Enumerable.Range(0, Math.Min(before.Length, after.Length)).FirstOrDefault(i => before[i] != after[i]);
            Assert.Fail($"{plan.Object} {plan.Direction} of {name} to {output} ({shape}, rejects {reject?.ToString() ?? "to the caller"}, escape {escape}) differs at {at}:\nbefore: {Around(before, at)}\nafter:  {Around(after, at)}");
        }
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 60), Math.Min(text.Length - Math.Max(0, at - 60), 160)).Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>Everything a run produces, as one text: counts, warnings, rejected records' messages, the output and reject bytes; or the failure.</summary>
    internal static string Run(ConversionPlan plan, byte[] bytes, string name, RecordFileFormat inputFormat, RecordFileFormat output, RecordShape shape, RecordFileFormat? reject, bool escape, Encoding? encoding, bool reference)
    {
        using var outputStream = new MemoryStream();
        using var rejects = new MemoryStream();
        var warnings = new List<string>();
        var rejected = new List<string>();
        var job = new BulkConversion { InputPath = name, OutputPath = "out", RejectPath = reject is null ? null : "rejects", EscapeFormula = escape, Encoding = encoding, Shape = shape };
        var streams = new BulkStreams(new MemoryStream(bytes, writable: false), inputFormat, outputStream, output, reject is null ? null : rejects, reject ?? output);
        var missing = new MissingFieldTally(plan, warnings.Add);
        (long Read, long Written, long Rejected) counts;
        try
        {
            counts = reference
                ? ReferenceTransfer.Transfer(plan, job, streams, missing, warnings.Add, null, (r, f) => rejected.Add(Describe(r, f)), Stopwatch.StartNew(), default)
                : BulkConverter.Transfer(plan, job, streams, missing, warnings.Add, null, (r, f) => rejected.Add(Describe(r, f)), Stopwatch.StartNew(), default);
        }
        catch (StageMapException failure)
        {
            return $"failed {failure.ErrorId}: {failure.Message}";
        }

        return $"{counts}\n{string.Join("\n", warnings)}\n{string.Join("\n", rejected)}\n{string.Join(";", missing.Fields)}\n{Encoding.UTF8.GetString(outputStream.ToArray())}\n{Encoding.UTF8.GetString(rejects.ToArray())}\n{Convert.ToBase64String(outputStream.ToArray())}\n{Convert.ToBase64String(rejects.ToArray())}";
    }

    private static string Describe(IInputRecord record, ConversionFailure failure) =>
        failure.ErrorId + " " + failure.Message + " | " + string.Join(",", record.Fields.Select(f => f.Key + "=" + (f.Value is string s ? s : f.Value?.GetType().Name ?? "null")));

    /// <summary>A lead file with every kind of cell a CSV can hold, some rows ragged or with bad quotes.</summary>
    private static string GeneratedCsv(int seed, int rows)
    {
        var random = new Random(seed);
        var cells = new[]
        {
            "", " ", "plain", " leading", "trailing ", "with, comma", "with \"quote\"", "line\nfeed", "carriage\rreturn", "crlf\r\nbreak",
            "=SUM(A1)", "+1", "-2", "@cmd", "\tTab", "\rCR", "Gödel", "🙂 emoji", "line\u2028separator", "a;b; ;c", "; ;", "[not provided]", "n/a",
            "Working - Contacted", "Open - Not Contacted", "Nope", "New", "Approaching", "2", "\u0085next", "back\\slash", "ctl\u0001char",
        };
        var statuses = new[] { "Working - Contacted", "Closed - Converted", "Open - Not Contacted", "Unmapped", "", "  " };
        var text = new StringBuilder("Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status,Contact_Status__c,stage,stageName,emails\r\n");
        for (var i = 0; i < rows; i++)
        {
            var fields = new List<string>
            {
                i % 17 == 0 ? "" : $"00Q5g00000AbC{i % 100:D2}EAA",
            };
            for (var c = 0; c < 8; c++)
            {
                fields.Add(Cell(cells[random.Next(cells.Length)], random));
            }

            fields.Add(Cell(statuses[random.Next(statuses.Length)], random));
            fields.Add(Cell(cells[random.Next(cells.Length)], random));
            fields.Add(Cell(random.Next(4) == 0 ? "9" : (random.Next(6) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), random));
            fields.Add(Cell(cells[random.Next(cells.Length)], random));
            fields.Add(Cell(cells[random.Next(cells.Length)], random));
            switch (random.Next(20))
            {
                case 0:
                    fields.RemoveAt(fields.Count - 1);
                    break;
                case 1:
                    fields.Add("extra");
                    break;
                case 2:
                    fields[2] = "bad\"quote";
                    break;
                case 3:
                    fields[3] = "\"closed\"then";
                    break;
                case 4:
                    fields[4] = "\"a\"b\"c";
                    break;
            }

            text.Append(string.Join(",", fields)).Append(random.Next(10) switch { 0 => "\n", 1 => "\r", 2 => "\r\n\r\n", _ => "\r\n" });
        }

        return text.ToString();
    }

    private static string Cell(string value, Random random) =>
        value.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 || random.Next(8) == 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
