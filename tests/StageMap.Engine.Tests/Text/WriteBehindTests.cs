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

    [Fact]
    public void A_file_is_flushed_to_disk_as_it_is_written_and_other_streams_are_not()
    {
        var path = Path.Combine(Path.GetTempPath(), $"stagemap-writebehind-{Guid.NewGuid():N}.tmp");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var toFile = new WriteBehind(file, 1024);
            using var toMemory = new WriteBehind(new MemoryStream(), 1024);

            Assert.True(toFile.FlushesToDisk);
            Assert.False(toMemory.FlushesToDisk);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_bytes_are_flushed_to_disk_every_so_many_written_and_arrive_whole()
    {
        var stream = new MemoryStream();
        var flushedAt = new System.Collections.Generic.List<long>();
        var behind = new WriteBehind(stream, 1000, () => flushedAt.Add(stream.Length), flushEvery: 4000);
        var buffer = new byte[1000];
        for (var i = 0; i < 21; i++)
        {
            buffer.AsSpan().Fill((byte)('a' + i));
            buffer = behind.Hand(buffer, 1000);
        }

        behind.Flush();
        behind.Dispose();

        Assert.Equal(new long[] { 4000, 8000, 12000, 16000, 20000 }, flushedAt);
        var bytes = stream.ToArray();
        Assert.Equal(21_000, bytes.Length);
        Assert.All(Enumerable.Range(0, 21_000), i => Assert.Equal((byte)('a' + (i / 1000)), bytes[i]));
    }

    [Fact]
    public void A_flush_to_disk_that_fails_behind_fails_the_next_write_or_flush_and_nothing_more_is_written()
    {
        var stream = new MemoryStream();
        var behind = new WriteBehind(stream, 1000, () => throw new IOException(FailingStream.Message), flushEvery: 3000);
        var failure = Record.Exception(() =>
        {
            var buffer = new byte[1000];
            for (var i = 0; i < 1000; i++)
            {
                buffer = behind.Hand(buffer, 1000);
            }

            behind.Flush();
        });
        behind.Dispose();

        var io = Assert.IsType<IOException>(failure);
        Assert.Equal(FailingStream.Message, io.Message);
        Assert.Equal(3000, stream.Length);
    }

    [Fact]
    public void While_a_flush_to_disk_waits_the_caller_fills_more_buffers_up_to_a_bound_then_waits()
    {
        var stream = new MemoryStream();
        using var release = new System.Threading.ManualResetEventSlim();
        using var behind = new WriteBehind(stream, 100, () => release.Wait(), flushEvery: 100);
        var buffers = new System.Collections.Generic.HashSet<byte[]>();
        var handed = 0;
        var caller = new System.Threading.Thread(() =>
        {
            var buffer = new byte[100];
            for (var i = 0; i < 200; i++)
            {
                buffer.AsSpan().Fill((byte)i);
                lock (buffers)
                {
                    buffers.Add(buffer);
                }

                buffer = behind.Hand(buffer, 100);
                System.Threading.Interlocked.Increment(ref handed);
            }
        });
        caller.Start();

        // The first buffer is written and its flush waits: every buffer there can be is then made and handed over.
        System.Threading.SpinWait.SpinUntil(() => System.Threading.Volatile.Read(ref handed) >= WriteBehind.MostBuffers - 1, TimeSpan.FromMinutes(1));
        System.Threading.Thread.Sleep(100);
        Assert.True(caller.IsAlive);
        lock (buffers)
        {
            Assert.Equal(WriteBehind.MostBuffers, buffers.Count);
        }

        release.Set();
        caller.Join();
        behind.Flush();

        var bytes = stream.ToArray();
        Assert.Equal(20_000, bytes.Length);
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal((byte)i, bytes[i * 100]));
    }

    [Fact]
    public void A_bulk_conversion_whose_flush_to_disk_fails_on_the_way_reports_OutputWriteFailed_with_the_reason()
    {
        // Enough records for more than one flush to disk of the output file on the way (at least 120 bytes each).
        var rows = (int)(WriteBehind.DiskFlushEvery / 120);
        var csv = "Id,FirstName,LastName,Email,Status\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"00Q00000000{i:D7}AAA,First{i},Last{i},f{i}@example.com,Working - Contacted\n"));
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);
        var path = Path.Combine(Path.GetTempPath(), $"stagemap-writebehind-{Guid.NewGuid():N}.jsonl");
        var job = new BulkConversion { InputPath = "leads.csv", OutputPath = path };
        try
        {
            using var output = new FileFailingToFlushToDisk(path);
            var streams = new BulkStreams(new MemoryStream(Encoding.UTF8.GetBytes(csv)), RecordFileFormat.Csv, output, RecordFileFormat.JsonLines, null, RecordFileFormat.JsonLines);

            var failure = Assert.Throws<StageMapException>(() => BulkConverter.Transfer(plan, job, streams, new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), default));

            Assert.Equal(ErrorIds.OutputWriteFailed, failure.ErrorId);
            Assert.Contains(FailingStream.Message, failure.Message, StringComparison.Ordinal);
            Assert.InRange(output.Length, WriteBehind.DiskFlushEvery, WriteBehind.DiskFlushEvery + (64 * 1024));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class FileFailingToFlushToDisk : FileStream
    {
        public FileFailingToFlushToDisk(string path)
            : base(path, FileMode.CreateNew, FileAccess.Write)
        {
        }

        public override void Flush(bool flushToDisk)
        {
            if (flushToDisk)
            {
                throw new IOException(FailingStream.Message);
            }

            base.Flush(flushToDisk);
        }
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
