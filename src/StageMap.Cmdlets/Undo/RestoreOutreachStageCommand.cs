using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Cmdlets.Live;
using StageMap.Engine;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Undo;

/// <summary>
/// Restore-OutreachStage: puts Outreach back as a sync's snapshot saw it. Re-creates the stages the sync
/// deleted (new ids), reverts its renames, reorders and recolours, and moves each saved prospect still on
/// "No Stage" back; what someone changed since is left as it is, and counted. Resumable: progress is
/// checkpointed in the snapshot. Requests are paced under Outreach's hourly limit. The configuration
/// records the new ids, as a sync does.
/// </summary>
[Cmdlet(VerbsData.Restore, "OutreachStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(StageRestoreChange))]
public sealed class RestoreOutreachStageCommand : ConfigurationChangeCommand
{
    private readonly LiveCall _live;

    public RestoreOutreachStageCommand()
    {
        _live = new LiveCall(this, LivePolicy.Paced);
    }

    /// <summary>The snapshot: its file, or what Get-StageMapSnapshot lists.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [SnapshotArgument]
    [ValidateNotNullOrEmpty]
    public string Snapshot { get; set; } = "";

    /// <summary>Only these stages, by their name in the snapshot (or the new name the sync gave them).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(SnapshotStageCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Stage { get; set; }

    /// <summary>The Outreach connection; the session's current one by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public OutreachConnection? Connection { get; set; }

    protected override void ProcessRecord()
    {
        try
        {
            var snapshot = SnapshotFile.Read(ResolveNewFilePath(Snapshot));
            var connection = LiveSessions.RequireOutreach(Connection);
            StageRestore.RequireSameInstance(snapshot, connection);
            var outreach = _live.Run((http, cancellation) => new OutreachClient(http, connection).ListStagesAsync(cancellation));
            var steps = StageRestorePlan.For(snapshot, outreach.Stages, Stage, out var unknown);
            foreach (var failure in unknown)
            {
                WriteFailure(failure);
            }

            if (IsWhatIf)
            {
                ListCalls(connection, snapshot, steps);
            }
            else
            {
                Restore(connection, snapshot, steps);
            }
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
    }

    protected override void StopProcessing()
    {
        _live.Stop();
        base.StopProcessing();
    }

    /// <summary>-WhatIf: every call the restore would make (prospects read with GETs to know which would move), none made.</summary>
    private void ListCalls(OutreachConnection connection, StageSnapshot snapshot, IReadOnlyList<StageRestoreStep> steps)
    {
        foreach (var step in steps)
        {
            if (step.Settled is { } settled)
            {
                WriteObject(StageRestore.Result(step, settled));
                continue;
            }

            var calls = _live.Run((http, cancellation) => new StageRestore(http, connection, snapshot).CallsAsync(step, cancellation));
            foreach (var call in calls)
            {
                ShouldProcess($"Outreach stage '{step.Stage}'", call);
            }

            WriteObject(StageRestore.Result(step, StageRestoreResult.WhatIf));
        }
    }

    private void Restore(OutreachConnection connection, StageSnapshot snapshot, IReadOnlyList<StageRestoreStep> steps)
    {
        // Before any write: a token that may not move prospects is named now, while nothing has changed.
        if (steps.Any(s => s.Settled is null && s.Pending.Count > 0))
        {
            _live.Run((http, cancellation) => new StageRestore(http, connection, snapshot).CheckProspectScopesAsync(steps, cancellation));
        }

        var (wrote, stopped) = (false, false);
        try
        {
            foreach (var step in steps)
            {
                if (stopped)
                {
                    WriteObject(StageRestore.Result(step, StageRestoreResult.Skipped));
                    continue;
                }

                if (step.Settled is { } settled)
                {
                    StageRestore.Settle(step);
                    if (settled == StageRestoreResult.AlreadyRestored)
                    {
                        Record(step, step.RequireOutreachId());
                    }

                    WriteObject(StageRestore.Result(step, settled));
                    continue;
                }

                if (!ShouldProcess($"Outreach stage '{step.Stage}'", StageRestore.Describe(connection, step)))
                {
                    WriteObject(StageRestore.Result(step, StageRestoreResult.Declined));
                    continue;
                }

                wrote = true;
                WriteObject(Apply(connection, snapshot, step, ref stopped));
            }
        }
        finally
        {
            Finish(snapshot);
        }

        if (!wrote && steps.All(s => s.Settled is not null))
        {
            WriteInformation(new HostInformationMessage { Message = "Outreach already is as the snapshot saw it: nothing changed." }, HostTags);
        }
    }

    /// <summary>The step's stage call, then its prospects; the configuration records the stage's id once Outreach has it.</summary>
    private StageRestoreChange Apply(OutreachConnection connection, StageSnapshot snapshot, StageRestoreStep step, ref bool stopped)
    {
        int? id = null;
        try
        {
            id = _live.Run((http, cancellation) => new StageRestore(http, connection, snapshot).WriteStageAsync(step, cancellation));
            if (step.Action == StageRestoreAction.Recreate)
            {
                _live.Run((http, cancellation) => new StageRestore(http, connection, snapshot).MoveProspectsAsync(step, id.Value, cancellation));
            }

            return StageRestore.Result(step, StageRestoreResult.Done, id);
        }
        catch (StageMapException failure)
        {
            WriteError(ErrorRecords.From(failure, step.Stage));
            // A rejected stage (422) fails alone; a refused token, scope or rate limit fails every call alike.
            stopped = failure.ErrorId != ErrorIds.OutreachRequestRejected;
            return StageRestore.Result(step, StageRestoreResult.Failed, id, failure.Message);
        }
        finally
        {
            if (id is not null)
            {
                Record(step, id.Value);
            }
        }
    }

    private void Record(StageRestoreStep step, int outreachId)
    {
        try
        {
            if (!StageRestore.Record(TargetConfiguration, step, outreachId) && step.Action == StageRestoreAction.Recreate)
            {
                WriteWarning($"Stage '{step.Stage}' is in Outreach again (id {outreachId}), but not in the configuration, so the next Sync-OutreachStage -RemoveExtra would delete it again. New-OutreachStage -Name '{step.Stage.Replace("'", "''")}' (or Import-OutreachStage -Online -Merge) adds it.");
            }
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
        }
    }

    private void Finish(StageSnapshot snapshot)
    {
        try
        {
            StageRestore.Finish(snapshot, DateTimeOffset.UtcNow);
        }
        catch (StageMapException failure)
        {
            WriteWarning(failure.Message);
        }
    }

}
