using System;
using System.IO;
using System.Linq;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Undo;
using Xunit;

namespace StageMap.Engine.Tests.Undo;

/// <summary>A snapshot's file: written atomically and privately, read back as it was, refused when it is not one.</summary>
public sealed class SnapshotFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private StageSnapshot Snapshot(string? folder = null) => new(
        SnapshotFolder.NewFile(folder ?? _folder.Path, new DateTimeOffset(2026, 12, 1, 10, 15, 30, 123, TimeSpan.Zero)),
        new DateTimeOffset(2026, 12, 1, 10, 15, 30, 123, TimeSpan.Zero),
        new Uri("https://api.outreach.io/"),
        "/home/admin/live-mapping.json",
        new[] { new SnapshotStage(3, "Replied", 3, "#3cc878"), new SnapshotStage(4, "Unresponsive", 4, null) },
        new[]
        {
            new SnapshotChange(SnapshotChangeKind.Update, 3, new StageAttributes("Replied (engaged)", 9, null), Array.Empty<int>()) { Result = SnapshotChangeResult.Done },
            new SnapshotChange(SnapshotChangeKind.Delete, 4, null, new[] { 1001, 1002, 1003 }),
        });

    private string Write(string json)
    {
        var path = _folder.File("hand-made.json");
        File.WriteAllText(path, json);
        return path;
    }

    private const string Valid = """
        {"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://api.outreach.io","stages":[{"id":4,"name":"Unresponsive","order":4}],
         "changes":[{"action":"Delete","stageId":4,"result":"Done","prospects":[1001,1002]}]}
        """;

    [Fact]
    public void A_snapshot_reads_back_as_it_was_written_with_its_restore_progress()
    {
        var snapshot = Snapshot();
        snapshot.Changes[1].Restore = new RestoreProgress { NewId = 101 };
        snapshot.Changes[1].Restore!.Moved.Add(1001);
        snapshot.Changes[1].Restore!.Left.Add(1003);
        snapshot.RestoredAt = snapshot.TakenAt.AddMinutes(5);

        SnapshotFile.Save(snapshot, "");
        var read = SnapshotFile.Read(snapshot.Path);

        Assert.Equal(Path.Combine(_folder.Path, "2026-12-01T101530.123Z.json"), read.Path);
        Assert.Equal((snapshot.TakenAt, new Uri("https://api.outreach.io/"), "/home/admin/live-mapping.json", snapshot.RestoredAt), (read.TakenAt, read.Outreach, read.Configuration, read.RestoredAt));
        Assert.Equal(snapshot.Stages, read.Stages);
        Assert.Equal(new StageAttributes("Replied (engaged)", 9, null), read.Changes[0].After);
        Assert.Equal(SnapshotChangeResult.Done, read.Changes[0].Result);
        Assert.Equal(new[] { 1001, 1002, 1003 }, read.Changes[1].Prospects);
        Assert.Equal(101, read.Changes[1].Restore!.NewId);
        Assert.Equal(new[] { 1001 }, read.Changes[1].Restore!.Moved);
        Assert.Equal(new[] { 1003 }, read.Changes[1].Restore!.Left);
        Assert.Contains("\"prospects\": [1001,1002,1003]", File.ReadAllText(snapshot.Path));
    }

#if NET
    // File modes are .NET's Unix file API (PowerShell 7 on Linux and macOS).
    [Fact]
    [Trait(Needs.Trait, Needs.DotNetOnUnix)]
    public void A_new_snapshot_and_its_folder_are_its_owners_only_and_a_rewrite_keeps_the_mode_chosen()
    {
        var folder = Path.Combine(_folder.Path, "live-mapping.snapshots");
        var snapshot = Snapshot(folder);

        SnapshotFile.Save(snapshot, "");

        Assert.Equal(new[] { snapshot.Path }, SnapshotFolder.Files(folder));
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(snapshot.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        File.SetUnixFileMode(snapshot.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        SnapshotFile.Save(snapshot, "");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(snapshot.Path));
    }
#endif

    [Fact]
    public void Two_snapshots_of_the_same_millisecond_get_two_files()
    {
        var first = Snapshot();
        SnapshotFile.Save(first, "");

        var second = SnapshotFolder.NewFile(_folder.Path, first.TakenAt);

        Assert.Equal(Path.Combine(_folder.Path, "2026-12-01T101530.123Z-2.json"), second);
    }

    [Fact]
    public void The_default_folder_is_beside_the_configuration_named_after_it()
    {
        Assert.Equal(Path.Combine(_folder.Path, "live-mapping.snapshots"), SnapshotFolder.For(_folder.File("live-mapping.json")));
        Assert.Equal(_folder.File("given"), SnapshotFolder.Resolve(_folder.File("given"), null, forListing: false));
        var failure = Assert.Throws<StageMapException>(() => SnapshotFolder.Resolve(null, null, forListing: false));
        Assert.Equal(ErrorIds.SnapshotPathRequired, failure.ErrorId);
        Assert.Contains("nothing was written to Outreach", failure.Message);
    }

    [Theory]
    [InlineData("""{"schemaVersion":2,"takenAt":"x","outreach":"y","stages":[],"changes":[]}""", "written by a newer StageMap")]
    [InlineData("""{"schemaVersion":1,"takenAt":"yesterday","outreach":"https://api.outreach.io","stages":[],"changes":[]}""", "takenAt must be a UTC time")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"ftp://x","stages":[],"changes":[]}""", "outreach must be the address")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":0,"name":"x"}],"changes":[]}""", "whole numbers above zero")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[],"changes":[{"action":"Delete","stageId":4,"result":"Done","prospects":[]}]}""", "which the snapshot's stages do not list")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":4,"name":"x"}],"changes":[{"action":"Delete","stageId":4,"result":"Done","prospects":[7,7]}]}""", "distinct ids above zero")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":4,"name":"x"}],"changes":[{"action":"Delete","stageId":4,"result":"Done","prospects":[7],"restore":{"moved":[8],"left":[],"gone":[]}}]}""", "one the stage did not hold")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":4,"name":"x"}],"changes":[{"action":"Update","stageId":4,"result":"Done"}]}""", "says which new name")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":4,"name":"x","token":"abc"}],"changes":[]}""", "'token' is not a property")]
    [InlineData("""{"schemaVersion":1,"takenAt":"2026-12-01T10:15:30.123Z","outreach":"https://a.b","stages":[{"id":4,"name":"x"}],"changes":[{"action":"Delete","stageId":4,"result":"Done","prospects":[6.5]}]}""", "must be a whole number")]
    public void A_file_that_is_not_a_snapshot_is_InvalidSnapshotFile_saying_why(string json, string why)
    {
        var failure = Assert.Throws<StageMapException>(() => SnapshotFile.Read(Write(json)));

        Assert.Equal(ErrorIds.InvalidSnapshotFile, failure.ErrorId);
        Assert.Contains(why, failure.Message);
    }

    [Fact]
    public void A_hand_made_snapshot_reads_and_a_missing_one_is_SnapshotNotFound()
    {
        Assert.Equal(new[] { 1001, 1002 }, SnapshotFile.Read(Write(Valid)).Changes.Single().Prospects);
        Assert.Equal(ErrorIds.SnapshotNotFound, Assert.Throws<StageMapException>(() => SnapshotFile.Read(_folder.File("none.json"))).ErrorId);
    }

    [Fact]
    public void What_a_snapshot_says_in_a_listing()
    {
        var info = StageSnapshotInfo.Of(Snapshot());

        Assert.Equal(new[] { "'Unresponsive' (unconfirmed)" }, info.Deleted);
        Assert.Equal(new[] { "'Replied' -> 'Replied (engaged)'" }, info.Renamed);
        Assert.Equal(new[] { "'Replied' 3 -> 9" }, info.Reordered);
        Assert.Equal((3, RestoreState.NotRestored), (info.ProspectsSaved, info.Restore));
        Assert.Equal("deleted 'Unresponsive' (unconfirmed); renamed 'Replied' -> 'Replied (engaged)'; reordered 'Replied' 3 -> 9", info.Changes);
    }

    [Fact]
    public void A_sync_that_only_created_stages_has_nothing_to_restore_and_a_declined_delete_is_not_listed()
    {
        var snapshot = Snapshot();
        snapshot.Changes[0].Result = SnapshotChangeResult.Failed;
        snapshot.Changes[1].Result = SnapshotChangeResult.Declined;

        var info = StageSnapshotInfo.Of(snapshot);

        Assert.Equal((RestoreState.NothingToDo, 0), (info.Restore, info.ProspectsSaved));
        Assert.Equal("no stage Outreach had was changed", info.Changes);
    }
}
