using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Runs the live calls of one command. The command has one <see cref="LiveHttpClient"/>, so all its
/// calls share one waiting budget and one secret scrubber; each call runs on a worker thread
/// through <see cref="LiveHttpClient.RunAsync"/> (its failure leaves scrubbed) while the pipeline
/// thread writes its Verbose and Progress lines (a cmdlet may write only from its own thread), and
/// StopProcessing (Ctrl+C) cancels it at once, waits included. (Its token source has no timer, so it
/// needs no disposing.)
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source has no timer, so it holds nothing to release; StopProcessing may cancel it at any time, which a disposed source would refuse.")]
internal sealed class LiveCall
{
    private readonly CancellationTokenSource _stop = new();
    private readonly QueuedLog _log;
    private readonly LiveHttpClient _http;

    /// <param name="policy">How the command's calls wait and pace (<see cref="LivePolicy.Default"/> unless given).</param>
    public LiveCall(Cmdlet cmdlet, LivePolicy? policy = null)
    {
        _log = new QueuedLog(cmdlet);
        _http = new LiveHttpClient(_log, policy);
    }

    /// <summary>Call from the cmdlet's StopProcessing.</summary>
    public void Stop() => _stop.Cancel();

    /// <exception cref="StageMap.Engine.StageMapException">The call's failure, scrubbed of secrets.</exception>
    /// <exception cref="PipelineStoppedException">The user stopped the command.</exception>
    public T Run<T>(Func<LiveHttpClient, CancellationToken, Task<T>> call)
    {
        using var messages = new BlockingCollection<Action>();
        _log.Messages = messages;
        try
        {
            var work = Task.Run(() => _http.RunAsync(cancellation => call(_http, cancellation), _stop.Token));
            _ = work.ContinueWith(_ => messages.CompleteAdding(), TaskScheduler.Default);
            foreach (var write in messages.GetConsumingEnumerable())
            {
                write();
            }

            return work.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        finally
        {
            _log.Messages = null;
        }
    }

    public void Run(Func<LiveHttpClient, CancellationToken, Task> call) =>
        Run<bool>(async (http, cancellation) =>
        {
            await call(http, cancellation).ConfigureAwait(false);
            return true;
        });

    /// <summary>Hands each line to the pipeline thread of the call running now.</summary>
    private sealed class QueuedLog : ILiveLog
    {
        private readonly Cmdlet _cmdlet;
        private readonly Dictionary<string, int> _activities = new(StringComparer.Ordinal);

        public QueuedLog(Cmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        public BlockingCollection<Action>? Messages { get; set; }

        public void Verbose(string message) => Post(() => _cmdlet.WriteVerbose(message));

        public void Progress(string activity, string status, int percentComplete = -1)
        {
            var id = ActivityId(activity);
            Post(() => _cmdlet.WriteProgress(new ProgressRecord(id, activity, status) { PercentComplete = percentComplete }));
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
                Messages?.Add(write);
            }
            catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
            {
                // The call ended meanwhile; nothing is listening.
            }
        }
    }
}
