using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Runs a live call for a cmdlet: the call works on a worker thread while the pipeline thread writes
/// its Verbose and Progress lines (a cmdlet may write only from its own thread), and StopProcessing
/// (Ctrl+C) cancels it at once, waits included. (Its token source has no timer, so it needs no disposing.)
/// </summary>
internal sealed class LiveCall
{
    private readonly Cmdlet _cmdlet;
    private readonly CancellationTokenSource _stop = new();

    public LiveCall(Cmdlet cmdlet)
    {
        _cmdlet = cmdlet;
    }

    /// <summary>Call from the cmdlet's StopProcessing.</summary>
    public void Stop() => _stop.Cancel();

    /// <exception cref="StageMap.Engine.StageMapException">The call's failure.</exception>
    /// <exception cref="PipelineStoppedException">The user stopped the command.</exception>
    public T Run<T>(Func<LiveHttpClient, CancellationToken, Task<T>> call)
    {
        using var messages = new BlockingCollection<Action>();
        var http = new LiveHttpClient(new QueuedLog(messages, _cmdlet));
        var work = Task.Run(() => call(http, _stop.Token));
        work.ContinueWith(_ => messages.CompleteAdding(), TaskScheduler.Default);
        foreach (var write in messages.GetConsumingEnumerable())
        {
            write();
        }

        try
        {
            return work.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    public void Run(Func<LiveHttpClient, CancellationToken, Task> call) =>
        Run<bool>(async (http, cancellation) =>
        {
            await call(http, cancellation).ConfigureAwait(false);
            return true;
        });

    private sealed class QueuedLog : ILiveLog
    {
        private readonly BlockingCollection<Action> _messages;
        private readonly Cmdlet _cmdlet;
        private readonly Dictionary<string, int> _activities = new();

        public QueuedLog(BlockingCollection<Action> messages, Cmdlet cmdlet)
        {
            _messages = messages;
            _cmdlet = cmdlet;
        }

        public void Verbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

        public void Progress(string activity, string status)
        {
            var id = ActivityId(activity);
            Post(() => _cmdlet.WriteProgress(new ProgressRecord(id, activity, status)));
        }

        public void ProgressCompleted(string activity)
        {
            var id = ActivityId(activity);
            Post(() => _cmdlet.WriteProgress(new ProgressRecord(id, activity, "Done") { RecordType = ProgressRecordType.Completed }));
        }

        private int ActivityId(string activity)
        {
            lock (_activities)
            {
                if (!_activities.TryGetValue(activity, out var id))
                {
                    id = _activities.Count + 1;
                    _activities.Add(activity, id);
                }

                return id;
            }
        }

        private void Post(Action write)
        {
            try
            {
                _messages.Add(write);
            }
            catch (InvalidOperationException)
            {
                // The call ended meanwhile; nothing is listening.
            }
        }
    }
}
