using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StageMap.Engine.Threading;

/// <summary>
/// Threads of their own that work the batches given to them, each batch whole on whichever thread is free,
/// and hand them back in the order they were given: the caller reads the next batch of a file while the
/// other cores work the ones before, and takes them in as though it had worked them itself, one by one.
/// </summary>
/// <remarks>
/// <para>
/// Each thread works with what the <c>makeWork</c> factory gives it, called on that thread, so that what
/// the work writes batch by batch is memory of that thread's own, not beside another thread's. The threads
/// start with the first batch given, and none works a batch before every thread has made its work: a failure
/// to make it is thrown when the first batch is taken, as it would have been in line (where the work is
/// made before the first batch).
/// </para>
/// <para>
/// A failure of the work is thrown when the batch it failed on is taken (that batch is then taken), after
/// every batch before it, as in line; the threads go on with the batches after it. A batch given while the
/// token is cancelled is not worked, and a take while it is cancelled throws
/// <see cref="OperationCanceledException"/> once the oldest batch is done. <see cref="Dispose"/> lets each thread finish the batch in
/// hand, drops the batches not started, and waits for every thread that started, so no thread outlives
/// the run, not even when a thread could not start.
/// </para>
/// <para>Only one thread gives and takes (the caller's); the batches are the caller's again once taken.</para>
/// </remarks>
internal sealed class OrderedBatchThreads<TBatch> : IDisposable
    where TBatch : class
{
    private readonly string _name;
    private readonly int _count;
    private readonly Func<Action<TBatch>> _makeWork;
    private readonly CancellationToken _cancellation;
    private readonly Action<Thread> _start;
    private readonly object _gate = new();
    private readonly Queue<Given> _inOrder = new(); // the caller's only
    private readonly Stack<Given> _spare = new(); // the caller's only
    private readonly Queue<Given> _waiting = new();
    private readonly List<Thread> _threads = new();
    private ExceptionDispatchInfo? _cannotStart;
    private ExceptionDispatchInfo? _cannotWork;
    private int _making;
    private bool _closing;

    /// <param name="name">The threads' name, as a debugger shows it.</param>
    /// <param name="count">How many threads work batches (at least one).</param>
    /// <param name="makeWork">Called once on each thread: the work that thread does on each batch it takes.</param>
    public OrderedBatchThreads(string name, int count, Func<Action<TBatch>> makeWork, CancellationToken cancellation = default)
        : this(name, count, makeWork, thread => thread.Start(), cancellation)
    {
    }

    /// <param name="start">Starts a thread (tests make it fail).</param>
    internal OrderedBatchThreads(string name, int count, Func<Action<TBatch>> makeWork, Action<Thread> start, CancellationToken cancellation)
    {
        _name = name;
        _count = Math.Max(1, count);
        _makeWork = makeWork;
        _cancellation = cancellation;
        _start = start;
    }

    /// <summary>Batches given and not taken yet.</summary>
    public int InHand => _inOrder.Count;

    /// <summary>Whether the oldest batch in hand is done, so that <see cref="TakeOldest"/> would not wait.</summary>
    public bool OldestDone
    {
        get
        {
            if (_inOrder.Count == 0)
            {
                return false;
            }

            lock (_gate)
            {
                return _inOrder.Peek().Done;
            }
        }
    }

    /// <summary>
    /// Gives <paramref name="batch"/> to the threads (starting them with the first); it comes back through
    /// <see cref="TakeOldest"/>. Throws why a thread could not start, then at every later call.
    /// </summary>
    public void Give(TBatch batch)
    {
        if (_threads.Count == 0 || _cannotStart is not null)
        {
            Start();
        }

        var given = _spare.Count > 0 ? _spare.Pop() : new Given();
        given.Batch = batch;
        _inOrder.Enqueue(given);
        lock (_gate)
        {
            _waiting.Enqueue(given);
            Monitor.Pulse(_gate); // only threads wait while the caller gives
        }
    }

    /// <summary>The oldest batch given, once it is worked: waits for it, and throws what its work threw.</summary>
    /// <exception cref="OperationCanceledException">The token is cancelled (the batch is taken all the same).</exception>
    public TBatch TakeOldest()
    {
        if (_inOrder.Count == 0)
        {
            throw new InvalidOperationException("No batch was given.");
        }

        var oldest = _inOrder.Peek();
        lock (_gate)
        {
            while (!oldest.Done)
            {
                Monitor.Wait(_gate);
            }
        }

        _inOrder.Dequeue();
        var batch = oldest.Batch!;
        var failure = oldest.Failure;
        oldest.Reset();
        _spare.Push(oldest);

        // Also where a batch was left unworked: a thread leaves one only when the token is cancelled, and it stays so.
        _cancellation.ThrowIfCancellationRequested();
        failure?.Throw();
        return batch;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _closing = true;
            _waiting.Clear();
            Monitor.PulseAll(_gate);
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }
    }

    private void Start()
    {
        _cannotStart?.Throw();
        lock (_gate)
        {
            _making = _count;
        }

        for (var i = 0; i < _count; i++)
        {
            var thread = new Thread(WorkGiven) { IsBackground = true, Name = _name };
            try
            {
                _start(thread);
            }
            catch (Exception e)
            {
                // The threads that did start stop at once (they have no work to wait for) and are joined by Dispose.
                _cannotStart = ExceptionDispatchInfo.Capture(e);
                lock (_gate)
                {
                    _closing = true;
                    Monitor.PulseAll(_gate);
                }

                throw;
            }

            _threads.Add(thread);
        }
    }

    private void WorkGiven()
    {
        Action<TBatch>? work = null;
        ExceptionDispatchInfo? cannotMake = null;
        try
        {
            work = _makeWork();
        }
        catch (Exception e)
        {
            cannotMake = ExceptionDispatchInfo.Capture(e);
        }

        lock (_gate)
        {
            _cannotWork ??= cannotMake;
            if (--_making == 0)
            {
                Monitor.PulseAll(_gate);
            }
        }

        while (true)
        {
            Given given;
            ExceptionDispatchInfo? failure;
            lock (_gate)
            {
                while ((_waiting.Count == 0 || _making > 0) && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                given = _waiting.Dequeue();
                failure = _cannotWork;
            }

            if (failure is null && !_cancellation.IsCancellationRequested)
            {
                try
                {
                    work!(given.Batch!); // made, since no thread failed to make its work
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            lock (_gate)
            {
                given.Failure = failure;
                given.Done = true;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>A batch given, and what became of it; reused for the batches given after it is taken.</summary>
    private sealed class Given
    {
        public TBatch? Batch;
        public ExceptionDispatchInfo? Failure;
        public bool Done;

        public void Reset()
        {
            Batch = null;
            Failure = null;
            Done = false;
        }
    }
}
