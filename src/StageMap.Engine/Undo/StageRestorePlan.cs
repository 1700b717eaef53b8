using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;

namespace StageMap.Engine.Undo;

/// <summary>What Restore-OutreachStage does about one change of the sync.</summary>
public enum StageRestoreAction
{
    /// <summary>The sync deleted the stage: POST it again (a new id), then move its saved prospects back.</summary>
    Recreate,

    /// <summary>The sync renamed, reordered or recoloured the stage: PATCH back what it changed.</summary>
    Revert,
}

/// <summary>How one step of a restore ended.</summary>
public enum StageRestoreResult
{
    Done,

    /// <summary>Outreach already is as the snapshot saw it (a restore did it before): nothing to do.</summary>
    AlreadyRestored,

    /// <summary>The sync did not make this change (Outreach still has the stage as it was).</summary>
    Unchanged,

    /// <summary>Someone changed the stage since the sync (or deleted it): it is left as it is.</summary>
    Left,

    WhatIf,
    Declined,
    Failed,
    Skipped,
}

/// <summary>
/// One step of a restore, planned from the snapshot and Outreach's stages now (<see cref="StageRestorePlan.For"/>).
/// <see cref="Write"/> is the stage call to make (POST for a re-create, PATCH for a revert), null when
/// none is needed; <see cref="Pending"/> the saved prospects no restore has handled yet;
/// <see cref="InOutreachAfter"/> the stage as Outreach has it once the step is done (what the
/// configuration records); <see cref="Settled"/> the result when there is nothing to do at all.
/// </summary>
public sealed record StageRestoreStep(
    SnapshotChange Change,
    StageRestoreAction Action,
    string Stage,
    int? OutreachId,
    StageAttributes? Write,
    IReadOnlyList<int> Pending,
    StageAttributes? InOutreachAfter,
    string Details,
    StageRestoreResult? Settled)
{
    /// <summary>The stage's id when the snapshot was taken.</summary>
    public int StageId => Change.StageId;

    /// <summary>The stage's id in Outreach now, which every step but a re-create has before it runs.</summary>
    /// <exception cref="InvalidOperationException">A re-create not yet made.</exception>
    public int RequireOutreachId() => OutreachId ?? throw new InvalidOperationException($"The {Action} step of '{Stage}' has no Outreach stage yet.");
}

/// <summary>Restore-OutreachStage's output: one per change of the sync.</summary>
/// <param name="OutreachId">The stage's id in Outreach now (a re-created stage's new one).</param>
/// <param name="ProspectsMoved">Saved prospects back on the stage, by this restore and earlier ones.</param>
/// <param name="ProspectsLeft">Saved prospects someone moved to another stage since: left there.</param>
/// <param name="ProspectsGone">Saved prospects Outreach no longer has.</param>
public sealed record StageRestoreChange(
    StageRestoreAction Action, string Stage, int? OutreachId, StageRestoreResult Result,
    int ProspectsSaved, int ProspectsMoved, int ProspectsLeft, int ProspectsGone, string Details);

/// <summary>
/// Plans a restore: for each change the sync made (or may have made: its end was not recorded), what
/// Outreach needs now to be as the snapshot saw it. A change someone else made since is respected: an
/// attribute no longer as the sync left it is not reverted, and a prospect no longer on "No Stage" is not
/// moved. Reverts come first (a rename back may free a name), then re-creates.
/// </summary>
public static class StageRestorePlan
{
    /// <param name="stageNames">Only the changes to these stages (their name in the snapshot, or an update's new name; ignoring case); all when null.</param>
    /// <param name="unknown">A StageNotFound for each name no change of the snapshot is about.</param>
    public static IReadOnlyList<StageRestoreStep> For(StageSnapshot snapshot, IReadOnlyList<OutreachStageRecord> outreach, IReadOnlyCollection<string>? stageNames, out IReadOnlyList<StageMapException> unknown)
    {
        var changes = StageSnapshotInfo.Undoable(snapshot).ToList();
        if (stageNames is not null)
        {
            bool Named(SnapshotChange c, string name) =>
                StageNames.AreSame(snapshot.Stage(c.StageId).Name, name) || (c.After?.Name is { } after && StageNames.AreSame(after, name));
            unknown = stageNames.Where(n => !changes.Any(c => Named(c, n))).Select(n => Failures.SnapshotStageNotFound(n, snapshot.Path)).ToList();
            changes = changes.Where(c => stageNames.Any(n => Named(c, n))).ToList();
        }
        else
        {
            unknown = Array.Empty<StageMapException>();
        }

        var byId = OutreachStageRecord.ById(outreach);
        return changes.Where(c => c.Kind == SnapshotChangeKind.Update).Select(c => Revert(snapshot, c, byId))
            .Concat(changes.Where(c => c.Kind == SnapshotChangeKind.Delete).Select(c => Recreate(snapshot, c, outreach, byId)))
            .ToList();
    }

    private static StageRestoreStep Revert(StageSnapshot snapshot, SnapshotChange change, IReadOnlyDictionary<int, OutreachStageRecord> byId)
    {
        var before = snapshot.Stage(change.StageId);
        if (!byId.TryGetValue(change.StageId, out var now))
        {
            return new StageRestoreStep(change, StageRestoreAction.Revert, before.Name, null, null, Array.Empty<int>(), null,
                $"Outreach no longer has stage {change.StageId}: there is nothing to revert.", StageRestoreResult.Left);
        }

        var after = change.After ?? throw new InvalidOperationException($"The update of stage {change.StageId} in the snapshot records no values.");
        var (name, order, color) = ((string?)null, (int?)null, (string?)null);
        var done = new List<string>();
        var left = new List<string>();
        if (after.Name is not null)
        {
            Decide("name", $"'{now.Name}'", $"'{before.Name}'", string.Equals(now.Name, before.Name, StringComparison.Ordinal), string.Equals(now.Name, after.Name, StringComparison.Ordinal), () => name = before.Name, canRevert: true);
        }

        if (after.Order is not null)
        {
            Decide("order", Show(now.Order), Show(before.Order), now.Order == before.Order, now.Order == after.Order, () => order = before.Order, canRevert: before.Order is not null);
        }

        if (after.Color is not null)
        {
            Decide("color", now.Color ?? "none", before.Color ?? "none", string.Equals(now.Color, before.Color, StringComparison.OrdinalIgnoreCase), string.Equals(now.Color, after.Color, StringComparison.OrdinalIgnoreCase), () => color = before.Color, canRevert: before.Color is not null);
        }

        var write = new StageAttributes(name, order, color);
        var state = new StageAttributes(name ?? now.Name, order ?? now.Order, color ?? now.Color);
        var details = string.Join("; ", done.Concat(left));
        var settled = !write.IsEmpty ? (StageRestoreResult?)null : left.Count > 0 ? StageRestoreResult.Left : StageRestoreResult.AlreadyRestored;
        return new StageRestoreStep(change, StageRestoreAction.Revert, before.Name, change.StageId, write.IsEmpty ? null : write, Array.Empty<int>(), state,
            details.Length > 0 ? details : "Outreach has it as the snapshot saw it.", settled);

        void Decide(string what, string current, string was, bool isBefore, bool isAfter, Action revert, bool canRevert)
        {
            if (isBefore)
            {
                return;
            }

            if (isAfter && canRevert)
            {
                revert();
                done.Add($"{what} {current} -> {was}");
            }
            else
            {
                left.Add(isAfter
                    ? $"{what} left at {current}: Outreach had none, and a PATCH cannot take one away"
                    : $"{what} left at {current}: changed in Outreach since the sync");
            }
        }
    }

    private static StageRestoreStep Recreate(StageSnapshot snapshot, SnapshotChange change, IReadOnlyList<OutreachStageRecord> outreach, IReadOnlyDictionary<int, OutreachStageRecord> byId)
    {
        var stage = snapshot.Stage(change.StageId);
        var progress = change.Restore;
        var handled = progress?.HandledIds() ?? new HashSet<int>();
        var pending = change.Prospects.Where(id => !handled.Contains(id)).ToList();
        var state = new StageAttributes(stage.Name, stage.Order, stage.Color);
        if (byId.ContainsKey(change.StageId))
        {
            return new StageRestoreStep(change, StageRestoreAction.Recreate, stage.Name, change.StageId, null, Array.Empty<int>(), null,
                $"Outreach still has stage '{stage.Name}' (id {change.StageId}): the sync did not delete it.", StageRestoreResult.Unchanged);
        }

        int? id = progress?.NewId is { } made && byId.ContainsKey(made) ? made : null;
        var details = id is null ? "" : $"Re-created before as id {id}.";
        if (id is null && outreach.FirstOrDefault(o => o.Id is not null && StageNames.AreSame(o.Name, stage.Name)) is { } sameName)
        {
            id = sameName.Id;
            details = $"Outreach has a stage '{sameName.Name}' again (id {id}): it is taken as the stage.";
            state = new StageAttributes(sameName.Name, sameName.Order, sameName.Color);
        }

        var write = id is null ? new StageAttributes(stage.Name, stage.Order, stage.Color) : null;
        var settled = id is not null && pending.Count == 0 ? StageRestoreResult.AlreadyRestored : (StageRestoreResult?)null;
        var prospects = change.Prospects.Count == 0 ? "It held no prospect."
            : pending.Count == change.Prospects.Count ? $"Its {change.Prospects.Count} saved prospect(s) go back where they are still on \"No Stage\"."
            : pending.Count == 0 ? $"An earlier restore handled its {change.Prospects.Count} saved prospect(s)."
            : $"{pending.Count} of its {change.Prospects.Count} saved prospect(s) are still to check; an earlier restore handled the others.";
        return new StageRestoreStep(change, StageRestoreAction.Recreate, stage.Name, id, write, pending, state, $"{details} {prospects}".Trim(), settled);
    }

    private static string Show(int? order) => order?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
}
