using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StageMap.Engine.Drift;

/// <summary>
/// A thread that does one piece of work on each batch handed to it, in the order they come, and hands
/// them back in that order: the join's reading thread gives it the held rows' pull outcomes, so the two
/// cores share the first pass.
/// </summary>
/// <remarks>
/// A failure of the work is thrown to the caller when it takes back the batch it failed on (or any later
/// one), as it would have been thrown had the caller done that work in line; the thread then ends.
/// Disposing stops the thread after the batch in hand and waits for it, so no thread outlives the run.
/// </remarks>
internal sealed class BatchWorker<TBatch> : IDisposable
    where TBatch : class
{
    private readonly object _gate = new();
    private readonly Queue<TBatch> _waiting = new();
    private readonly Queue<TBatch> _done = new();
    private readonly Action<TBatch> _work;
    private readonly Thread _thread;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    private BatchWorker(string name, Action<TBatch> work)
    {
        _work = work;
        _thread = new Thread(Run) { IsBackground = true, Name = name };
    }

    /// <summary>Batches handed over and not taken back yet (the caller's count).</summary>
    public int InHand { get; private set; }

    public static BatchWorker<TBatch> Start(string name, Action<TBatch> work)
    {
        var worker = new BatchWorker<TBatch>(name, work);
        worker._thread.Start();
        return worker;
    }

    public void Submit(TBatch batch)
    {
        lock (_gate)
        {
            _waiting.Enqueue(batch);
            Monitor.PulseAll(_gate);
        }

        InHand++;
    }

    /// <summary>The oldest batch handed over, once its work is done; throws the work's failure.</summary>
    public TBatch TakeBack()
    {
        if (InHand == 0)
        {
            throw new InvalidOperationException("No batch was handed over.");
        }

        lock (_gate)
        {
            while (_done.Count == 0 && _failure is null)
            {
                Monitor.Wait(_gate);
            }

            if (_done.Count == 0)
            {
                _failure!.Throw();
            }

            InHand--;
            return _done.Dequeue();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
    }

    private void Run()
    {
        while (true)
        {
            TBatch batch;
            lock (_gate)
            {
                while (_waiting.Count == 0 && !_stopped)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopped)
                {
                    return;
                }

                batch = _waiting.Dequeue();
            }

            try
            {
                _work(batch);
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure = ExceptionDispatchInfo.Capture(e);
                    Monitor.PulseAll(_gate);
                }

                return;
            }

            lock (_gate)
            {
                _done.Enqueue(batch);
                Monitor.PulseAll(_gate);
            }
        }
    }
}
