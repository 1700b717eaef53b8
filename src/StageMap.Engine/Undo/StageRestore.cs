using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Model;

namespace StageMap.Engine.Undo;

/// <summary>
/// Carries out a restore's steps (<see cref="StageRestorePlan"/>) against Outreach, checkpointing in the
/// snapshot as it goes: a re-created stage's new id as soon as Outreach gives it, the saved prospects
/// handled after each batch, a step once it is done. A restore stopped by a 429, a timeout or Ctrl+C
/// goes on where it stopped the next time, and never moves a prospect twice: before each move it reads
/// where the prospect is, and only one still on "No Stage" is moved.
/// </summary>
public sealed class StageRestore
{
    /// <summary>Prospects read at once by id (filter[id]=a,b,…): a short URL, and one checkpoint each.</summary>
    public const int Batch = 100;

    private const string Checkpoint = "Outreach was changed as far as this restore got; the next Restore-OutreachStage reads where each prospect is and goes on from there.";

    private readonly OutreachClient _client;
    private readonly OutreachConnection _connection;
    private readonly ILiveLog _log;
    private readonly StageSnapshot _snapshot;

    public StageRestore(LiveHttpClient http, OutreachConnection connection, StageSnapshot snapshot)
    {
        _client = new OutreachClient(http, connection);
        _connection = connection;
        _log = http.Log;
        _snapshot = snapshot;
    }

    /// <summary>The snapshot must be of the instance the connection reaches.</summary>
    /// <exception cref="StageMapException">SnapshotOfAnotherInstance.</exception>
    public static void RequireSameInstance(StageSnapshot snapshot, OutreachConnection connection)
    {
        if (!string.Equals(snapshot.Outreach.GetLeftPart(UriPartial.Authority), connection.BaseUri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
        {
            throw Failures.SnapshotOfAnotherInstance(snapshot.Path, snapshot.Outreach, connection.BaseUri);
        }
    }

    /// <summary>
    /// Before any write: when a step has prospects to move, a PATCH that sets nothing on one of them
    /// (<see cref="OutreachClient.CheckProspectWriteAsync"/>), so a token without prospects.write is
    /// OutreachScopeMissing now, while nothing has changed, and not after the stage is re-created.
    /// </summary>
    /// <exception cref="StageMapException">OutreachScopeMissing (prospects.read or prospects.write); the calls' other failures.</exception>
    public async Task CheckProspectScopesAsync(IEnumerable<StageRestoreStep> steps, CancellationToken cancellation)
    {
        foreach (var batch in steps.Where(s => s.Settled is null).SelectMany(s => s.Pending).Select((id, i) => (id, i)).GroupBy(p => p.i / Batch, p => p.id))
        {
            var states = await _client.ReadProspectStagesAsync(batch.ToList(), cancellation).ConfigureAwait(false);
            if (states.Count > 0)
            {
                await _client.CheckProspectWriteAsync(states.Keys.First(), cancellation).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>The calls a step would make, for -WhatIf: reads where its prospects are (GET only).</summary>
    public async Task<IReadOnlyList<string>> CallsAsync(StageRestoreStep step, CancellationToken cancellation)
    {
        var calls = new List<string>();
        if (step.Write is { } write)
        {
            calls.Add(step.Action == StageRestoreAction.Revert
                ? $"{OutreachClient.UpdateRequest(_connection, step.StageId, write)}: {step.Details}"
                : $"{OutreachClient.CreateRequest(_connection, write)}: create with {write}");
        }

        var target = step.OutreachId?.ToString(CultureInfo.InvariantCulture) ?? $"the new id of '{step.Stage}'";
        foreach (var batch in Batches(step.Pending))
        {
            var states = await _client.ReadProspectStagesAsync(batch, cancellation).ConfigureAwait(false);
            foreach (var id in batch.Where(id => states.TryGetValue(id, out var stage) && stage is null))
            {
                calls.Add($"PATCH {_connection.ApiUri($"/prospects/{id}")}: relationships.stage -> {target}");
            }
        }

        return calls;
    }

    /// <summary>
    /// The step's stage call: PATCH back a revert, POST a re-create (its new id is checkpointed at once),
    /// or nothing when the stage is there already.
    /// </summary>
    /// <returns>The stage's id in Outreach now.</returns>
    /// <exception cref="StageMapException">The call's failure; SnapshotWriteFailed.</exception>
    public async Task<int> WriteStageAsync(StageRestoreStep step, CancellationToken cancellation)
    {
        if (step.Write is null)
        {
            return step.RequireOutreachId();
        }

        if (step.Action == StageRestoreAction.Revert)
        {
            await _client.UpdateStageAsync(step.StageId, step.Write, cancellation).ConfigureAwait(false);
            Progress(step).Done = true;
            SnapshotFile.Save(_snapshot, Checkpoint);
            return step.StageId;
        }

        var id = await _client.CreateStageAsync(step.Write, cancellation).ConfigureAwait(false);
        Progress(step).NewId = id;
        SnapshotFile.Save(_snapshot, $"Stage '{step.Stage}' was re-created as id {id}; the next Restore-OutreachStage finds it by its name.");
        return id;
    }

    /// <summary>
    /// Moves the step's pending prospects back to <paramref name="stageId"/>, a batch at a time: each
    /// batch is read first, a prospect still on "No Stage" is moved (PATCH), one already on the stage
    /// counts as moved, one on another stage is left there, one Outreach does not list is gone. The
    /// progress is checkpointed after each batch, and when the restore stops.
    /// </summary>
    /// <exception cref="StageMapException">A call's failure (the progress so far is checkpointed first); SnapshotWriteFailed.</exception>
    public async Task MoveProspectsAsync(StageRestoreStep step, int stageId, CancellationToken cancellation)
    {
        var progress = Progress(step);
        progress.NewId ??= stageId;
        var activity = $"Moving the saved prospects of '{step.Stage}' back";
        var total = step.Change.Prospects.Count;
        try
        {
            foreach (var batch in Batches(step.Pending))
            {
                var states = await _client.ReadProspectStagesAsync(batch, cancellation).ConfigureAwait(false);
                foreach (var id in batch)
                {
                    if (!states.TryGetValue(id, out var now))
                    {
                        progress.Gone.Add(id);
                    }
                    else if (now is null)
                    {
                        await _client.MoveProspectAsync(id, stageId, cancellation).ConfigureAwait(false);
                        progress.Moved.Add(id);
                    }
                    else if (now == stageId)
                    {
                        progress.Moved.Add(id);
                    }
                    else
                    {
                        progress.Left.Add(id);
                    }

                    _log.Progress(activity, $"{progress.Handled} of {total}: {progress.Moved.Count} moved back, {progress.Left.Count} left where someone moved them, {progress.Gone.Count} gone", progress.Handled * 100 / Math.Max(total, 1));
                }

                SnapshotFile.Save(_snapshot, Checkpoint);
            }

            progress.Done = true;
        }
        finally
        {
            SnapshotFile.Save(_snapshot, Checkpoint);
            _log.ProgressCompleted(activity);
        }
    }

    /// <summary>Marks a step there was nothing to do for as restored (saved by <see cref="Finish"/>).</summary>
    public static void Settle(StageRestoreStep step)
    {
        if (step.Action == StageRestoreAction.Recreate && step.Settled == StageRestoreResult.AlreadyRestored)
        {
            Progress(step).NewId ??= step.OutreachId;
        }

        Progress(step).Done = true;
    }

    /// <summary>Saves what the restore did; when every change is restored, the snapshot says when.</summary>
    /// <exception cref="StageMapException">SnapshotWriteFailed.</exception>
    public static void Finish(StageSnapshot snapshot, DateTimeOffset now)
    {
        if (StageSnapshotInfo.Undoable(snapshot).All(c => c.Restore?.Done == true))
        {
            snapshot.RestoredAt ??= now;
        }

        SnapshotFile.Save(snapshot, Checkpoint);
    }

    /// <summary>What a step does, as a confirmation names it.</summary>
    public static string Describe(OutreachConnection connection, StageRestoreStep step)
    {
        var parts = new List<string>();
        if (step.Write is { } write)
        {
            parts.Add(step.Action == StageRestoreAction.Revert
                ? $"{OutreachClient.UpdateRequest(connection, step.StageId, write)}: {step.Details}"
                : $"{OutreachClient.CreateRequest(connection, write)}: create with {write}");
        }

        if (step.Pending.Count > 0)
        {
            parts.Add($"PATCH {connection.ApiUri("/prospects")}/{{id}} (relationships.stage) for each of its {step.Pending.Count} saved prospect(s) still on \"No Stage\"");
        }

        return string.Join(", then ", parts);
    }

    /// <summary>What the step has come to, for the output: the counts are of every restore of the snapshot so far.</summary>
    public static StageRestoreChange Result(StageRestoreStep step, StageRestoreResult result, int? outreachId = null, string? details = null)
    {
        var progress = step.Change.Restore;
        return new StageRestoreChange(step.Action, step.Stage, outreachId ?? step.OutreachId ?? progress?.NewId, result,
            step.Change.Prospects.Count, progress?.Moved.Count ?? 0, progress?.Left.Count ?? 0, progress?.Gone.Count ?? 0, details ?? step.Details);
    }

    /// <summary>
    /// Writes what the restore did into the configuration, as a sync does: a re-created stage's new id
    /// (on the stage that had the old one, else on the stage of its name), and for every step the stage
    /// as Outreach now has it.
    /// </summary>
    /// <returns>False when the configuration has no such stage.</returns>
    /// <exception cref="StageMapException">StageAlreadyExists when another stage the configuration knows in Outreach holds the id.</exception>
    public static bool Record(StageMapConfiguration configuration, StageRestoreStep step, int outreachId)
    {
        var stage = configuration.Stages.FirstOrDefault(s => s.IsInOutreach && s.Id == step.StageId)
            ?? (step.Action == StageRestoreAction.Recreate ? configuration.FindStage(step.Stage) : null);
        if (stage is null || step.InOutreachAfter is not { } state)
        {
            return false;
        }

        configuration.RecordStageInOutreach(stage.Name, outreachId, new OutreachStageState(state.Name ?? stage.Name, state.Order ?? stage.Order, state.Color));
        return true;
    }

    private static RestoreProgress Progress(StageRestoreStep step) => step.Change.Restore ??= new RestoreProgress();

    private static IEnumerable<IReadOnlyList<int>> Batches(IReadOnlyList<int> ids)
    {
        for (var i = 0; i < ids.Count; i += Batch)
        {
            yield return ids.Skip(i).Take(Batch).ToList();
        }
    }
}
