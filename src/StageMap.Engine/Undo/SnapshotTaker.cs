using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;

namespace StageMap.Engine.Undo;

/// <summary>
/// The snapshot a writing Sync-OutreachStage takes before its first write: Outreach's stages as the
/// sync read them, the deletes and updates it plans, and for each delete the ids of the prospects on
/// that stage (read through the client, with its page, loop and size checks). Written before the first
/// write, or the sync writes nothing.
/// </summary>
public static class SnapshotTaker
{
    /// <summary>What a failed snapshot means for Outreach: the sync stops before its first write.</summary>
    public const string NothingWritten = "Nothing was written to Outreach.";

    /// <param name="outreach">Outreach's stages, as the sync read them.</param>
    /// <param name="steps">The sync's plan.</param>
    /// <param name="folder">Where the snapshot goes (<see cref="SnapshotFolder.Resolve"/>).</param>
    /// <exception cref="StageMapException">A read's failure or SnapshotWriteFailed, saying nothing was written to Outreach.</exception>
    public static async Task<StageSnapshot> TakeAsync(
        OutreachClient client, Uri instance, IReadOnlyList<OutreachStageRecord> outreach, IReadOnlyList<StageSyncStep> steps,
        string folder, string? configuration, DateTimeOffset now, CancellationToken cancellation)
    {
        var changes = new List<SnapshotChange>();
        var saved = 0;
        try
        {
            foreach (var step in steps.Where(s => s.Action is StageSyncAction.Delete or StageSyncAction.Update))
            {
                var id = step.RequireOutreachId();
                if (step.Action == StageSyncAction.Update)
                {
                    changes.Add(new SnapshotChange(SnapshotChangeKind.Update, id, step.Attributes, Array.Empty<int>()));
                    continue;
                }

                var prospects = await client.ListProspectIdsAsync(id, StageSnapshot.MaxSavedProspects - saved, cancellation).ConfigureAwait(false);
                saved += prospects.Count;
                changes.Add(new SnapshotChange(SnapshotChangeKind.Delete, id, null, prospects));
            }
        }
        catch (StageMapException failure)
        {
            throw Failures.SnapshotNotTaken(failure);
        }

        var stages = new List<SnapshotStage>();
        foreach (var stage in outreach)
        {
            if (stage.Id is { } id)
            {
                stages.Add(new SnapshotStage(id, stage.Name, stage.Order, stage.Color));
            }
        }

        var snapshot = new StageSnapshot(SnapshotFolder.NewFile(folder, now), now, instance, configuration, stages, changes);
        SnapshotFile.Save(snapshot, NothingWritten);
        return snapshot;
    }

    /// <summary>
    /// Just before a delete: the prospects on the stage are read again (prompts and the calls before may
    /// have taken a while, and prospects come and go), and the snapshot is rewritten when they changed,
    /// so it holds who is on the stage when it goes. Nothing is read when the count the delete read and
    /// the ids saved both say none.
    /// </summary>
    /// <exception cref="StageMapException">The read's failure, or SnapshotWriteFailed: the stage is not deleted.</exception>
    public static async Task KeepProspectsCurrentAsync(StageSnapshot snapshot, OutreachClient client, int stageId, long count, CancellationToken cancellation)
    {
        if (snapshot.ChangeOf(stageId) is not { Kind: SnapshotChangeKind.Delete } change || (count == 0 && change.Prospects.Count == 0))
        {
            return;
        }

        var room = StageSnapshot.MaxSavedProspects - (snapshot.SavedProspects - change.Prospects.Count);
        var now = await client.ListProspectIdsAsync(stageId, room, cancellation).ConfigureAwait(false);
        if (!now.SequenceEqual(change.Prospects))
        {
            change.Prospects = now;
            SnapshotFile.Save(snapshot, $"Stage {stageId} was not deleted.");
        }
    }

    /// <summary>Records how the sync's step on a stage ended.</summary>
    /// <exception cref="StageMapException">SnapshotWriteFailed (the snapshot still holds the stages as they were).</exception>
    public static void RecordResult(StageSnapshot snapshot, int stageId, StageSyncResult result)
    {
        if (snapshot.ChangeOf(stageId) is not { } change)
        {
            return;
        }

        change.Result = result switch
        {
            StageSyncResult.Done => SnapshotChangeResult.Done,
            StageSyncResult.Declined => SnapshotChangeResult.Declined,
            StageSyncResult.Refused => SnapshotChangeResult.Refused,
            StageSyncResult.Skipped => SnapshotChangeResult.Skipped,
            StageSyncResult.Failed => SnapshotChangeResult.Failed,
            _ => change.Result,
        };
        SnapshotFile.Save(snapshot, "Outreach was changed as the sync says; the snapshot still holds the stages as they were before, so Restore-OutreachStage can undo it.");
    }
}
