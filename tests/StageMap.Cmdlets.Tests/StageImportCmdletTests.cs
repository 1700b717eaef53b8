using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Import-OutreachStage as a user runs it.</summary>
public sealed class StageImportCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private const string MeetingMapped = "New-OutreachStage Meeting | Out-Null; New-LeadStatusMapping 'Meeting Set' Meeting | Out-Null";

    private RunResult Run(string script) => _session.RunWithFixtures(Fixtures.Outreach, script);

    [Fact]
    public void Replace_takes_Outreachs_stages_and_keeps_the_mappings_by_name()
    {
        var result = Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            New-LeadStatusMapping 'Working - Contacted' Approaching | Out-Null
            Import-OutreachStage "$fx/outreach_api_stages__stagemap.json" -PassThru | ForEach-Object { "$($_.Id):$($_.Name):$($_.Color)" } | Select-Object -Last 2
            Import-StageMapConfiguration ./m.json | Out-Null
            Get-LeadStatusMapping | ForEach-Object { "$($_.CrmStatus)>$($_.StageId)" }
            (Get-OutreachStage).Count
            """).AssertNoErrors();

        Assert.Equal(new object[] { "9:Nurturing:", "10:Meeting Booked:#00a3a3", "Working - Contacted>2", 8 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_replace_that_would_lose_a_mapping_is_StageInUse_and_the_file_stays_byte_for_byte()
    {
        Run($"New-StageMapConfiguration -Path ./m.json | Out-Null; {MeetingMapped}").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = Run("Import-OutreachStage -LiteralPath \"$fx/outreach_stages__stagemap.jsonl\"; (Get-OutreachStage).Count");

        var error = Assert.Single(result.Errors);
        Assert.Equal("StageInUse,StageMap.Cmdlets.Stages.ImportOutreachStageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Meeting Set' -> 'Meeting'", error.Exception.Message);
        Assert.Equal(7, result.Output.Single().BaseObject);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void Force_replaces_and_warns_for_each_mapping_it_drops()
    {
        var result = Run($$"""
            New-StageMapConfiguration | Out-Null
            {{MeetingMapped}}
            Import-OutreachStage "$fx/outreach_stages__stagemap.jsonl" -Force -Confirm:$false
            (Get-LeadStatusMapping).Count
            """).AssertNoErrors();

        Assert.Equal(0, result.Output.Single().BaseObject);
        Assert.Contains("'Meeting Set' to stage 'Meeting' was removed", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Merge_keeps_the_configurations_own_stages()
    {
        var result = Run($$"""
            New-StageMapConfiguration | Out-Null
            {{MeetingMapped}}
            Get-Item "$fx/outreach_stages__stagemap.jsonl" | Import-OutreachStage -Merge
            Get-OutreachStage | ForEach-Object { "$($_.Id):$($_.Name)" } | Select-Object -Last 2
            (Get-LeadStatusMapping).Stage
            """).AssertNoErrors();

        Assert.Equal(new[] { "7:Meeting", "8:Nurturing", "Meeting" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void A_malformed_file_names_line_and_position_and_changes_nothing()
    {
        File.WriteAllText(_session.File("stages.jsonl"), "{\"name\":\"New\"}\n{\"name\": 7}\n");

        var result = Run("New-StageMapConfiguration | Out-Null; Import-OutreachStage ./stages.jsonl; (Get-OutreachStage).Count");

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidMetadataFile,StageMap.Cmdlets.Stages.ImportOutreachStageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("line 2, position 10: name must be text", error.Exception.Message);
        Assert.Equal(6, result.Output.Single().BaseObject);
    }

    [Fact]
    public void WhatIf_changes_nothing()
    {
        var result = Run("New-StageMapConfiguration | Out-Null; Import-OutreachStage \"$fx/outreach_api_stages__stagemap.json\" -WhatIf; (Get-OutreachStage).Count").AssertNoErrors();

        Assert.Equal(6, result.Output.Single().BaseObject);
    }
}
