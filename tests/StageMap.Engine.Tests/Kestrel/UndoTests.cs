using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Undo;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

/// <summary>
/// A sync's snapshot and the restore from it, against the loopback Outreach, step by step as the cmdlets
/// take them. The loopback starts with prospects 1001-1003 on Unresponsive (stage 4). Waits and pacing
/// go through a <see cref="ManualClock"/>: counted, never slept.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait(Support.Needs.Trait, Support.Needs.Kestrel)]
public sealed class UndoTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly LiveServerFixture _servers;
    private readonly RecordingLog _log = new();
    private readonly ManualClock _clock = new();
    private readonly TempDirectory _folder = new();
    private readonly StageMapConfiguration _configuration;

    public UndoTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
        _configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(_configuration, _folder.File("live-mapping.json"), force: false);
    }

    private OutreachServer Server => _servers.Outreach;

    private string Folder => SnapshotFolder.For(_configuration.Path!);

    public void Dispose() => _folder.Dispose();

    private LiveHttpClient Http(LivePolicy? policy = null) => new(_log, policy ?? LivePolicy.Paced, _clock);

    private IReadOnlyList<ReceivedCall> Writes() => Server.Recorder.Calls.Where(c => c.Writes).ToList();

    /// <summary>Sync-OutreachStage -RemoveExtra -Force as the cmdlet runs it: plan, snapshot, each write, its result.</summary>
    private async Task<StageSnapshot> SyncAsync(OutreachConnection? connection = null)
    {
        connection ??= _servers.OutreachWithToken();
        var client = new OutreachClient(Http(LivePolicy.Default), connection);
        var outreach = await client.ListStagesAsync(None);
        var steps = StageSync.Plan(_configuration.Stages, outreach.Stages, removeExtra: true);
        var snapshot = await SnapshotTaker.TakeAsync(client, connection.BaseUri, outreach.Stages, steps, Folder, _configuration.Path, _clock.UtcNow, None);
        var sync = new StageSync(client, snapshot);
        foreach (var step in steps.Where(s => s.Writes))
        {
            StageSync.Record(_configuration, step, await sync.ApplyAsync(step, force: true, None));
            SnapshotTaker.RecordResult(snapshot, step.OutreachId ?? 0, StageSyncResult.Done);
        }

        return snapshot;
    }

    /// <summary>Restore-OutreachStage -Confirm:$false as the cmdlet runs it, from the file.</summary>
    private async Task<List<StageRestoreChange>> RestoreAsync(string path, IReadOnlyCollection<string>? stages = null, OutreachConnection? connection = null)
    {
        connection ??= _servers.OutreachWithToken();
        var snapshot = SnapshotFile.Read(path);
        var http = Http();
        var restore = new StageRestore(http, connection, snapshot);
        var outreach = await new OutreachClient(http, connection).ListStagesAsync(None);
        var steps = StageRestorePlan.For(snapshot, outreach.Stages, stages, out _);
        await restore.CheckProspectScopesAsync(steps, None);
        var changes = new List<StageRestoreChange>();
        try
        {
            foreach (var step in steps)
            {
                if (step.Settled is { } settled)
                {
                    StageRestore.Settle(step);
                    changes.Add(StageRestore.Result(step, settled));
                    continue;
                }

                var id = await restore.WriteStageAsync(step, None);
                StageRestore.Record(_configuration, step, id);
                if (step.Action == StageRestoreAction.Recreate)
                {
                    await restore.MoveProspectsAsync(step, id, None);
                }

                changes.Add(StageRestore.Result(step, StageRestoreResult.Done, id));
            }
        }
        finally
        {
            StageRestore.Finish(snapshot, _clock.UtcNow);
        }

        return changes;
    }

    private void DeleteUnresponsiveFromTheConfiguration() => _configuration.RemoveStage("Unresponsive", force: true);

    [Fact]
    public async Task A_delete_of_a_stage_three_prospects_hold_then_a_restore_puts_the_stage_and_the_three_back()
    {
        DeleteUnresponsiveFromTheConfiguration();

        var snapshot = await SyncAsync();

        Assert.DoesNotContain(Server.Stages, s => s.Id == 4);
        Assert.Equal(new int?[] { null, null, null }, OutreachServer.SeededProspects.Select(p => Server.Prospects[p]));
        var saved = SnapshotFile.Read(snapshot.Path);
        Assert.Equal(new[] { 1001, 1002, 1003 }, saved.ChangeOf(4)!.Prospects);
        Assert.Equal(SnapshotChangeResult.Done, saved.ChangeOf(4)!.Result);
        Assert.Equal(6, saved.Stages.Count);

        var restored = await RestoreAsync(snapshot.Path);

        var change = Assert.Single(restored);
        Assert.Equal((StageRestoreAction.Recreate, "Unresponsive", StageRestoreResult.Done, 3, 3), (change.Action, change.Stage, change.Result, change.ProspectsSaved, change.ProspectsMoved));
        var recreated = Server.Stages.Single(s => s.Name == "Unresponsive");
        Assert.Equal((101, 4, "#9aa5b1"), (recreated.Id, recreated.Order, recreated.Color));
        Assert.All(OutreachServer.SeededProspects, p => Assert.Equal(101, Server.Prospects[p]));
        Assert.Equal(RestoreState.Restored, StageSnapshotInfo.Of(SnapshotFile.Read(snapshot.Path)).Restore);
        Assert.Contains(_log.Lines, l => l.StartsWith("progress: Moving the saved prospects of 'Unresponsive' back: 3 of 3: 3 moved back", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_restore_finds_nothing_to_do_and_writes_nothing()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        await RestoreAsync(snapshot.Path);
        Server.Recorder.Reset();

        var again = await RestoreAsync(snapshot.Path);

        Assert.Equal(StageRestoreResult.AlreadyRestored, Assert.Single(again).Result);
        Assert.Empty(Writes());
    }

    [Fact]
    public async Task A_restore_stopped_by_a_429_after_one_move_goes_on_without_moving_that_one_again()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        Server.Recorder.Reset();
        Server.Recorder.AddFault(new Fault("PATCH", "/api/v2/prospects/1002", 429, "{\"errors\":[{\"id\":\"rateLimitExceeded\",\"title\":\"Rate Limit Exceeded\"}]}", new Dictionary<string, string> { ["Retry-After"] = "3600" }, 1));

        var stopped = await Assert.ThrowsAsync<StageMapException>(() => RestoreAsync(snapshot.Path));

        Assert.Equal(ErrorIds.LiveRateLimited, stopped.ErrorId);
        var checkpoint = SnapshotFile.Read(snapshot.Path).ChangeOf(4)!.Restore!;
        Assert.Equal(101, checkpoint.NewId);
        Assert.Equal(new[] { 1001 }, checkpoint.Moved);
        Assert.Equal(RestoreState.Pending, StageSnapshotInfo.Of(SnapshotFile.Read(snapshot.Path)).Restore);
        Server.Recorder.Reset();

        var resumed = await RestoreAsync(snapshot.Path);

        Assert.Equal((StageRestoreResult.Done, 3), (resumed.Single().Result, resumed.Single().ProspectsMoved));
        // One PATCH that sets nothing (the scope check), then the two prospects not moved yet; no stage is created again.
        Assert.Equal(new[] { "PATCH /api/v2/prospects/1002", "PATCH /api/v2/prospects/1002", "PATCH /api/v2/prospects/1003" }, Writes().Select(c => $"{c.Method} {c.Path}"));
        Assert.Contains("\"relationships\"", Writes()[1].Body);
        Assert.DoesNotContain("relationships", Writes()[0].Body);
        Assert.All(OutreachServer.SeededProspects, p => Assert.Equal(101, Server.Prospects[p]));
        Assert.Single(Server.Stages, s => s.Name == "Unresponsive");
    }

    [Fact]
    public async Task A_prospect_someone_moved_elsewhere_in_between_is_left_there_and_counted()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        Server.MoveProspect(1002, 2);

        var change = Assert.Single(await RestoreAsync(snapshot.Path));

        Assert.Equal((2, 1), (change.ProspectsMoved, change.ProspectsLeft));
        Assert.Equal(2, Server.Prospects[1002]);
        Assert.DoesNotContain(Writes(), c => c.Path == "/api/v2/prospects/1002" && c.Body.Contains("relationships", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_prospects_write_the_restore_is_OutreachScopeMissing_before_any_write_and_changes_nothing()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        var before = File.ReadAllBytes(snapshot.Path);
        var stages = Server.Stages;
        Server.Recorder.Reset();
        Server.Hostility.Clear();
        await new HttpClientForControl(Server).DenyAsync("prospects.write");

        var failure = await Assert.ThrowsAsync<StageMapException>(() => RestoreAsync(snapshot.Path));

        Assert.Equal(ErrorIds.OutreachScopeMissing, failure.ErrorId);
        Assert.Contains("'prospects.write'", failure.Message);
        Assert.Equal(stages, Server.Stages);
        Assert.All(OutreachServer.SeededProspects, p => Assert.Null(Server.Prospects[p]));
        Assert.Equal(new[] { 403 }, Writes().Select(c => c.Status));
        Assert.Equal(before, File.ReadAllBytes(snapshot.Path));
    }

    [Fact]
    public async Task The_snapshot_file_and_every_line_the_run_wrote_hold_no_secret()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var connection = _servers.OutreachWithRefresh();

        var snapshot = await SyncAsync(connection);
        await RestoreAsync(snapshot.Path, connection: connection);

        foreach (var file in Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.All(LiveServerFixture.AllSecrets, secret => Assert.DoesNotContain(secret, text));
            Assert.DoesNotContain("Bearer", text);
        }

        Assert.All(LiveServerFixture.AllSecrets, secret => Assert.DoesNotContain(secret, string.Join("\n", _log.Lines)));
    }

    [Fact]
    public async Task The_restore_is_paced_under_Outreachs_hourly_limit_and_the_test_never_sleeps()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        _clock.Waits.Clear();
        Server.Recorder.Reset();

        await RestoreAsync(snapshot.Path);

        var requests = Server.Recorder.Calls.Count;
        Assert.Equal(requests - 1, _clock.Waits.Count);
        Assert.All(_clock.Waits, w => Assert.Equal(TimeSpan.FromMilliseconds(400), w));
        Assert.True(LivePolicy.Paced.RequestsPerHourAtMost < LivePolicy.OutreachRequestsPerHour);
        Assert.Contains(_log.Lines, l => l.StartsWith("Pacing: requests go at least 0.4 s apart, at most 9,000 an hour", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_snapshot_reads_every_page_of_a_stages_prospects_with_the_largest_page()
    {
        var ids = Server.SetProspects(6, 10);
        _configuration.RemoveStage("Bad Data");

        var snapshot = await SyncAsync();

        Assert.Equal(ids, snapshot.ChangeOf(6)!.Prospects);
        var reads = Server.Recorder.Calls.Where(c => c.Path.StartsWith("/api/v2/prospects?filter%5Bstage%5D", StringComparison.Ordinal) && c.Path.Contains("fields%5Bprospect%5D=id", StringComparison.Ordinal)).ToList();
        // Three pages of four (the loopback's page) for the snapshot, and the same again just before the delete.
        Assert.Equal(6, reads.Count);
        Assert.All(reads, c => Assert.Contains("page%5Bsize%5D=1000", c.Path));
        Assert.Contains("page%5Bafter%5D=", reads[1].Path);
    }

    [Fact]
    public async Task A_prospect_list_whose_next_link_loops_is_LivePagingLoop_and_nothing_is_written_anywhere()
    {
        DeleteUnresponsiveFromTheConfiguration();
        Server.Hostility.TurnOn(Hostile.ProspectNextLoop);

        var failure = await Assert.ThrowsAsync<StageMapException>(() => SyncAsync());

        Assert.Equal(ErrorIds.LivePagingLoop, failure.ErrorId);
        Assert.EndsWith("Sync-OutreachStage could not take the snapshot it takes before it writes, so nothing was written to Outreach.", failure.Message);
        Assert.Empty(Writes());
        Assert.Empty(SnapshotFolder.Files(Folder));
    }

    [Fact]
    public async Task Prospects_that_came_after_the_snapshot_are_read_again_before_the_delete()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var connection = _servers.OutreachWithToken();
        var client = new OutreachClient(Http(LivePolicy.Default), connection);
        var outreach = await client.ListStagesAsync(None);
        var steps = StageSync.Plan(_configuration.Stages, outreach.Stages, removeExtra: true);
        var snapshot = await SnapshotTaker.TakeAsync(client, connection.BaseUri, outreach.Stages, steps, Folder, _configuration.Path, _clock.UtcNow, None);
        Server.MoveProspect(1001, null);
        Server.MoveProspect(3001, 4);

        await new StageSync(client, snapshot).ApplyAsync(steps.Single(s => s.Action == StageSyncAction.Delete), force: true, None);

        Assert.Equal(new[] { 1002, 1003, 3001 }, SnapshotFile.Read(snapshot.Path).ChangeOf(4)!.Prospects);
    }

    [Fact]
    public async Task A_rename_and_reorder_are_reverted_and_the_configuration_records_what_Outreach_has()
    {
        _configuration.RecordStageInOutreach("Replied", 3);
        _configuration.UpdateStage("Replied", newName: "Replied (engaged)", order: 9);
        var snapshot = await SyncAsync();
        Assert.Equal(("Replied (engaged)", 9), (Server.Stages.Single(s => s.Id == 3).Name, Server.Stages.Single(s => s.Id == 3).Order));

        var change = Assert.Single(await RestoreAsync(snapshot.Path));

        Assert.Equal((StageRestoreAction.Revert, StageRestoreResult.Done, "name 'Replied (engaged)' -> 'Replied'; order 9 -> 3"), (change.Action, change.Result, change.Details));
        Assert.Equal(("Replied", 3), (Server.Stages.Single(s => s.Id == 3).Name, Server.Stages.Single(s => s.Id == 3).Order));
        var stage = _configuration.GetStage("Replied (engaged)");
        Assert.Equal((3, new OutreachStageState("Replied", 3, "#3cc878")), (stage.Id, stage.Outreach));
        Assert.True(stage.DiffersFromOutreach);
    }

    [Fact]
    public async Task A_value_someone_changed_since_the_sync_is_left_and_said()
    {
        _configuration.RecordStageInOutreach("Replied", 3);
        _configuration.UpdateStage("Replied", newName: "Replied (engaged)", order: 9);
        var snapshot = await SyncAsync();
        await new OutreachClient(Http(LivePolicy.Default), _servers.OutreachWithToken()).UpdateStageAsync(3, new StageAttributes("Engaged", null, null), None);

        var change = Assert.Single(await RestoreAsync(snapshot.Path));

        Assert.Equal("order 9 -> 3; name left at 'Engaged': changed in Outreach since the sync", change.Details);
        Assert.Equal(("Engaged", 3), (Server.Stages.Single(s => s.Id == 3).Name, Server.Stages.Single(s => s.Id == 3).Order));
    }

    [Fact]
    public async Task A_re_created_stage_takes_its_new_id_in_a_configuration_that_has_it_again()
    {
        _configuration.RecordStageInOutreach("Unresponsive", 4);
        _configuration.AddLeadStatusMapping("Closed - Not Converted", "Unresponsive");
        var before = _configuration.GetContent();
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        // The admin takes the configuration back (git checkout), then restores Outreach.
        var restoredConfiguration = new StageMapConfiguration(before);

        var snapshotRead = SnapshotFile.Read(snapshot.Path);
        var http = Http();
        var outreach = await new OutreachClient(http, _servers.OutreachWithToken()).ListStagesAsync(None);
        var step = StageRestorePlan.For(snapshotRead, outreach.Stages, null, out _).Single();
        var id = await new StageRestore(http, _servers.OutreachWithToken(), snapshotRead).WriteStageAsync(step, None);

        Assert.True(StageRestore.Record(restoredConfiguration, step, id));
        Assert.Equal(101, restoredConfiguration.GetStage("Unresponsive").Id);
        Assert.Equal(101, restoredConfiguration.LeadStatusMappings.Single().StageId);
        Assert.False(StageRestore.Record(_configuration, step, id));
    }

    [Fact]
    public async Task A_stage_someone_made_again_by_name_takes_the_prospects_and_none_is_created()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        var again = await new OutreachClient(Http(LivePolicy.Default), _servers.OutreachWithToken()).CreateStageAsync(new StageAttributes("unresponsive", 12, null), None);
        Server.Recorder.Reset();

        var change = Assert.Single(await RestoreAsync(snapshot.Path));

        Assert.Equal((again, 3), (change.OutreachId!.Value, change.ProspectsMoved));
        Assert.DoesNotContain(Writes(), c => c.Method == "POST");
        Assert.StartsWith("Outreach has a stage 'unresponsive' again", change.Details);
    }

    [Fact]
    public async Task Stage_limits_the_restore_and_an_unknown_name_is_StageNotFound()
    {
        _configuration.RecordStageInOutreach("Replied", 3);
        _configuration.UpdateStage("Replied", newName: "Replied (engaged)");
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        var outreach = await new OutreachClient(Http(LivePolicy.Default), _servers.OutreachWithToken()).ListStagesAsync(None);

        var steps = StageRestorePlan.For(snapshot, outreach.Stages, new[] { "replied (ENGAGED)", "Nurturing" }, out var unknown);

        Assert.Equal("Replied", Assert.Single(steps).Stage);
        var failure = Assert.Single(unknown);
        Assert.Equal((ErrorIds.StageNotFound, "Nurturing"), (failure.ErrorId, failure.Target));
        Assert.Equal(RestoreState.Pending, StageSnapshotInfo.Of(await RestoreAndRead(snapshot.Path, "Replied")).Restore);
    }

    [Fact]
    public async Task A_snapshot_of_another_Outreach_is_refused()
    {
        DeleteUnresponsiveFromTheConfiguration();
        var snapshot = await SyncAsync();
        var elsewhere = OutreachConnection.FromToken(new Uri("https://api.outreach.io"), LiveServerFixture.Secure(OutreachServer.FirstAccessToken));

        var failure = Assert.Throws<StageMapException>(() => StageRestore.RequireSameInstance(snapshot, elsewhere));

        Assert.Equal(ErrorIds.SnapshotOfAnotherInstance, failure.ErrorId);
    }

    private async Task<StageSnapshot> RestoreAndRead(string path, string stage)
    {
        await RestoreAsync(path, new[] { stage });
        return SnapshotFile.Read(path);
    }

    /// <summary>The loopback server's control calls, as the Pester suites make them.</summary>
    private sealed class HttpClientForControl
    {
        private readonly OutreachServer _server;

        public HttpClientForControl(OutreachServer server) => _server = server;

        public async Task DenyAsync(string scope)
        {
            using var http = new System.Net.Http.HttpClient();
            (await http.PostAsync(new Uri(_server.BaseUri, $"_deny?scope={scope}"), null)).EnsureSuccessStatusCode();
        }
    }
}
