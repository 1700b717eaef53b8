using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

/// <summary>
/// A bulk conversion's output goes to its file on a thread of its own (<see cref="WriteBehind"/>): the
/// bytes arrive whole and in order, a small file makes no thread, and a stream that fails stops the
/// conversion with the stream's own exception (OutputWriteFailed to the user), with nothing left hanging.
/// </summary>
public class WriteBehindTests
{
    [Fact]
    public void Many_buffers_written_behind_reach_the_stream_whole_and_in_order()
    {
        var expected = new StringBuilder();
        var stream = new MemoryStream();
        using (var text = new Utf8TextOut(stream, writeBehind: true))
        {
            for (var i = 0; i < 200_000; i++)
            {
                var line = $"{i},é{i % 7}\u2028";
                text.Write(line);
                text.Write('\n');
                expected.Append(line).Append('\n');
            }

            text.Flush();
        }

        Assert.Equal(expected.ToString(), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Text_that_fits_one_buffer_reaches_the_stream_at_flush_and_not_before()
    {
        var stream = new MemoryStream();
        using var text = new Utf8TextOut(stream, writeBehind: true);
        text.Write("{\"a\":1}");

        Assert.Equal(0, stream.Length);
        text.Flush();
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void A_stream_that_fails_behind_fails_the_next_write_or_flush_with_its_own_exception()
    {
        var stream = new FailingStream(failAfter: 300_000);
        var text = new Utf8TextOut(stream, writeBehind: true);
        var failure = Record.Exception(() =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                text.Write("0123456789");
            }

            text.Flush();
        });
        text.Dispose();

        var io = Assert.IsType<IOException>(failure);
        Assert.Equal(FailingStream.Message, io.Message);
        Assert.True(stream.Written <= 300_000);
    }

    [Fact]
    public void Disposed_with_buffers_still_queued_the_writer_stops_and_writes_no_more()
    {
        var stream = new SlowStream();
        var text = new Utf8TextOut(stream, writeBehind: true);
        for (var i = 0; i < 100_000; i++)
        {
            text.Write("0123456789");
        }

        text.Dispose();
        var written = stream.Writes;
        System.Threading.Thread.Sleep(50);

        Assert.Equal(written, stream.Writes);
    }

    [Fact]
    public void A_bulk_conversion_whose_output_fails_behind_reports_OutputWriteFailed_with_the_reason()
    {
        var csv = "Id,FirstName,LastName,Email,Status\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i => $"00Q000000000{i:D6}AAA,First{i},Last{i},f{i}@example.com,Working - Contacted\n"));
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);
        var job = new BulkConversion { InputPath = "leads.csv", OutputPath = "prospects.jsonl" };
        var input = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var output = new FailingStream(failAfter: 200_000);
        var streams = new BulkStreams(input, RecordFileFormat.Csv, output, RecordFileFormat.JsonLines, null, RecordFileFormat.JsonLines);

        var failure = Assert.Throws<StageMapException>(() => BulkConverter.Transfer(plan, job, streams, new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), default));

        Assert.Equal(ErrorIds.OutputWriteFailed, failure.ErrorId);
        Assert.Contains(FailingStream.Message, failure.Message, StringComparison.Ordinal);
    }

    private sealed class FailingStream : MemoryStream
    {
        public const string Message = "No space left on device";

        private readonly long _failAfter;

        public FailingStream(long failAfter)
        {
            _failAfter = failAfter;
        }

        public long Written { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Written + count > _failAfter)
            {
                throw new IOException(Message);
            }

            Written += count;
        }
    }

    private sealed class SlowStream : MemoryStream
    {
        private int _writes;

        public int Writes => System.Threading.Volatile.Read(ref _writes);

        public override void Write(byte[] buffer, int offset, int count)
        {
            System.Threading.Thread.Sleep(20);
            System.Threading.Interlocked.Increment(ref _writes);
        }
    }
}
