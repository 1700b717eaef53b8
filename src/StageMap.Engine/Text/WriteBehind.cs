using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

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
/// buffers still queued are dropped. <see cref="Dispose"/> waits for the thread, so the stream is free
/// to be closed when it returns.
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
    private readonly object _gate = new();
    private readonly Queue<KeyValuePair<byte[], int>> _queued = new(Buffers);
    private readonly Stack<byte[]> _free = new(Buffers);
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;
    private bool _writing;
    private bool _closing;
    private int _made = Buffers;
    private long _sinceDiskFlush;

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

        _thread = new Thread(WriteQueued) { IsBackground = true, Name = "StageMap file writer" };
        _thread.Start();
    }

    /// <summary>Whether the bytes are flushed to disk as they are written (a file).</summary>
    internal bool FlushesToDisk => _flushToDisk is not null;

    /// <summary>Queues the first <paramref name="count"/> bytes of <paramref name="full"/> for the stream; an empty buffer of the same size to go on with.</summary>
    public byte[] Hand(byte[] full, int count)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            _queued.Enqueue(new KeyValuePair<byte[], int>(full, count));
            Monitor.PulseAll(_gate);
            if (_free.Count == 0 && _made < MostBuffers && _failure is null)
            {
                // The stream is behind (a flush to disk waiting): one more buffer rather than a wait.
                _made++;
                return new byte[_size];
            }

            while (_free.Count == 0 && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            ThrowIfFailed();
            return _free.Pop();
        }
    }

    /// <summary>Waits until every queued buffer is written, then flushes the stream.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            while ((_queued.Count > 0 || _writing) && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            ThrowIfFailed();
        }

        _stream.Flush();
    }

    /// <summary>Stops the thread (what is still queued is not written) and waits for it.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            _queued.Clear();
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void ThrowIfFailed() => _failure?.Throw();

    private void FlushToDiskNowAndThen(int written)
    {
        _sinceDiskFlush += written;
        if (_flushToDisk is not null && _sinceDiskFlush >= _flushEvery)
        {
            _sinceDiskFlush = 0;
            _flushToDisk();
        }
    }

    private void WriteQueued()
    {
        while (true)
        {
            KeyValuePair<byte[], int> next;
            lock (_gate)
            {
                while (_queued.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                next = _queued.Dequeue();
                _writing = _failure is null;
            }

            if (_writing)
            {
                try
                {
                    _stream.Write(next.Key, 0, next.Value);
                    FlushToDiskNowAndThen(next.Value);
                }
                catch (Exception e)
                {
                    // Handed to the caller's thread, which reports it as it would a failure of its own write.
                    lock (_gate)
                    {
                        _failure = ExceptionDispatchInfo.Capture(e);
                    }
                }
            }

            lock (_gate)
            {
                _writing = false;
                _free.Push(next.Key);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
