using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

/// <summary>
/// A bulk conversion's CSV file is read and decoded ahead on a thread of its own
/// (<see cref="DecodeAheadReader"/>): the caller gets the text the strict reader itself gives, whatever
/// the sizes it reads in, a byte that cannot be decoded or a file that cannot be read fails after the same
/// text with the same exception, a small file makes no thread, and a stop (a failure, a cancellation) stops the thread.
/// </summary>
public class DecodeAheadReaderTests
{
    /// <summary>About a megabyte of text: ASCII with some two- and three-byte characters, in lines.</summary>
    private static readonly byte[] LongText = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 40_000).Select(i => $"{i},é{i % 7},\u2028x{new string('a', i % 13)}\n")));

    public static TheoryData<int> BadByteOffsets()
    {
        // Inside a block of the strict reader (16 KiB of bytes), at its first and last byte, and late in the file.
        var data = new TheoryData<int>();
        foreach (var offset in new[] { 5, 16_383, 16_384, 16_385, 3 * 16_384, 200_000, LongText.Length - 1 })
        {
            data.Add(offset);
        }

        return data;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(65_536)]
    public void Reads_ahead_the_text_the_strict_reader_gives_in_reads_of_any_size(int seed)
    {
        var counts = Counts(seed);

        var expected = Trace(StrictText.OpenReader(new MemoryStream(LongText)), counts);
        using var ahead = new DecodeAheadReader(StrictText.OpenReader(new MemoryStream(LongText)), new MemoryStream());
        var actual = Trace(ahead, counts);

        Assert.True(ahead.ReadsAhead);
        Assert.Equal(expected, actual);
        Assert.Equal((Encoding.UTF8.GetString(LongText), ""), actual);
    }

    [Theory]
    [MemberData(nameof(BadByteOffsets))]
    public void A_byte_that_cannot_be_decoded_fails_the_read_after_the_same_text(int offset)
    {
        var bytes = (byte[])LongText.Clone();
        bytes[offset] = 0xFF;
        var counts = Counts(offset);

        var expected = Trace(StrictText.OpenReader(new MemoryStream(bytes)), counts);
        using var ahead = new DecodeAheadReader(StrictText.OpenReader(new MemoryStream(bytes)), new MemoryStream());
        var actual = Trace(ahead, counts);

        Assert.Equal(expected, actual);
        Assert.StartsWith("UndecodableTextException byte offset ", actual.Ending, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_fails_to_read_ahead_fails_the_read_that_reaches_it_with_its_own_exception()
    {
        var counts = Counts(3);

        var expected = Trace(StrictText.OpenReader(new FailingStream(LongText, failAt: 300_000)), counts);
        using var ahead = new DecodeAheadReader(StrictText.OpenReader(new FailingStream(LongText, failAt: 300_000)), new MemoryStream());
        var actual = Trace(ahead, counts);

        Assert.Equal(expected, actual);
        Assert.Equal("IOException " + FailingStream.Message, actual.Ending);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Once_the_text_has_ended_or_failed_the_file_is_read_no_more(bool fails)
    {
        var inner = new StopWatchingReader(StrictText.OpenReader(fails ? new FailingStream(LongText, failAt: 300_000) : new MemoryStream(LongText)));
        var ahead = new DecodeAheadReader(inner, new MemoryStream());

        var failure = Record.Exception(() => ahead.ReadToEnd());
        Assert.Equal(fails, failure is IOException);
        Assert.Equal(fails ? typeof(IOException) : null, Record.Exception(() => ahead.Read())?.GetType());
        ahead.Dispose();

        Assert.True(inner.Stopped);
        Assert.Equal(0, inner.ReadsAfterStop);
    }

    [Fact]
    public void A_text_of_a_few_blocks_is_read_on_the_callers_thread()
    {
        var text = new string('x', 20_000);
        using var ahead = new DecodeAheadReader(StrictText.OpenReader(new MemoryStream(Encoding.UTF8.GetBytes(text))), new MemoryStream());

        Assert.Equal(text, ahead.ReadToEnd());
        Assert.False(ahead.ReadsAhead);
        Assert.Equal(-1, ahead.Peek());
    }

    [Fact]
    public void Disposed_while_reading_ahead_the_thread_stops_before_the_file_is_closed()
    {
        var stream = new TrackingStream(LongText);
        var ahead = new DecodeAheadReader(StrictText.OpenReader(stream), stream);
        var buffer = new char[1000];
        var read = 0;
        for (var i = 0; i < 100; i++)
        {
            read += ahead.Read(buffer, 0, buffer.Length);
        }

        Assert.True(read > 50_000);
        Assert.True(ahead.ReadsAhead);
        ahead.Dispose();

        Assert.True(stream.Closed);
        Assert.False(stream.ReadAfterClose);
        Assert.True(stream.Position < LongText.Length);
    }

    [Fact]
    public void A_bulk_conversion_reading_ahead_reports_an_undecodable_byte_late_in_the_file_as_reading_in_place_does()
    {
        var csv = Encoding.UTF8.GetBytes(Leads(30_000));
        csv[csv.Length - 40] = 0xFF;
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);

        var inPlace = Assert.Throws<StageMapException>(() =>
        {
            using var reader = RecordFileReaders.Open(new MemoryStream(csv), "leads.csv", RecordFileFormat.Csv, null, reuseRecords: true);
            foreach (var item in reader.Read())
            {
                plan.Convert(item.Record);
            }
        });
        var output = new MemoryStream();
        var ahead = Assert.Throws<StageMapException>(() => BulkConverter.Transfer(plan, Job(), Streams(csv, output), new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), default));

        Assert.Equal(ErrorIds.InvalidRecordFile, ahead.ErrorId);
        Assert.Equal(inPlace.Message, ahead.Message);
        Assert.Contains($"byte offset {csv.Length - 40}", ahead.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_conversion_cancelled_while_reading_ahead_stops_its_reading_thread()
    {
        var csv = Encoding.UTF8.GetBytes(Leads(30_000));
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var input = new TrackingStream(csv);

        Assert.Throws<OperationCanceledException>(() => BulkConverter.Transfer(plan, Job(), new BulkStreams(input, RecordFileFormat.Csv, new MemoryStream(), RecordFileFormat.JsonLines, null, RecordFileFormat.JsonLines), new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), cancel.Token));

        // Stopped at the first check (4,096 records), well before the end; the reading thread no longer reads.
        var position = input.Position;
        Thread.Sleep(50);
        Assert.Equal(position, input.Position);
        Assert.True(position < csv.Length);
    }

    [Fact]
    public void A_bulk_conversion_reading_ahead_writes_what_reading_in_place_converts_with_progress_that_only_grows()
    {
        var csv = Encoding.UTF8.GetBytes(Leads(30_000));
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);
        var expected = new MemoryStream();
        using (var reader = RecordFileReaders.Open(new MemoryStream(csv), "leads.csv", RecordFileFormat.Csv, null, reuseRecords: true))
        using (var writer = RecordFileWriter.ForConverted(RecordFileFormat.JsonLines, expected, plan, RecordShape.Object))
        {
            foreach (var item in reader.Read())
            {
                writer.Write(plan.Convert(item.Record).Record!);
            }

            writer.Finish();
        }

        var output = new MemoryStream();
        var progress = new List<long>();
        var counts = BulkConverter.Transfer(plan, Job(), Streams(csv, output), new MissingFieldTally(plan), null, p => progress.Add(p.BytesRead), null, Stopwatch.StartNew(), default);

        Assert.Equal((30_000L, 30_000L, 0L), counts);
        Assert.Equal(expected.ToArray(), output.ToArray());
        Assert.Equal(progress.OrderBy(p => p), progress);
        Assert.All(progress, p => Assert.InRange(p, 0, csv.Length));
    }

    private static BulkConversion Job() => new() { InputPath = "leads.csv", OutputPath = "prospects.jsonl" };

    private static BulkStreams Streams(byte[] csv, Stream output) =>
        new(new MemoryStream(csv), RecordFileFormat.Csv, output, RecordFileFormat.JsonLines, null, RecordFileFormat.JsonLines);

    private static string Leads(int count) =>
        "Id,FirstName,LastName,Email,Status\n" + string.Concat(Enumerable.Range(0, count).Select(i => $"00Q000000000{i:D6}AAA,Fïrst{i},Last{i},f{i}@example.com,Working - Contacted\n"));

    /// <summary>Read sizes as a parser asks for them: small and large, from a seed.</summary>
    private static int[] Counts(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 5000).Select(_ => random.Next(4) switch { 0 => 1, 1 => random.Next(1, 100), 2 => random.Next(1000, 20_000), _ => 65_536 }).ToArray();
    }

    /// <summary>The text read in reads of the sizes given, and how it ended: "" at the end of the text, else the exception ("Type message").</summary>
    private static (string Text, string Ending) Trace(TextReader reader, int[] counts)
    {
        var text = new StringBuilder();
        var buffer = new char[65_536];
        foreach (var count in counts.Concat(Enumerable.Repeat(65_536, 1000)))
        {
            try
            {
                var n = reader.Read(buffer, 0, count);
                if (n == 0)
                {
                    return (text.ToString(), "");
                }

                text.Append(buffer, 0, n);
            }
            catch (Exception e)
            {
                return (text.ToString(), $"{e.GetType().Name} {e.Message}");
            }
        }

        return (text.ToString(), "not at the end");
    }

    private sealed class FailingStream : MemoryStream
    {
        public const string Message = "The device is not ready";

        private readonly long _failAt;

        public FailingStream(byte[] bytes, long failAt)
            : base(bytes)
        {
            _failAt = failAt;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position + count > _failAt)
            {
                throw new IOException(Message);
            }

            return base.Read(buffer, offset, count);
        }
    }

    /// <summary>Counts the reads asked of it after it gave the end of the text or failed.</summary>
    private sealed class StopWatchingReader : TextReader
    {
        private readonly TextReader _inner;

        public StopWatchingReader(TextReader inner) => _inner = inner;

        public bool Stopped { get; private set; }

        public int ReadsAfterStop { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            ReadsAfterStop += Stopped ? 1 : 0;
            try
            {
                var n = _inner.Read(buffer, index, count);
                Stopped |= n <= 0;
                return n;
            }
            catch (IOException)
            {
                Stopped = true;
                throw;
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class TrackingStream : MemoryStream
    {
        private long _position;

        public TrackingStream(byte[] bytes)
            : base(bytes)
        {
        }

        public bool Closed { get; private set; }

        public bool ReadAfterClose { get; private set; }

        public override long Position
        {
            get => Interlocked.Read(ref _position);
            set => base.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            ReadAfterClose |= Closed;
            var n = base.Read(buffer, offset, count);
            Interlocked.Exchange(ref _position, base.Position);
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            Closed = true;
            base.Dispose(disposing);
        }
    }
}
