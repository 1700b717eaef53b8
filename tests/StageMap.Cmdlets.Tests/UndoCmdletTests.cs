using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StageMap.Cmdlets.Tests.Support;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Sync-OutreachStage's snapshot, Get-StageMapSnapshot and Restore-OutreachStage in a PowerShell session, against the loopback Outreach.</summary>
public sealed class UndoCmdletTests : IAsyncLifetime, IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();
    private LoopbackSystems _servers = null!;

    public async Task InitializeAsync() => _servers = await LoopbackSystems.StartAsync(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures"));

    public async Task DisposeAsync()
    {
        await _servers.DisposeAsync();
        _session.Dispose();
    }

    private OutreachServer Outreach => _servers.Outreach;

    private string Connect => $"Connect-Outreach -AccessToken (ConvertTo-SecureString '{OutreachServer.FirstAccessToken}' -AsPlainText -Force) -BaseUri '{Outreach.BaseUri}' | Out-Null";

    /// <summary>A configuration file without Unresponsive, synced with -RemoveExtra -Force: the stage and its three prospects are gone.</summary>
    private void SyncDeletingUnresponsive(string file = "m.json") => _session.Run($"""
        New-StageMapConfiguration -Path ./{file} | Out-Null
        Remove-OutreachStage -Name Unresponsive
        {Connect}
        Sync-OutreachStage -RemoveExtra -Force -Confirm:$false | Out-Null
        """).AssertNoErrors();

    [Fact]
    public void A_writing_sync_of_a_configuration_without_a_file_is_refused_before_anything_is_written_unless_given_SnapshotPath()
    {
        var refused = _session.Run($"""
            New-StageMapConfiguration | Out-Null
            New-OutreachStage -Name Nurturing | Out-Null
            {Connect}
            Sync-OutreachStage
            """);

        Assert.Equal(new[] { "SnapshotPathRequired" }, refused.ErrorIds);
        Assert.DoesNotContain(Outreach.Recorder.Calls, c => c.Writes);

        var synced = _session.Run("Sync-OutreachStage -SnapshotPath ./snapshots | Where-Object Action -EQ Create | ForEach-Object { $_.Result; $_.Snapshot }").AssertNoErrors();

        Assert.Equal("Done", synced.Output[0].ToString());
        Assert.StartsWith(_session.File("snapshots"), synced.Output[1].ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(synced.Output[1].ToString()));
    }

    [Fact]
    public void WhatIf_and_a_sync_with_nothing_to_write_take_no_snapshot()
    {
        _session.Run($"""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Remove-OutreachStage -Name Unresponsive
            {Connect}
            Sync-OutreachStage -RemoveExtra -Force -WhatIf | Out-Null
            Sync-OutreachStage | Out-Null
            """).AssertNoErrors();

        Assert.False(Directory.Exists(_session.File("m.snapshots")));
    }

    [Fact]
    public void The_sync_says_where_its_snapshot_is_and_every_output_object_carries_it()
    {
        var result = _session.Run($"""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Remove-OutreachStage -Name Unresponsive
            {Connect}
            $changes = Sync-OutreachStage -RemoveExtra -Force -Confirm:$false -InformationVariable said
            "$said"
            @($changes.Snapshot | Sort-Object -Unique)
            """).AssertNoErrors();

        var path = Assert.Single(Directory.GetFiles(_session.File("m.snapshots"), "*.json"));
        Assert.Equal($"Snapshot of Outreach's stages before this sync: {path} (3 prospect(s) saved). Restore-OutreachStage -Snapshot '{path}' puts them back.", result.Output[0].ToString());
        Assert.Equal(path, result.Output[1].ToString());
    }

    [Fact]
    public void Get_StageMapSnapshot_lists_newest_first_by_default_by_path_and_from_the_pipeline_and_reports_a_bad_file_going_on()
    {
        SyncDeletingUnresponsive();
        _session.Run("Set-OutreachStage -Name Replied -NewName 'Replied (engaged)'; Sync-OutreachStage | Out-Null").AssertNoErrors();
        File.WriteAllText(_session.File("m.snapshots/notes.json"), "{\"not\":\"a snapshot\"}");

        var listed = _session.Run("""
            (Get-StageMapSnapshot -ErrorAction SilentlyContinue).Changes
            @(Get-StageMapSnapshot -Path ./m.snapshots -ErrorVariable bad -ErrorAction SilentlyContinue).Count
            $bad.FullyQualifiedErrorId
            @(Get-ChildItem ./m.snapshots -Filter 20*.json | Get-StageMapSnapshot).Count
            @(Get-StageMapSnapshot -LiteralPath (Get-StageMapSnapshot -ErrorAction SilentlyContinue)[1].Path).Restore
            """);

        Assert.Equal(new[] { "renamed 'Replied' -> 'Replied (engaged)'", "deleted 'Unresponsive'" }, listed.Output.Take(2).Select(o => o.ToString()));
        Assert.Equal("2", listed.Output[2].ToString());
        Assert.Equal("InvalidSnapshotFile,StageMap.Cmdlets.Undo.GetStageMapSnapshotCommand", listed.Output[3].ToString());
        Assert.Equal("2", listed.Output[4].ToString());
        Assert.Equal("NotRestored", listed.Output[5].ToString());
    }

    [Fact]
    public void Restore_puts_back_the_stage_and_its_prospects_then_changes_nothing_and_says_so()
    {
        SyncDeletingUnresponsive();

        var result = _session.Run("""
            $first = Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -WarningVariable warned -WarningAction SilentlyContinue
            "$($first.Result) $($first.OutreachId) $($first.ProspectsMoved)"
            "$warned"
            $second = Get-StageMapSnapshot | Select-Object -First 1 | Restore-OutreachStage -Confirm:$false -InformationVariable said -WarningAction SilentlyContinue
            "$($second.Result)"
            "$said"
            (Get-StageMapSnapshot)[0].Restore
            """).AssertNoErrors();

        Assert.Equal("Done 101 3", result.Output[0].ToString());
        Assert.StartsWith("Stage 'Unresponsive' is in Outreach again (id 101), but not in the configuration", result.Output[1].ToString(), StringComparison.Ordinal);
        Assert.Equal("AlreadyRestored", result.Output[2].ToString());
        Assert.Equal("Outreach already is as the snapshot saw it: nothing changed.", result.Output[3].ToString());
        Assert.Equal("Restored", result.Output[4].ToString());
        Assert.All(OutreachServer.SeededProspects, p => Assert.Equal(101, Outreach.Prospects[p]));
    }

    [Fact]
    public async Task Ctrl_C_during_a_restore_keeps_its_progress_and_the_next_run_goes_on_without_moving_a_prospect_twice()
    {
        SyncDeletingUnresponsive();
        var before = File.ReadAllBytes(_session.File("m.json"));
        Outreach.Recorder.Reset();
        Outreach.Recorder.AddFault(new Fault("PATCH", "/api/v2/prospects/1002", 429, "", new System.Collections.Generic.Dictionary<string, string> { ["Retry-After"] = "60" }, 1));
        using (var shell = _session.Pipeline("Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false"))
        {
            var running = shell.BeginInvoke();
            while (!Outreach.Recorder.Calls.Any(c => c.Status == 429))
            {
                await Task.Delay(20);
            }

            shell.Stop();
            Assert.True(running.IsCompleted);
        }

        var stopped = _session.Run("$s = (Get-StageMapSnapshot)[0]; $s.Restore; $s.ProspectsMoved").AssertNoErrors();
        Assert.Equal(new[] { "Pending", "1" }, stopped.Output.Select(o => o.ToString()));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
        Outreach.Recorder.Reset();

        var resumed = _session.Run("(Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -WarningAction SilentlyContinue).ProspectsMoved").AssertNoErrors();

        Assert.Equal("3", resumed.Output.Single().ToString());
        Assert.DoesNotContain(Outreach.Recorder.Calls, c => c.Method == "POST" || (c.Method == "PATCH" && c.Path == "/api/v2/prospects/1001"));
        Assert.Single(Outreach.Stages, s => s.Name == "Unresponsive");
    }

    [Fact]
    public void Write_Progress_reports_the_prospects_moved()
    {
        SyncDeletingUnresponsive();
        using var shell = _session.Pipeline("Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false -WarningAction SilentlyContinue");

        shell.Invoke();

        var moves = shell.Streams.Progress.Where(p => p.Activity == "Moving the saved prospects of 'Unresponsive' back").ToList();
        Assert.Equal(new[] { 33, 66, 100 }, moves.Where(p => p.RecordType != System.Management.Automation.ProgressRecordType.Completed).Select(p => p.PercentComplete));
        Assert.StartsWith("3 of 3: 3 moved back", moves[^2].StatusDescription, StringComparison.Ordinal);
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, moves[^1].RecordType);
    }

    [Fact]
    public void WhatIf_lists_every_call_it_would_make_and_makes_none()
    {
        SyncDeletingUnresponsive();
        var host = new PromptHost();
        using var session = new ModuleSession(host);
        Outreach.Recorder.Reset();

        session.Run($"""
            Import-StageMapConfiguration '{_session.File("m.json")}' | Out-Null
            {Connect}
            Restore-OutreachStage -Snapshot (Get-ChildItem '{_session.File("m.snapshots")}' -Filter *.json)[0] -WhatIf | Out-Null
            """).AssertNoErrors();

        var whatIf = host.Written.Split('\n').Where(l => l.StartsWith("What if:", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, whatIf.Count);
        Assert.Contains("POST ", whatIf[0]);
        Assert.Contains("create with name 'Unresponsive', order 4, color #9aa5b1", whatIf[0]);
        Assert.All(OutreachServer.SeededProspects, p => Assert.Contains(whatIf, l => l.Contains($"/api/v2/prospects/{p}: relationships.stage -> the new id of 'Unresponsive'", StringComparison.Ordinal)));
        Assert.DoesNotContain(Outreach.Recorder.Calls, c => c.Writes);
    }

    [Theory]
    [InlineData("No", "Declined", 5)]
    [InlineData("Yes", "Done", 6)]
    public void A_restore_is_asked_for_as_a_high_impact_change(string answer, string result, int stages)
    {
        SyncDeletingUnresponsive();
        var host = new PromptHost { Answer = answer };
        using var session = new ModuleSession(host);

        var restored = session.Run($"""
            Import-StageMapConfiguration '{_session.File("m.json")}' | Out-Null
            {Connect}
            (Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -WarningAction SilentlyContinue).Result
            """).AssertNoErrors();

        Assert.Equal(result, restored.Output.Single().ToString());
        Assert.Contains("POST", Assert.Single(host.Prompts));
        Assert.Equal(stages, Outreach.Stages.Count);
    }

    [Fact]
    public void A_missing_prospects_write_is_OutreachScopeMissing_and_nothing_changes()
    {
        SyncDeletingUnresponsive();
        var before = File.ReadAllBytes(_session.File("m.json"));
        var snapshot = Directory.GetFiles(_session.File("m.snapshots"), "*.json").Single();
        var snapshotBefore = File.ReadAllBytes(snapshot);
        _session.Run($"Invoke-RestMethod -Method Post '{Outreach.BaseUri}_deny?scope=prospects.write' | Out-Null").AssertNoErrors();
        Outreach.Recorder.Reset();

        var result = _session.Run("Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false");

        Assert.Equal(new[] { "OutreachScopeMissing" }, result.ErrorIds);
        Assert.Contains("'prospects.write'", result.Errors.Single().Exception.Message);
        Assert.Equal(new[] { "PATCH /api/v2/prospects/1001 403" }, Outreach.Recorder.Calls.Where(c => c.Writes).Select(c => $"{c.Method} {c.Path} {c.Status}"));
        Assert.Equal(5, Outreach.Stages.Count);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
        Assert.Equal(snapshotBefore, File.ReadAllBytes(snapshot));
    }

    [Fact]
    public void The_configuration_records_the_new_id_of_a_stage_it_has_again()
    {
        _session.Run($"""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            {Connect}
            Import-OutreachStage -Online
            New-LeadStatusMapping -CrmStatus 'Closed - Not Converted' -Stage Unresponsive | Out-Null
            Copy-Item ./m.json ./before-sync.json
            Remove-OutreachStage -Name Unresponsive -Force -Confirm:$false
            Sync-OutreachStage -RemoveExtra -Force -Confirm:$false | Out-Null
            """).AssertNoErrors();

        // The admin takes the configuration of before the sync back (as git checkout would), then restores Outreach.
        var result = _session.Run("""
            Copy-Item ./before-sync.json ./m.json -Force
            Import-StageMapConfiguration ./m.json | Out-Null
            Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false | Out-Null
            (Get-LeadStatusMapping -CrmStatus 'Closed - Not Converted').StageId
            ((Get-Content ./m.json -Raw | ConvertFrom-Json).stages | Where-Object name -EQ Unresponsive).id
            """).AssertNoErrors();

        Assert.Equal(new[] { "101", "101" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_snapshot_of_another_Outreach_is_refused_and_a_missing_one_is_SnapshotNotFound()
    {
        SyncDeletingUnresponsive();

        var result = _session.Run("""
            $elsewhere = Connect-Outreach -AccessToken (ConvertTo-SecureString 'or-access-1f6c2a9d' -AsPlainText -Force) -BaseUri 'http://localhost:9' -ErrorAction SilentlyContinue
            try { Restore-OutreachStage -Snapshot ./nowhere.json -Confirm:$false } catch { $_.FullyQualifiedErrorId }
            """);

        Assert.Equal("SnapshotNotFound,StageMap.Cmdlets.Undo.RestoreOutreachStageCommand", result.Output[^1].ToString());
        var file = Directory.GetFiles(_session.File("m.snapshots"), "*.json").Single();
        var edited = File.ReadAllText(file).Replace(Outreach.BaseUri.GetLeftPart(UriPartial.Authority), "https://api.outreach.io", StringComparison.Ordinal);
        File.WriteAllText(file, edited);
        var other = _session.Run("Restore-OutreachStage -Snapshot (Get-StageMapSnapshot)[0] -Confirm:$false");
        Assert.Equal(new[] { "SnapshotOfAnotherInstance" }, other.ErrorIds);
    }

    [Fact]
    public void Stage_completes_the_stages_the_newest_snapshot_changed()
    {
        SyncDeletingUnresponsive();

        var result = _session.Run("(TabExpansion2 -inputScript 'Restore-OutreachStage -Stage U' -cursorColumn 29).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Equal(new[] { "Unresponsive" }, result.Output.Select(o => o.ToString()));
    }
}
