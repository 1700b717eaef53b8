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
/// A write that fails stops the writing: the failure (the stream's own exception, an IOException for a
/// full disk) is thrown to the caller at its next <see cref="Hand"/> or <see cref="Flush"/>, and the
/// buffers still queued are dropped. <see cref="Dispose"/> waits for the thread, so the stream is free
/// to be closed when it returns.
/// </remarks>
internal sealed class WriteBehind : IDisposable
{
    private const int Buffers = 3;

    private readonly Stream _stream;
    private readonly object _gate = new();
    private readonly Queue<KeyValuePair<byte[], int>> _queued = new(Buffers);
    private readonly Stack<byte[]> _free = new(Buffers);
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;
    private bool _writing;
    private bool _closing;

    /// <param name="size">The size of each buffer (the caller's own buffer is one of them).</param>
    public WriteBehind(Stream stream, int size)
    {
        _stream = stream;
        for (var i = 1; i < Buffers; i++)
        {
            _free.Push(new byte[size]);
        }

        _thread = new Thread(WriteQueued) { IsBackground = true, Name = "StageMap file writer" };
        _thread.Start();
    }

    /// <summary>Queues the first <paramref name="count"/> bytes of <paramref name="full"/> for the stream; an empty buffer of the same size to go on with.</summary>
    public byte[] Hand(byte[] full, int count)
    {
        lock (_gate)
        {
            ThrowIfFailed();
            _queued.Enqueue(new KeyValuePair<byte[], int>(full, count));
            Monitor.PulseAll(_gate);
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
