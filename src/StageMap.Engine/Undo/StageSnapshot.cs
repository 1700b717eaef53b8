using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live.Outreach;

namespace StageMap.Engine.Undo;

/// <summary>
/// What a writing Sync-OutreachStage saw before its first write, and what a restore has done since:
/// Outreach's stages as it listed them, the changes the run planned to stages Outreach had (each
/// delete with the ids of the prospects on that stage), how each ended, and the restore's progress.
/// It holds no token and no prospect data but ids. It lives in one file (<see cref="SnapshotFile"/>),
/// rewritten atomically at each checkpoint.
/// </summary>
public sealed class StageSnapshot : IStageDeleteRecorder
{
    /// <summary>
    /// The most prospect ids one snapshot saves. Each id is one JSON token of the file, and the restore's
    /// progress may list each once more: both stay well within the limits every StageMap reader holds a
    /// file to (1,000,000 tokens, 16 MiB), so a saved snapshot always reads back.
    /// </summary>
    public const int MaxSavedProspects = 400_000;

    public StageSnapshot(string path, DateTimeOffset takenAt, Uri outreach, string? configuration, IReadOnlyList<SnapshotStage> stages, IReadOnlyList<SnapshotChange> changes)
    {
        Path = path;
        TakenAt = takenAt;
        Outreach = outreach;
        Configuration = configuration;
        Stages = stages;
        Changes = changes;
    }

    /// <summary>The snapshot's file.</summary>
    public string Path { get; }

    /// <summary>When the stages were read (UTC).</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The Outreach instance (its base address) the stages were read from.</summary>
    public Uri Outreach { get; }

    /// <summary>The configuration file the sync ran on, when it had one.</summary>
    public string? Configuration { get; }

    /// <summary>Outreach's stages as listed before the first write.</summary>
    public IReadOnlyList<SnapshotStage> Stages { get; }

    /// <summary>The deletes and updates the run planned, in its order (creates change nothing there was).</summary>
    public IReadOnlyList<SnapshotChange> Changes { get; }

    /// <summary>When a restore last finished with every change restored; null until then.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    public int SavedProspects => Changes.Sum(c => c.Prospects.Count);

    public SnapshotStage Stage(int id) => Stages.First(s => s.Id == id);

    /// <summary>The planned change to stage <paramref name="stageId"/>, if the run planned one.</summary>
    public SnapshotChange? ChangeOf(int stageId) => Changes.FirstOrDefault(c => c.StageId == stageId);

    /// <summary>Before the sync deletes a stage, the prospects saved for it are made current (<see cref="SnapshotTaker.KeepProspectsCurrentAsync"/>).</summary>
    Task IStageDeleteRecorder.BeforeDeleteAsync(OutreachClient client, int stageId, long prospects, CancellationToken cancellation) =>
        SnapshotTaker.KeepProspectsCurrentAsync(this, client, stageId, prospects, cancellation);
}

/// <summary>One stage as Outreach listed it.</summary>
public sealed record SnapshotStage(int Id, string Name, int? Order, string? Color);

public enum SnapshotChangeKind
{
    /// <summary>DELETE /stages/{id}: its prospects went to "No Stage".</summary>
    Delete,

    /// <summary>PATCH /stages/{id}: a rename, reorder or recolour.</summary>
    Update,
}

/// <summary>How the sync's step ended, as far as the snapshot knows: Planned until the run says.</summary>
public enum SnapshotChangeResult
{
    Planned,
    Done,
    Declined,
    Refused,
    Failed,
    Skipped,
}

/// <summary>A change the run planned to a stage Outreach had, and what a restore has done about it.</summary>
public sealed class SnapshotChange
{
    public SnapshotChange(SnapshotChangeKind kind, int stageId, StageAttributes? after, IReadOnlyList<int> prospects)
    {
        Kind = kind;
        StageId = stageId;
        After = after;
        Prospects = prospects;
    }

    public SnapshotChangeKind Kind { get; }

    /// <summary>The stage's Outreach id when the snapshot was taken.</summary>
    public int StageId { get; }

    /// <summary>An update's new values: only what it changed (the rest is null).</summary>
    public StageAttributes? After { get; }

    /// <summary>A delete's saved prospects: the ids on the stage just before it was deleted.</summary>
    public IReadOnlyList<int> Prospects { get; set; }

    public SnapshotChangeResult Result { get; set; } = SnapshotChangeResult.Planned;

    /// <summary>What restores have done so far; null until one started on this change.</summary>
    public RestoreProgress? Restore { get; set; }
}

/// <summary>
/// A restore's checkpoint for one change: the stage it re-created, and each saved prospect it handled
/// (moved back, left where someone else put it, or gone from Outreach). A prospect listed here is never
/// moved again.
/// </summary>
public sealed class RestoreProgress
{
    /// <summary>The re-created stage's new id (or the id of the stage of that name found in Outreach).</summary>
    public int? NewId { get; set; }

    public List<int> Moved { get; } = new();

    public List<int> Left { get; } = new();

    public List<int> Gone { get; } = new();

    /// <summary>True once the change is restored as far as it can be: nothing is left to do.</summary>
    public bool Done { get; set; }

    public int Handled => Moved.Count + Left.Count + Gone.Count;

    public HashSet<int> HandledIds() => new(Moved.Concat(Left).Concat(Gone));
}
