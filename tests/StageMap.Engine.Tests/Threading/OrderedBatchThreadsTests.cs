using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using StageMap.Engine.Threading;
using Xunit;

namespace StageMap.Engine.Tests.Threading;

/// <summary>
/// Batches worked on threads of their own come back in the order they were given, with their work's
/// failure thrown where working them in line would have thrown it. The interleavings are forced with
/// gates, never with timing.
/// </summary>
public class OrderedBatchThreadsTests
{
    [Fact]
    public void Batches_come_back_in_the_order_given_though_the_threads_finish_them_in_reverse()
    {
        var batches = Enumerable.Range(0, 4).Select(i => new Batch(i)).ToArray();
        using var threads = new OrderedBatchThreads<Batch>("test", 4, () => batch =>
        {
            batch.Release.Wait();
            batch.Result = batch.Number * 2;
            batch.Worked.Set();
        });
        foreach (var batch in batches)
        {
            threads.Give(batch);
        }

        // Each thread holds a batch at its gate; they are let through last first.
        for (var i = 3; i >= 1; i--)
        {
            batches[i].Release.Set();
            batches[i].Worked.Wait();
            Assert.False(threads.OldestDone);
        }

        batches[0].Release.Set();
        var back = new List<Batch>();
        while (threads.InHand > 0)
        {
            back.Add(threads.TakeOldest());
        }

        Assert.Equal(batches, back);
        Assert.Equal(new[] { 0, 2, 4, 6 }, back.Select(b => b.Result));
        Assert.False(threads.OldestDone);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Many_batches_of_uneven_work_come_back_in_order_each_worked_by_its_thread_s_own_work(int count)
    {
        var made = new ConcurrentBag<int>();
        using var threads = new OrderedBatchThreads<Batch>("test", count, () =>
        {
            var madeOn = Environment.CurrentManagedThreadId;
            made.Add(madeOn);
            return batch =>
            {
                Thread.SpinWait((batch.Number % 7) * 500);
                batch.Result = batch.Number * 2;
                batch.WorkedOn = madeOn == Environment.CurrentManagedThreadId ? madeOn : -1;
            };
        });
        var batches = Enumerable.Range(0, 2000).Select(i => new Batch(i)).ToArray();
        var back = new List<Batch>();

        // As a reading caller does: a few in hand, the done ones taken whenever it looks.
        foreach (var batch in batches)
        {
            threads.Give(batch);
            while (threads.OldestDone)
            {
                back.Add(threads.TakeOldest());
            }

            if (threads.InHand > count + 2)
            {
                back.Add(threads.TakeOldest());
            }
        }

        while (threads.InHand > 0)
        {
            back.Add(threads.TakeOldest());
        }

        Assert.Equal(batches, back);
        Assert.All(back, b => Assert.Equal(b.Number * 2, b.Result));
        Assert.Equal(count, made.Count);
        Assert.Equal(count, made.Distinct().Count());
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, made);
        Assert.All(back, b => Assert.Contains(b.WorkedOn, made));
        Assert.Throws<InvalidOperationException>(() => threads.TakeOldest());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public void A_failure_is_thrown_when_its_batch_is_taken_after_the_batches_before_it_and_the_threads_go_on(int failing)
    {
        var failure = Failures.InvalidRecordFile("leads.csv", "broken on purpose");
        using var threads = new OrderedBatchThreads<Batch>("test", 3, () => batch =>
        {
            if (batch.Number == failing)
            {
                throw failure;
            }

            batch.Result = 1;
        });
        var batches = Enumerable.Range(0, 10).Select(i => new Batch(i)).ToArray();
        foreach (var batch in batches)
        {
            threads.Give(batch);
        }

        for (var i = 0; i < failing; i++)
        {
            Assert.Same(batches[i], threads.TakeOldest());
        }

        Assert.Same(failure, Assert.Throws<StageMapException>(() => threads.TakeOldest()));
        Assert.Equal(9 - failing, threads.InHand);
        for (var i = failing + 1; i < batches.Length; i++)
        {
            Assert.Equal(1, threads.TakeOldest().Result);
        }
    }

    [Fact]
    public void A_failure_to_make_one_thread_s_work_is_thrown_at_the_first_batch_and_no_batch_is_worked()
    {
        var failure = new InvalidOperationException("no plan for this thread");
        var makes = 0;
        var worked = 0;
        using var threads = new OrderedBatchThreads<Batch>("test", 4, () =>
        {
            if (Interlocked.Increment(ref makes) == 3)
            {
                throw failure;
            }

            return _ => Interlocked.Increment(ref worked);
        });
        for (var i = 0; i < 6; i++)
        {
            threads.Give(new Batch(i));
        }

        Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => threads.TakeOldest()));
        while (threads.InHand > 0)
        {
            Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => threads.TakeOldest()));
        }

        Assert.Equal(0, Volatile.Read(ref worked));
    }

    [Fact]
    public void A_batch_given_while_cancelled_is_not_worked_and_taking_it_throws()
    {
        using var cancel = new CancellationTokenSource();
        var worked = 0;
        using var threads = new OrderedBatchThreads<Batch>("test", 2, () => _ => Interlocked.Increment(ref worked), cancel.Token);
        cancel.Cancel();
        threads.Give(new Batch(0));

        Assert.Throws<OperationCanceledException>(() => threads.TakeOldest());
        Assert.Equal(0, threads.InHand);
        Assert.Equal(0, Volatile.Read(ref worked));
    }

    [Fact]
    public void Cancelling_while_a_batch_is_worked_stops_the_batches_after_it_and_every_take()
    {
        using var cancel = new CancellationTokenSource();
        var first = new Batch(0);
        var second = new Batch(1);
        using var threads = new OrderedBatchThreads<Batch>("test", 1, () => batch =>
        {
            batch.Worked.Set();
            batch.Release.Wait();
            batch.Result = 1;
        }, cancel.Token);
        threads.Give(first);
        threads.Give(second);
        first.Worked.Wait();
        cancel.Cancel();
        first.Release.Set();

        Assert.Throws<OperationCanceledException>(() => threads.TakeOldest()); // once the batch in hand is done
        Assert.Equal(1, first.Result);
        Assert.Throws<OperationCanceledException>(() => threads.TakeOldest());
        Assert.False(second.Worked.IsSet);
        Assert.Equal(0, threads.InHand);
    }

    [Fact]
    public void Disposing_while_busy_lets_each_thread_finish_its_batch_then_joins_them_all()
    {
        var threadsMade = new ConcurrentBag<Thread>();
        var started = 0;
        var finished = 0;
        using var twoStarted = new CountdownEvent(2);
        using var gate = new ManualResetEventSlim();
        var threads = new OrderedBatchThreads<Batch>("test", 2, () =>
        {
            threadsMade.Add(Thread.CurrentThread);
            return _ =>
            {
                Interlocked.Increment(ref started);
                if (!twoStarted.IsSet)
                {
                    twoStarted.Signal();
                }

                gate.Wait();
                Interlocked.Increment(ref finished);
            };
        });
        for (var i = 0; i < 10; i++)
        {
            threads.Give(new Batch(i));
        }

        twoStarted.Wait(); // both threads hold a batch at the gate
        var disposing = new Thread(threads.Dispose);
        disposing.Start();
        gate.Set();
        disposing.Join();

        Assert.Equal(Volatile.Read(ref started), Volatile.Read(ref finished)); // none cut short
        Assert.InRange(Volatile.Read(ref finished), 2, 10);
        Assert.Equal(2, threadsMade.Count);
        Assert.All(threadsMade, t => Assert.False(t.IsAlive));
    }

    [Fact]
    public void Disposing_with_nothing_given_starts_no_thread()
    {
        var makes = 0;
        var threads = new OrderedBatchThreads<Batch>("test", 4, () =>
        {
            Interlocked.Increment(ref makes);
            return _ => { };
        });

        Assert.False(threads.OldestDone);
        threads.Dispose();
        Assert.Equal(0, Volatile.Read(ref makes));
    }

    [Fact]
    public void A_thread_that_cannot_start_fails_the_giving_and_the_threads_that_started_are_joined()
    {
        var cannotStart = new InvalidOperationException("no room for another thread");
        var startedThreads = new List<Thread>();
        var threads = new OrderedBatchThreads<Batch>("test", 3, () => _ => { }, thread =>
        {
            if (startedThreads.Count == 2)
            {
                throw cannotStart;
            }

            thread.Start();
            startedThreads.Add(thread);
        }, default);

        Assert.Same(cannotStart, Assert.Throws<InvalidOperationException>(() => threads.Give(new Batch(0))));
        Assert.Same(cannotStart, Assert.Throws<InvalidOperationException>(() => threads.Give(new Batch(1))));
        Assert.Equal(0, threads.InHand);
        threads.Dispose();
        Assert.Equal(2, startedThreads.Count);
        Assert.All(startedThreads, t => Assert.False(t.IsAlive));
    }

    private sealed class Batch
    {
        public Batch(int number) => Number = number;

        public int Number { get; }

        public int Result { get; set; }

        public int WorkedOn { get; set; }

        public ManualResetEventSlim Release { get; } = new();

        public ManualResetEventSlim Worked { get; } = new();
    }
}
