using System;
using System.Collections.Generic;
using System.Linq;
using System.IO;
using System.Management.Automation;
using System.Threading.Tasks;
using StageMap.Cmdlets.Tests.Support;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>The live cmdlets in a PowerShell session, against the loopback servers.</summary>
public sealed class LiveCmdletTests : IAsyncLifetime, IDisposable
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

    [Fact]
    public async Task Stopping_the_command_ends_a_rate_limit_wait_at_once_and_changes_nothing()
    {
        _session.Run($"New-StageMapConfiguration -Path m.json | Out-Null; Connect-Outreach -AccessToken (ConvertTo-SecureString '{OutreachServer.FirstAccessToken}' -AsPlainText -Force) -BaseUri '{_servers.Outreach.BaseUri}' | Out-Null").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));
        _servers.Outreach.Recorder.Reset();
        _servers.Outreach.Recorder.AddFault(new Fault("GET", "/api/v2/stages", 429, "", new Dictionary<string, string> { ["Retry-After"] = "60" }, 1));
        using var shell = _session.Pipeline("Import-OutreachStage -Online -Merge");

        var running = shell.BeginInvoke();
        while (_servers.Outreach.Recorder.Calls.Count == 0)
        {
            await Task.Delay(20);
        }

        shell.Stop();

        Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
        Assert.Single(_servers.Outreach.Recorder.Calls);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
        Assert.True(running.IsCompleted);
    }

    [Fact]
    public void Verbose_names_method_url_and_status_and_nothing_of_the_token()
    {
        var result = _session.Run($"""
            New-StageMapConfiguration | Out-Null
            Connect-Outreach -AccessToken (ConvertTo-SecureString '{OutreachServer.FirstAccessToken}' -AsPlainText -Force) -BaseUri '{_servers.Outreach.BaseUri}' | Out-Null
            Import-OutreachStage -Online -Verbose -Debug 4>&1 5>&1 | Out-String
            (Get-Variable -Scope Global | Out-String -Width 500)
            """).AssertNoErrors();

        var text = string.Join("\n", result.Output);
        Assert.Contains($"GET {_servers.Outreach.BaseUri}api/v2/stages?page%5Bsize%5D=1000&count=false -> 200 OK", text);
        Assert.DoesNotContain(OutreachServer.FirstAccessToken, text);
        Assert.DoesNotContain("Bearer", text);
    }

    [Theory]
    [InlineData("No", 6, "Declined")]
    [InlineData("Yes", 5, "Done")]
    public void A_delete_is_asked_for_as_a_high_impact_change_and_creates_are_not(string answer, int stagesLeft, string result)
    {
        var host = new PromptHost { Answer = answer };
        using var session = new ModuleSession(host);
        var sync = session.Run($"""
            New-StageMapConfiguration | Out-Null
            Remove-OutreachStage -Name 'Bad Data'
            New-OutreachStage -Name Nurturing | Out-Null
            Connect-Outreach -AccessToken (ConvertTo-SecureString '{OutreachServer.FirstAccessToken}' -AsPlainText -Force) -BaseUri '{_servers.Outreach.BaseUri}' | Out-Null
            Sync-OutreachStage -RemoveExtra -SnapshotPath ./snapshots | Where-Object Stage -EQ 'Bad Data' | ForEach-Object Result
            """).AssertNoErrors();

        Assert.Equal(result, sync.Output.Single().ToString());
        Assert.Contains("DELETE", Assert.Single(host.Prompts));
        Assert.Equal(stagesLeft + 1, _servers.Outreach.Stages.Count);
    }

    [Fact]
    public void Connect_Outreach_with_a_wrong_token_fails_at_once_and_the_current_connection_stays()
    {
        var result = _session.Run($$"""
            $good = Connect-Outreach -AccessToken (ConvertTo-SecureString '{{OutreachServer.FirstAccessToken}}' -AsPlainText -Force) -BaseUri '{{_servers.Outreach.BaseUri}}'
            try { Connect-Outreach -AccessToken (ConvertTo-SecureString 'or-wrong-token-0000' -AsPlainText -Force) -BaseUri '{{_servers.Outreach.BaseUri}}' }
            catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
            New-StageMapConfiguration | Out-Null
            Import-OutreachStage -Online
            @(Get-OutreachStage | Where-Object IsInOutreach).Count
            """).AssertNoErrors();

        Assert.Equal("OutreachAuthenticationFailed,StageMap.Cmdlets.Live.ConnectOutreachCommand", result.Output[0].ToString());
        Assert.EndsWith($"The session's current Outreach connection is still (token) at {_servers.Outreach.BaseUri.GetLeftPart(System.UriPartial.Authority)}.", result.Output[1].ToString());
        Assert.DoesNotContain("or-wrong-token-0000", result.Output[1].ToString());
        Assert.Equal("6", result.Output[2].ToString());
    }

    [Fact]
    public void Connect_Crm_checks_the_token_on_userinfo_and_shows_whose_it_is()
    {
        var result = _session.Run($$"""
            (Connect-Crm -InstanceUrl '{{_servers.Salesforce.BaseUri}}' -AccessToken (ConvertTo-SecureString '{{SalesforceServer.AccessToken}}' -AsPlainText -Force)).UserName
            try { Connect-Crm -InstanceUrl '{{_servers.Salesforce.BaseUri}}' -AccessToken (ConvertTo-SecureString '00DLOOPBACK000001!wrong.token' -AsPlainText -Force) }
            catch { $_.FullyQualifiedErrorId; $_.Exception.Message }
            """).AssertNoErrors();

        Assert.Equal(SalesforceServer.UserName, result.Output[0].ToString());
        Assert.Equal("CrmAuthenticationFailed,StageMap.Cmdlets.Live.ConnectCrmCommand", result.Output[1].ToString());
        Assert.Contains("userinfo: Bad_OAuth_Token. Get a fresh one", result.Output[2].ToString());
        Assert.EndsWith($"The session's current Salesforce connection is still {SalesforceServer.UserName} at {_servers.Salesforce.BaseUri.GetLeftPart(System.UriPartial.Authority)}.", result.Output[2].ToString());
        Assert.DoesNotContain("wrong.token", result.Output[2].ToString());
    }

    [Fact]
    public void WhatIf_with_RemoveExtra_counts_the_prospects_with_GETs_only_and_says_which_deletes_would_be_refused()
    {
        _servers.Outreach.SetProspects(6, 3);
        var result = _session.Run($$"""
            New-StageMapConfiguration | Out-Null
            Remove-OutreachStage -Name 'Bad Data'
            Remove-OutreachStage -Name 'Do Not Contact'
            Connect-Outreach -AccessToken (ConvertTo-SecureString '{{OutreachServer.FirstAccessToken}}' -AsPlainText -Force) -BaseUri '{{_servers.Outreach.BaseUri}}' | Out-Null
            Sync-OutreachStage -RemoveExtra -WhatIf | Where-Object Action -EQ Delete | ForEach-Object { "$($_.Stage): $($_.Result): $($_.Details)" }
            """).AssertNoErrors();

        Assert.Equal(new[] { "Do Not Contact: WhatIf: The configuration has no such stage; its prospects, if any, are left on \"No Stage\".", "Bad Data: Refused: Outreach stage 'Bad Data' (id 6) is held by 3 prospect(s), so it was not deleted. Deleting it would leave them on \"No Stage\". Move them first, or use -Force." },
            result.Output.Select(o => o.ToString()));
        Assert.DoesNotContain(_servers.Outreach.Recorder.Calls, c => c.Writes);
        Assert.Equal(2, _servers.Outreach.Recorder.Calls.Count(c => c.Path.Contains("/prospects?", System.StringComparison.Ordinal) && c.Path.EndsWith("&count=true", System.StringComparison.Ordinal)));
    }
}
