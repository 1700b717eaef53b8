using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Sync-OutreachStage: makes Outreach's stages match the configuration's (create, rename, reorder,
/// recolour; with -RemoveExtra delete) and writes the Outreach ids it learns back into the
/// configuration, saved once at the end. Before its first write it takes a snapshot (Outreach's stages,
/// and the prospects of each stage it deletes) that Restore-OutreachStage puts back; without one it
/// writes nothing. A failed call is a non-terminating error naming the call; the configuration still
/// records every call that succeeded.
/// </summary>
[Cmdlet(VerbsData.Sync, "OutreachStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(StageSyncChange))]
public sealed class SyncOutreachStageCommand : ConfigurationChangeCommand
{
    private readonly LiveCall _live;
    private readonly List<StageSyncChange> _changes = new();
    private StageSnapshot? _snapshot;
    private string? _snapshotFolder;
    private OutreachStageFile? _outreach;
    private IReadOnlyList<StageSyncStep> _steps = new List<StageSyncStep>();

    public SyncOutreachStageCommand()
    {
        _live = new LiveCall(this);
    }

    /// <summary>Deletes the Outreach stages the configuration lacks.</summary>
    [Parameter]
    public SwitchParameter RemoveExtra { get; set; }

    /// <summary>With -RemoveExtra, deletes stages that prospects still hold (they are left on "No Stage").</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The folder the snapshot goes in; by default &lt;name&gt;.snapshots beside the configuration file.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? SnapshotPath { get; set; }

    /// <summary>The Outreach connection; the session's current one by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public OutreachConnection? Connection { get; set; }

    protected override void EndProcessing()
    {
        try
        {
            var connection = LiveSessions.RequireOutreach(Connection);
            _outreach = _live.Run((http, cancellation) => new OutreachClient(http, connection).ListStagesAsync(cancellation));
            var steps = _steps = StageSync.Plan(TargetConfiguration.Stages, _outreach.Stages, RemoveExtra);
            if (!IsWhatIf && steps.Any(s => s.Writes))
            {
                // Before any prompt: a run that could not keep a snapshot asks nothing and writes nothing.
                _snapshotFolder = SnapshotFolder.Resolve(SnapshotPath is null ? null : ResolveNewFilePath(SnapshotPath), TargetConfiguration.Path, forListing: false);
            }

            Apply(connection, steps);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        base.EndProcessing();
    }

    protected override void StopProcessing()
    {
        _live.Stop();
        base.StopProcessing();
    }

    private void Apply(OutreachConnection connection, IReadOnlyList<StageSyncStep> steps)
    {
        var failed = new List<string>();
        var calls = 0;
        var stopped = false;
        foreach (var step in steps)
        {
            var change = stopped ? Result(step, StageSyncResult.Skipped) : Apply(connection, step, failed, ref calls, ref stopped);
            _changes.Add(change);
            if (_snapshot is { } snapshot && step.OutreachId is { } stageId && step.Writes)
            {
                RecordResult(snapshot, stageId, change.Result);
            }
        }

        foreach (var change in _changes)
        {
            WriteObject(change with { Snapshot = _snapshot?.Path });
        }

        if (failed.Count > 0)
        {
            WriteWarning(StageSync.FailureSummary(failed, calls));
        }
        else if (calls == 0 && steps.All(s => !s.Writes))
        {
            WriteInformation(new HostInformationMessage { Message = "Outreach's stages already match the configuration: nothing changed." }, HostTags);
        }
    }

    private StageSyncChange Apply(OutreachConnection connection, StageSyncStep step, List<string> failed, ref int calls, ref bool stopped)
    {
        if (!step.Writes)
        {
            if (step.Action == StageSyncAction.Unchanged && !IsWhatIf && !Record(step, step.RequireOutreachId()))
            {
                return Result(step, StageSyncResult.Failed);
            }

            return Result(step, step.Action == StageSyncAction.Extra ? StageSyncResult.Kept : StageSyncResult.Unchanged);
        }

        var request = StageSync.RequestFor(connection, step);
        var what = step.Action switch
        {
            StageSyncAction.Create => $"{request}: create with {step.Attributes}",
            StageSyncAction.Update => $"{request}: {step.Details}",
            _ => request.ToString(),
        };
        if (step.Action == StageSyncAction.Delete && IsWhatIf)
        {
            return PredictDelete(connection, step, what, failed, ref stopped);
        }

        if (!ShouldProcess($"Outreach stage '{step.Stage}'", what))
        {
            return Result(step, IsWhatIf ? StageSyncResult.WhatIf : StageSyncResult.Declined);
        }

        // Deletes are High impact: asked one by one unless -Confirm:$false or $ConfirmPreference is None.
        if (step.Action == StageSyncAction.Delete && !ConfirmDestructive($"Outreach stage '{step.Stage}'", $"{what} (its prospects are left on \"No Stage\")"))
        {
            return Result(step, StageSyncResult.Declined);
        }

        TakeSnapshot(connection);
        try
        {
            var id = _live.Run((http, cancellation) => new StageSync(new OutreachClient(http, connection), _snapshot).ApplyAsync(step, Force, cancellation));
            calls++;
            return Record(step, id) ? Result(step, StageSyncResult.Done, id) : Result(step, StageSyncResult.Failed, id);
        }
        catch (StageMapException failure)
        {
            // The stage is the object at fault; the message names the call.
            WriteError(ErrorRecords.From(failure, step.Stage));
            if (failure.ErrorId == ErrorIds.StageHasProspects)
            {
                return Result(step, StageSyncResult.Refused);
            }

            failed.Add(request.ToString());
            // A refused token or scope fails every call alike; a rejected stage (422) fails alone.
            stopped = failure.ErrorId != ErrorIds.OutreachRequestRejected;
            return Result(step, StageSyncResult.Failed);
        }
    }

    /// <summary>
    /// -WhatIf of a delete: the stage's prospects are counted (a GET, the only call -WhatIf makes), so
    /// a delete the real run would refuse says so, with the count, and is Refused.
    /// </summary>
    private StageSyncChange PredictDelete(OutreachConnection connection, StageSyncStep step, string what, List<string> failed, ref bool stopped)
    {
        try
        {
            var refusal = _live.Run((http, cancellation) => new StageSync(new OutreachClient(http, connection)).CheckDeleteAsync(step, Force, cancellation));
            if (refusal is null)
            {
                ShouldProcess($"Outreach stage '{step.Stage}'", $"{what} (its prospects, if any, are left on \"No Stage\")");
                return Result(step, StageSyncResult.WhatIf);
            }

            ShouldProcess($"Outreach stage '{step.Stage}'", $"{what}: would be refused. {refusal.Message}");
            return Result(step, StageSyncResult.Refused) with { Details = refusal.Message };
        }
        catch (StageMapException failure)
        {
            WriteError(ErrorRecords.From(failure, step.Stage));
            failed.Add(OutreachClient.CountRequest(connection, step.RequireOutreachId()).ToString());
            stopped = true;
            return Result(step, StageSyncResult.Failed);
        }
    }

    /// <summary>
    /// Before the run's first write, once: the snapshot a restore puts Outreach back from. When it cannot
    /// be taken or written the command ends here, before anything is written to Outreach.
    /// </summary>
    private void TakeSnapshot(OutreachConnection connection)
    {
        if (_snapshot is not null)
        {
            return;
        }

        // BeginProcessing read Outreach's stages and resolved the snapshot folder before any step could write.
        _snapshot = _live.Run((http, cancellation) => SnapshotTaker.TakeAsync(
            new OutreachClient(http, connection), connection.BaseUri, _outreach!.Stages, _steps, _snapshotFolder!, TargetConfiguration.Path, System.DateTimeOffset.UtcNow, cancellation));
        WriteInformation(new HostInformationMessage
        {
            Message = $"Snapshot of Outreach's stages before this sync: {_snapshot.Path} ({_snapshot.SavedProspects} prospect(s) saved). Restore-OutreachStage -Snapshot '{_snapshot.Path.Replace("'", "''")}' puts them back.",
        }, HostTags);
    }

    /// <summary>How the step ended, into the snapshot; a failure to say so is a warning (the snapshot still holds the stages as they were).</summary>
    private void RecordResult(StageSnapshot snapshot, int stageId, StageSyncResult result)
    {
        try
        {
            SnapshotTaker.RecordResult(snapshot, stageId, result);
        }
        catch (StageMapException failure)
        {
            WriteWarning(failure.Message);
        }
    }

    private bool Record(StageSyncStep step, int outreachId)
    {
        try
        {
            StageSync.Record(TargetConfiguration, step, outreachId);
            return true;
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
            return false;
        }
    }

    private static StageSyncChange Result(StageSyncStep step, StageSyncResult result, int? id = null) =>
        new(step.Action, step.Stage, id ?? step.OutreachId, result, step.Details);
}
