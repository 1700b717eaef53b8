using System;

namespace StageMap.Engine;

// Undo: the snapshot a writing Sync-OutreachStage takes before its first write, and the restore from it.
internal static partial class Failures
{
    /// <param name="forListing">True for Get-StageMapSnapshot (which lists a folder), false for the sync (which writes one).</param>
    public static StageMapException SnapshotPathRequired(bool forListing) => new(
        ErrorIds.SnapshotPathRequired, FailureCategory.InvalidOperation, null,
        forListing
            ? "The configuration is not saved in a file, so it has no snapshot folder beside it. Give -Path, the folder (or file) of the snapshots."
            : Sentences.Join(
                "The configuration is not saved in a file, so Sync-OutreachStage has no folder beside it for the snapshot of Outreach's stages it takes before it writes, and nothing was written to Outreach",
                "Give -SnapshotPath <folder>, or work on a configuration file (New-StageMapConfiguration -Path ./m.json, or Export-StageMapConfiguration then Import-StageMapConfiguration)."));

    /// <param name="consequence">What it means for Outreach: "Nothing was written to Outreach."</param>
    public static StageMapException SnapshotWriteFailed(string path, Exception inner, string consequence) => new(
        ErrorIds.SnapshotWriteFailed, FailureCategory.WriteError, path,
        Sentences.Join($"Could not write the snapshot '{path}': {inner.Message}", consequence), inner);

    public static StageMapException SnapshotNotFound(string path) => new(
        ErrorIds.SnapshotNotFound, FailureCategory.ObjectNotFound, path,
        $"There is no snapshot at '{path}'. Get-StageMapSnapshot lists the snapshots beside the configuration, newest first.");

    public static StageMapException InvalidSnapshotFile(string path, string problem, Exception? inner = null) => new(
        ErrorIds.InvalidSnapshotFile, FailureCategory.InvalidData, path,
        Sentences.Join($"'{path}' is not a StageMap snapshot: {problem}"), inner);

    public static StageMapException SnapshotOfAnotherInstance(string path, Uri snapshotOf, Uri connectedTo) => new(
        ErrorIds.SnapshotOfAnotherInstance, FailureCategory.InvalidOperation, path,
        $"The snapshot '{path}' was taken of the Outreach at {snapshotOf.GetLeftPart(UriPartial.Authority)}, and the connection is to {connectedTo.GetLeftPart(UriPartial.Authority)}, so nothing was restored. Connect to the Outreach the snapshot was taken of (Connect-Outreach -BaseUri {snapshotOf.GetLeftPart(UriPartial.Authority)}), or pass that connection with -Connection.");

    public static StageMapException SnapshotStageNotFound(string name, string path) => new(
        ErrorIds.StageNotFound, FailureCategory.ObjectNotFound, name,
        $"The snapshot '{path}' has no change to a stage named '{name}'. Get-StageMapSnapshot lists the stages each sync deleted, renamed, reordered or recoloured.");

    /// <summary>A read the snapshot needed failed: the sync stops before its first write.</summary>
    public static StageMapException SnapshotNotTaken(StageMapException failure) => new(
        failure.ErrorId, failure.Category, failure.Target,
        Sentences.Join(failure.Message, "Sync-OutreachStage could not take the snapshot it takes before it writes, so nothing was written to Outreach."),
        failure.InnerException);
}
