using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StageMap.Engine.Undo;

/// <summary>Whether a snapshot's changes have been restored.</summary>
public enum RestoreState
{
    /// <summary>The sync changed no stage Outreach had (it only created stages): there is nothing to restore.</summary>
    NothingToDo,

    /// <summary>No restore has started.</summary>
    NotRestored,

    /// <summary>A restore started and did not finish (stopped, or limited to some stages): run it again.</summary>
    Pending,

    /// <summary>Every change is restored as far as it can be.</summary>
    Restored,
}

/// <summary>
/// Get-StageMapSnapshot's view of one snapshot: when it was taken, what the sync changed (the stages it
/// deleted, renamed, reordered and recoloured, each by the name Outreach had), the prospects it saved,
/// and how far a restore has come. The prospect ids stay in the file.
/// </summary>
public sealed class StageSnapshotInfo
{
    private StageSnapshotInfo(StageSnapshot snapshot)
    {
        Path = snapshot.Path;
        TakenAt = snapshot.TakenAt;
        Outreach = snapshot.Outreach.GetLeftPart(UriPartial.Authority);
        Configuration = snapshot.Configuration;
        var undoable = Undoable(snapshot).ToList();
        Deleted = undoable.Where(c => c.Kind == SnapshotChangeKind.Delete).Select(c => Named(snapshot, c, $"'{snapshot.Stage(c.StageId).Name}'")).ToList();
        var updates = undoable.Where(c => c.Kind == SnapshotChangeKind.Update).ToList();
        Renamed = updates.Where(c => c.After?.Name is not null).Select(c => Named(snapshot, c, $"'{snapshot.Stage(c.StageId).Name}' -> '{c.After?.Name}'")).ToList();
        Reordered = updates.Where(c => c.After?.Order is not null).Select(c => Named(snapshot, c, $"'{snapshot.Stage(c.StageId).Name}' {Show(snapshot.Stage(c.StageId).Order)} -> {c.After?.Order}")).ToList();
        Recoloured = updates.Where(c => c.After?.Color is not null).Select(c => Named(snapshot, c, $"'{snapshot.Stage(c.StageId).Name}' {snapshot.Stage(c.StageId).Color ?? "none"} -> {c.After?.Color}")).ToList();
        ProspectsSaved = undoable.Sum(c => c.Prospects.Count);
        ProspectsMoved = undoable.Sum(c => c.Restore?.Moved.Count ?? 0);
        ProspectsLeft = undoable.Sum(c => c.Restore?.Left.Count ?? 0);
        ProspectsGone = undoable.Sum(c => c.Restore?.Gone.Count ?? 0);
        Restore = undoable.Count == 0 ? RestoreState.NothingToDo
            : undoable.All(c => c.Restore?.Done == true) ? RestoreState.Restored
            : undoable.Any(c => c.Restore is not null) ? RestoreState.Pending
            : RestoreState.NotRestored;
        RestoredAt = snapshot.RestoredAt;
    }

    /// <summary>The snapshot's file: what Restore-OutreachStage -Snapshot takes.</summary>
    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    /// <summary>When the sync read Outreach's stages, just before its first write (UTC).</summary>
    public DateTimeOffset TakenAt { get; }

    /// <summary>The Outreach instance, as scheme, host and port.</summary>
    public string Outreach { get; }

    public string? Configuration { get; }

    /// <summary>The stages the sync deleted, by the name Outreach had ("(unconfirmed)" when the run stopped before it said).</summary>
    public IReadOnlyList<string> Deleted { get; }

    /// <summary>"'Replied' -> 'Replied (engaged)'".</summary>
    public IReadOnlyList<string> Renamed { get; }

    /// <summary>"'Replied' 3 -> 9".</summary>
    public IReadOnlyList<string> Reordered { get; }

    /// <summary>"'Replied' #3cc878 -> #112233".</summary>
    public IReadOnlyList<string> Recoloured { get; }

    /// <summary>The prospects on the deleted stages, whose ids the snapshot holds.</summary>
    public int ProspectsSaved { get; }

    public RestoreState Restore { get; }

    /// <summary>When a restore finished with everything restored.</summary>
    public DateTimeOffset? RestoredAt { get; }

    /// <summary>Saved prospects a restore put back on their stage.</summary>
    public int ProspectsMoved { get; }

    /// <summary>Saved prospects someone had moved to another stage since: a restore leaves them there.</summary>
    public int ProspectsLeft { get; }

    /// <summary>Saved prospects Outreach no longer has.</summary>
    public int ProspectsGone { get; }

    /// <summary>The changes in one line: "deleted 'Bad Data'; renamed 'Replied' -> 'Replied (engaged)'".</summary>
    public string Changes
    {
        get
        {
            var parts = new List<string>();
            void Add(string verb, IReadOnlyList<string> items)
            {
                if (items.Count > 0)
                {
                    parts.Add($"{verb} {string.Join(", ", items)}");
                }
            }

            Add("deleted", Deleted);
            Add("renamed", Renamed);
            Add("reordered", Reordered);
            Add("recoloured", Recoloured);
            return parts.Count == 0 ? "no stage Outreach had was changed" : string.Join("; ", parts);
        }
    }

    public static StageSnapshotInfo Of(StageSnapshot snapshot) => new(snapshot);

    /// <summary>
    /// The changes a restore has to look at: those the sync made, and those whose end the run did not
    /// record (it stopped): they may have been made.
    /// </summary>
    public static IEnumerable<SnapshotChange> Undoable(StageSnapshot snapshot) =>
        snapshot.Changes.Where(c => c.Result is SnapshotChangeResult.Done or SnapshotChangeResult.Planned);

    public override string ToString() => Path;

    private static string Named(StageSnapshot snapshot, SnapshotChange change, string text) =>
        change.Result == SnapshotChangeResult.Planned ? text + " (unconfirmed)" : text;

    private static string Show(int? order) => order?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
