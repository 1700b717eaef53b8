using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Converts <see cref="RowBatch"/>es on threads of its own, each batch whole on one thread, several batches
/// at once: a bulk conversion's records are converted and formatted on every core while the caller reads
/// the next ones. Each thread has its own <see cref="BatchConverter"/> (made on that thread, from a plan of
/// its own: <see cref="ConversionPlan.ForAnotherThread"/>). The threads start with the first batch queued.
/// </summary>
/// <remarks>
/// A batch queued while the token is cancelled is not converted (the caller stops at its next look at the
/// token). A failure while converting is kept in the batch (<see cref="RowBatch.ConvertFailure"/>), for
/// the caller to throw when it takes the batch in. <see cref="Dispose"/> lets each thread finish the batch
/// it is on, then waits for them all.
/// </remarks>
internal sealed class ConvertingThreads : IDisposable
{
    private readonly ConversionPlan _plan;
    private readonly Func<ConversionPlan, BatchConverter> _converter;
    private readonly int _count;
    private readonly CancellationToken _cancellation;
    private readonly object _gate = new();
    private readonly Queue<RowBatch> _waiting = new();
    private readonly HashSet<RowBatch> _converted = new();
    private Thread?[]? _threads;
    private bool _closing;

    /// <param name="converter">Makes a thread's converter from the thread's own plan.</param>
    public ConvertingThreads(ConversionPlan plan, Func<ConversionPlan, BatchConverter> converter, int count, CancellationToken cancellation)
    {
        _plan = plan;
        _converter = converter;
        _count = count;
        _cancellation = cancellation;
    }

    /// <summary>Queues <paramref name="batch"/> for a thread to convert (see <see cref="WaitFor"/>).</summary>
    public void Queue(RowBatch batch)
    {
        lock (_gate)
        {
            if (_threads is null)
            {
                Start();
            }

            _converted.Remove(batch);
            _waiting.Enqueue(batch);
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Whether the queued <paramref name="batch"/> has been converted.</summary>
    public bool IsConverted(RowBatch batch)
    {
        lock (_gate)
        {
            return _converted.Contains(batch);
        }
    }

    /// <summary>Waits until the queued <paramref name="batch"/> has been converted.</summary>
    public void WaitFor(RowBatch batch)
    {
        lock (_gate)
        {
            while (!_converted.Contains(batch))
            {
                Monitor.Wait(_gate);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            _waiting.Clear();
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads ?? Array.Empty<Thread?>())
        {
            thread?.Join();
        }
    }

    private void Start()
    {
        // Kept before any starts, so that Dispose waits for those that did even if a later one cannot start.
        _threads = new Thread?[_count];
        for (var i = 0; i < _threads.Length; i++)
        {
            var plan = _plan.ForAnotherThread();
            var thread = new Thread(() => ConvertQueued(plan)) { IsBackground = true, Name = "StageMap converter" };
            thread.Start();
            _threads[i] = thread;
        }
    }

    private void ConvertQueued(ConversionPlan plan)
    {
        // Made here, so that what the thread writes row by row is in memory of its own, not beside another thread's.
        BatchConverter? converter = null;
        ExceptionDispatchInfo? cannotConvert = null;
        try
        {
            converter = _converter(plan);
        }
        catch (Exception e)
        {
            cannotConvert = ExceptionDispatchInfo.Capture(e);
        }

        while (true)
        {
            RowBatch batch;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                batch = _waiting.Dequeue();
            }

            if (!_cancellation.IsCancellationRequested)
            {
                try
                {
                    batch.ConvertFailure = cannotConvert;
                    converter?.Convert(batch);
                }
                catch (Exception e)
                {
                    batch.ConvertFailure = ExceptionDispatchInfo.Capture(e);
                }
            }

            lock (_gate)
            {
                _converted.Add(batch);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
