using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using StageMap.Engine.Threading;

namespace StageMap.Engine.Text;

/// <summary>
/// Writes full buffers to a stream on a thread of its own, in the order they were handed over, so the
/// caller fills the next buffer while the last goes to the file: a bulk conversion's second core does
/// the kernel's copying into the page cache instead of the converting one. A few buffers circulate and
/// are reused; none is made per write.
/// </summary>
/// <remarks>
/// Written to a file, the bytes are also flushed to disk as they go (every <see cref="DiskFlushEvery"/>
/// bytes, on this thread): the commit that follows a bulk conversion flushes to disk before it renames, and
/// what is already on the disk then costs it nothing, so the disk's writeback overlaps the conversion
/// instead of following it. While a flush to disk waits, the caller goes on filling buffers: more are
/// made then, up to <see cref="MostBuffers"/> (a constant few MiB, whatever the file's size).
/// </remarks>
/// <remarks>
/// A write (or a flush to disk) that fails stops the writing: the failure (the stream's own exception, an IOException for a
/// full disk) is thrown to the caller at its next <see cref="Hand"/> or <see cref="Flush"/>, and the
/// buffers still queued are not written. The buffers are written in turn on one of
/// <see cref="OrderedBatchThreads{TBatch}"/>, and taken back, written, for the caller to fill again.
/// <see cref="Dispose"/> waits for the thread, so the stream is free to be closed when it returns.
/// </remarks>
internal sealed class WriteBehind : IDisposable
{
    /// <summary>How many bytes are written between two flushes to disk of a file.</summary>
    internal const long DiskFlushEvery = 16L * 1024 * 1024;

    /// <summary>The buffers made at the start (the caller's own one of them); enough while the stream keeps up.</summary>
    private const int Buffers = 3;

    /// <summary>The most buffers there ever are: 64 KiB buffers make 4 MiB, about 15 ms of a conversion's output.</summary>
    internal const int MostBuffers = 64;

    private readonly Stream _stream;
    private readonly Action? _flushToDisk;
    private readonly long _flushEvery;
    private readonly int _size;
    private readonly OrderedBatchThreads<Filled> _writing;
    private readonly Stack<byte[]> _free = new(Buffers);
    private readonly Stack<Filled> _spare = new(Buffers);
    private int _made = Buffers;

    /// <param name="size">The size of each buffer (the caller's own buffer is one of them).</param>
    public WriteBehind(Stream stream, int size)
        : this(stream, size, stream is FileStream file ? () => file.Flush(flushToDisk: true) : null, DiskFlushEvery)
    {
    }

    /// <param name="flushToDisk">Called on the writing thread every <paramref name="flushEvery"/> bytes written; null: never.</param>
    internal WriteBehind(Stream stream, int size, Action? flushToDisk, long flushEvery)
    {
        _stream = stream;
        _size = size;
        _flushToDisk = flushToDisk;
        _flushEvery = flushEvery;
        for (var i = 1; i < Buffers; i++)
        {
            _free.Push(new byte[size]);
        }

        _writing = new OrderedBatchThreads<Filled>("StageMap file writer", 1, WriteFilled);
    }

    /// <summary>Whether the bytes are flushed to disk as they are written (a file).</summary>
    internal bool FlushesToDisk => _flushToDisk is not null;

    /// <summary>Queues the first <paramref name="count"/> bytes of <paramref name="full"/> for the stream; an empty buffer of the same size to go on with.</summary>
    public byte[] Hand(byte[] full, int count)
    {
        var filled = _spare.Count > 0 ? _spare.Pop() : new Filled();
        filled.Bytes = full;
        filled.Count = count;
        _writing.Give(filled);
        while (_writing.OldestDone)
        {
            TakeWritten();
        }

        if (_free.Count == 0)
        {
            if (_made < MostBuffers)
            {
                // The stream is behind (a flush to disk waiting): one more buffer rather than a wait.
                _made++;
                return new byte[_size];
            }

            TakeWritten();
        }

        return _free.Pop();
    }

    /// <summary>Waits until every queued buffer is written, then flushes the stream.</summary>
    public void Flush()
    {
        while (_writing.InHand > 0)
        {
            TakeWritten();
        }

        _stream.Flush();
    }

    /// <summary>Stops the thread (what is still queued is not written) and waits for it.</summary>
    public void Dispose() => _writing.Dispose();

    /// <summary>The oldest buffer handed over, once written, back to be filled again; throws the failure of a write.</summary>
    private void TakeWritten()
    {
        var written = _writing.TakeOldest();
        _free.Push(written.Bytes!);
        written.Bytes = null;
        _spare.Push(written);
    }

    /// <summary>The writing thread's work: writes each buffer, and after a failure writes nothing more.</summary>
    private Action<Filled> WriteFilled()
    {
        ExceptionDispatchInfo? failed = null;
        var sinceDiskFlush = 0L;
        return filled =>
        {
            // A buffer after a failed write fails as that one did, unwritten; the caller, taking the buffers back in
            // order, throws the first, as it would a failure of its own write.
            failed?.Throw();
            try
            {
                _stream.Write(filled.Bytes!, 0, filled.Count);
                sinceDiskFlush += filled.Count;
                if (_flushToDisk is not null && sinceDiskFlush >= _flushEvery)
                {
                    sinceDiskFlush = 0;
                    _flushToDisk();
                }
            }
            catch (Exception e)
            {
                failed = ExceptionDispatchInfo.Capture(e);
                throw;
            }
        };
    }

    /// <summary>A buffer handed over: its bytes and how many of them to write.</summary>
    private sealed class Filled
    {
        public byte[]? Bytes;
        public int Count;
    }
}
