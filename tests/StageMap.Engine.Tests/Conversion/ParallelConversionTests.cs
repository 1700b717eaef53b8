using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Threading;
using StageMap.Fuzz;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// A bulk conversion on several threads, its records in batches, writes what converting them one by one
/// writes (the reference path, see <see cref="RecordPathEquivalenceTests"/>): the files, the counts, the
/// warnings, the rejected records' messages and the failure, byte for byte, whatever the batches' size
/// and wherever their edges fall (batches of one record put an edge after every row).
/// </summary>
public class ParallelConversionTests
{
    private static readonly StageMapConfiguration Configuration = FuzzTargets.StandardConfiguration();

    private static readonly UTF8Encoding Utf8 = new(false);

    private static ConversionPlan LeadPull() => ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);

    [Theory]
    [MemberData(nameof(RecordPathEquivalenceTests.Fixtures), MemberType = typeof(RecordPathEquivalenceTests))]
    public void Every_fixture_converts_the_same_on_two_and_three_threads_in_batches_of_one_and_of_three(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FuzzTargets.FixturesDirectory, "conversion", name));
        var inputFormat = RecordFileFormats.FromExtension(name)!.Value;

        foreach (var plan in RecordPathEquivalenceTests.Plans())
        {
            RecordPathEquivalenceTests.AllOutputs(plan, bytes, name, inputFormat, threads: 2, batchRecords: 1);
            RecordPathEquivalenceTests.AllOutputs(plan, bytes, name, inputFormat, threads: 3, batchRecords: 3);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 7)]
    [InlineData(3, 64)]
    public void Generated_CSV_with_every_kind_of_cell_converts_the_same_in_small_batches(int seed, int batchRecords)
    {
        var bytes = Utf8.GetBytes(RecordPathEquivalenceTests.GeneratedCsv(seed, rows: 400));

        foreach (var plan in RecordPathEquivalenceTests.Plans())
        {
            RecordPathEquivalenceTests.AllOutputs(plan, bytes, "gen.csv", RecordFileFormat.Csv, threads: 2, batchRecords);
        }
    }

    [Theory]
    [InlineData(1, 0, 1)]
    [InlineData(4, 30, 9)]
    public void Generated_JSON_converts_in_place_as_one_by_one_whatever_threads_and_batches_are_asked(int seed, int unusual, int batchRecords)
    {
        // JSON records are converted where the reader holds them (a batch would copy each one), so the threads and batch size asked for do not apply.
        var bytes = Encoding.UTF8.GetBytes(GeneratedJson.File(seed, records: 200, unusual));

        foreach (var plan in RecordPathEquivalenceTests.Plans())
        {
            RecordPathEquivalenceTests.AllOutputs(plan, bytes, "gen.jsonl", RecordFileFormat.JsonLines, threads: 2, batchRecords);
        }
    }

    [Fact]
    public void Mutations_of_the_CSV_fixtures_convert_the_same_in_batches_of_two()
    {
        var target = FuzzTargets.Named("records-csv");
        var pull = LeadPull();
        for (var f = 0; f < target.Fixtures.Count; f++)
        {
            for (var iteration = 0; iteration < 200; iteration++)
            {
                var (bytes, _) = MutationFuzzer.Case(target.Fixtures[f], 20261203, f, iteration);
                var output = (iteration % 3) switch { 0 => RecordFileFormat.Csv, 1 => RecordFileFormat.Json, _ => RecordFileFormat.JsonLines };
                RecordFileFormat? reject = (iteration % 4) switch { 0 => RecordFileFormat.Csv, 1 => RecordFileFormat.JsonLines, _ => null };
                RecordPathEquivalenceTests.Same(pull, bytes, target.Fixtures[f].Name, RecordFileFormat.Csv, output, RecordShape.Object, reject, escape: iteration % 5 == 0, encoding: null, threads: 2, batchRecords: 2);
            }
        }
    }

    [Fact]
    public void A_multi_line_field_a_reject_and_a_bad_row_at_batch_edges_keep_their_record_numbers_and_lines()
    {
        // Batches of two: records 1-2 (the second over two lines), 3-4 (a reject, then a short row), 5 (over two lines).
        var csv = "Id,FirstName,Status\n"
            + "00Q5g00000AbC01EAA,Ada,Working - Contacted\n"
            + "00Q5g00000AbC02EAA,\"Bea\ntrice\",Working - Contacted\n"
            + "00Q5g00000AbC03EAA,Cyd,Unmapped\n"
            + "00Q5g00000AbC04EAA,Dot\n"
            + "00Q5g00000AbC05EAA,\"Eve\nline\",Working - Contacted\n";
        var bytes = Utf8.GetBytes(csv);

        var parallel = RecordPathEquivalenceTests.Run(LeadPull(), bytes, "edge.csv", RecordFileFormat.Csv, RecordFileFormat.JsonLines, RecordShape.Object, reject: null, escape: false, encoding: null, reference: false, threads: 2, batchRecords: 2);

        Assert.Contains("Record 3 (line 5): ", parallel, StringComparison.Ordinal);
        Assert.Contains("Record 4 (line 6): The CSV row has", parallel, StringComparison.Ordinal);
        Assert.StartsWith("(5, 3, 2)", parallel, StringComparison.Ordinal);
        Assert.Equal(RecordPathEquivalenceTests.Run(LeadPull(), bytes, "edge.csv", RecordFileFormat.Csv, RecordFileFormat.JsonLines, RecordShape.Object, null, false, null, reference: true), parallel);
        RecordPathEquivalenceTests.AllOutputs(LeadPull(), bytes, "edge.csv", RecordFileFormat.Csv, threads: 2, batchRecords: 2);
    }

    [Fact]
    public void Thousands_of_batches_come_out_in_the_file_s_order_and_one_thread_and_three_write_the_same_bytes()
    {
        var bytes = Utf8.GetBytes(NumberedLeads(20000));

        var one = Convert(bytes, threads: 1, batchRecords: BulkConverter.BatchRecords, out var oneRejects);
        var three = Convert(bytes, threads: 3, batchRecords: 5, out var threeRejects);

        Assert.Equal(one, three);
        Assert.Equal(oneRejects, threeRejects);
        var names = Utf8.GetString(three).Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(line => (string?)JObject.Parse(line)["firstName"]).ToList();
        Assert.Equal(Enumerable.Range(0, 20000).Where(i => i % 10 != 3).Select(i => "F" + i.ToString(CultureInfo.InvariantCulture)), names);
        var rejectLines = Utf8.GetString(threeRejects).Split(new[] { "\r\n" }, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2001, rejectLines.Length); // the header, then every tenth lead (its status is not mapped)
        Assert.Contains("Record 19994 (line 19995)", rejectLines[2000], StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_that_cannot_be_decoded_fails_after_the_batches_before_it_as_on_one_thread()
    {
        var bytes = Utf8.GetBytes(NumberedLeads(3000)).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();

        var one = RecordPathEquivalenceTests.Run(LeadPull(), bytes, "bad.csv", RecordFileFormat.Csv, RecordFileFormat.JsonLines, RecordShape.Object, null, false, null, reference: false, threads: 1);
        var two = RecordPathEquivalenceTests.Run(LeadPull(), bytes, "bad.csv", RecordFileFormat.Csv, RecordFileFormat.JsonLines, RecordShape.Object, null, false, null, reference: false, threads: 2, batchRecords: 16);

        Assert.StartsWith("failed InvalidRecordFile: ", two, StringComparison.Ordinal);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Rejects_handed_to_the_caller_and_missing_field_warnings_come_in_the_file_s_order_from_every_batch()
    {
        // No Status column: every record converts without it (one warning); every tenth row has a field too many.
        var csv = new StringBuilder("Id,FirstName\n");
        for (var i = 0; i < 500; i++)
        {
            csv.Append("00Q5g00000AbC01EAA,F").Append(i).Append(i % 10 == 0 ? ",extra\n" : "\n");
        }

        var warnings = new List<string>();
        var rejected = new List<long>();
        var plan = LeadPull();
        var missing = new MissingFieldTally(plan, warnings.Add);
        var counts = BulkConverter.Transfer(plan, Job(), Streams(Utf8.GetBytes(csv.ToString()), new MemoryStream()), missing, warnings.Add, null, (record, failure) => rejected.Add(long.Parse(failure.Message.Split(' ')[1], CultureInfo.InvariantCulture)), Stopwatch.StartNew(), default, threads: 3, batchRecords: 3);

        Assert.Equal((500L, 450L, 50L), counts);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)(i * 10) + 1), rejected);
        Assert.Single(warnings, w => w.StartsWith("The input has no 'Status' field", StringComparison.Ordinal));
        Assert.Equal(450, missing.Fields.Single(f => f.Field == "Status").Records);
    }

    [Fact]
    public void Cancelling_mid_file_stops_the_conversion_on_every_thread()
    {
        using var cancel = new CancellationTokenSource();
        var plan = LeadPull();
        var rejected = 0;

        Assert.Throws<OperationCanceledException>(() => BulkConverter.Transfer(plan, Job(), Streams(Utf8.GetBytes(NumberedLeads(50000)), new MemoryStream()), new MissingFieldTally(plan), null, null, (record, failure) =>
        {
            // The caller stops the command while later batches are being converted.
            if (++rejected == 100)
            {
                cancel.Cancel();
            }
        }, Stopwatch.StartNew(), cancel.Token, threads: 2, batchRecords: 10));

        Assert.InRange(rejected, 100, 4999);
    }

    [Fact]
    public void A_failure_while_converting_on_a_thread_is_thrown_when_its_batch_is_taken_and_the_thread_goes_on()
    {
        var plan = LeadPull();
        var good = Record(("Id", "00Q5g00000AbC01EAA"), ("Status", "Working - Contacted"));
        var failing = Batch(plan, Record(("Id", "00Q5g00000AbC02EAA"), ("Status", "Working - Contacted"), ("Title", FailingWriter.Fails)));
        var fine = Batch(plan, good);

        using (var threads = new OrderedBatchThreads<RowBatch>("test converter", 1, () => new BatchConverter(plan.ForAnotherThread(), new FailingWriter(), null).Convert))
        {
            threads.Give(failing);
            threads.Give(fine);
            Assert.Equal("formatting failed", Assert.Throws<IOException>(() => threads.TakeOldest()).Message);
            Assert.Same(fine, threads.TakeOldest());
        }

        Assert.Equal(1, fine.Written);
        Assert.Equal(1, fine.Output.Records);
    }

    [Fact]
    public void A_tally_takes_in_a_later_part_s_fields_warning_in_the_order_its_records_met_them()
    {
        var warnings = new List<string>();
        var plan = ConversionPlan.Create(With(Lead("Stage", "Status", StageLookup()), Lead("First Name", "FirstName")), CrmObject.Lead, ConversionDirection.Pull);
        var whole = new MissingFieldTally(plan, warnings.Add);
        var part = new MissingFieldTally(plan);

        Assert.True(plan.Convert(Record(("FirstName", "Ada"), ("Company", "x")), part).Succeeded); // no Status
        Assert.True(plan.Convert(Record(("Status", "Working - Contacted"), ("Company", "x")), part).Succeeded); // no FirstName
        whole.Absorb(part);
        whole.Absorb(part); // emptied: nothing counted twice

        Assert.Equal(2, warnings.Count);
        Assert.StartsWith("The input has no 'Status' field", warnings[0], StringComparison.Ordinal);
        Assert.StartsWith("The input has no 'FirstName' field", warnings[1], StringComparison.Ordinal);
        Assert.All(whole.Fields, f => Assert.Equal(1, f.Records));
    }

    /// <summary>Leads F0, F1, ...: every tenth (ending in 3) with a status the configuration does not map.</summary>
    private static string NumberedLeads(int count)
    {
        var csv = new StringBuilder("Id,FirstName,Status\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append("00Q5g00000AbC01EAA,F").Append(i).Append(i % 10 == 3 ? ",Unmapped\n" : ",Working - Contacted\n");
        }

        return csv.ToString();
    }

    private static byte[] Convert(byte[] csv, int threads, int batchRecords, out byte[] rejects)
    {
        var plan = LeadPull();
        var output = new MemoryStream();
        var rejectStream = new MemoryStream();
        var streams = new BulkStreams(new MemoryStream(csv, writable: false), RecordFileFormat.Csv, output, RecordFileFormat.JsonLines, rejectStream, RecordFileFormat.Csv);
        BulkConverter.Transfer(plan, Job(rejects: true), streams, new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), default, threads, batchRecords);
        rejects = rejectStream.ToArray();
        return output.ToArray();
    }

    private static BulkConversion Job(bool rejects = false) => new() { InputPath = "in.csv", OutputPath = "out.jsonl", RejectPath = rejects ? "rejects.csv" : null };

    private static BulkStreams Streams(byte[] csv, Stream output) =>
        new(new MemoryStream(csv, writable: false), RecordFileFormat.Csv, output, RecordFileFormat.JsonLines, null, RecordFileFormat.JsonLines);

    private static RowBatch Batch(ConversionPlan plan, IInputRecord record)
    {
        var batch = new RowBatch(4, plan, rejects: false);
        batch.Clear(1);
        batch.Add(new InputItem(record), line: 2);
        return batch;
    }

    /// <summary>A part writer whose formatting of a record with the title <see cref="Fails"/> fails, as a bug would.</summary>
    private sealed class FailingWriter : RecordFileWriter
    {
        public const string Fails = "fails to format";

        private long _records;

        public FailingWriter()
            : base(new MemoryStream())
        {
        }

        public override void Write(ConvertedRecord record)
        {
            if (Equals(record["title"], Fails))
            {
                throw new IOException("formatting failed");
            }

            _records++;
        }

        protected override void AppendPart(FormattedPart part, ReadOnlySpan<byte> bytes)
        {
        }

        protected override long TakeRecords(FormulaCells formulas)
        {
            var records = _records;
            _records = 0;
            return records;
        }
    }
}
