using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>New-LeadStatusMapping -FromCrm [-CreateMissingStages].</summary>
public sealed class MappingFromCrmCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private RunResult Run(string script) => _session.RunWithFixtures(Fixtures.Salesforce, script);

    [Fact]
    public void Without_imported_lead_statuses_it_is_a_terminating_NoCrmLeadStatuses()
    {
        var result = Run("New-StageMapConfiguration | Out-Null; try { New-LeadStatusMapping -FromCrm; 'not stopped' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category.ToString() }");

        Assert.Equal(new[] { "NoCrmLeadStatuses,StageMap.Cmdlets.LeadStatusMappings.NewLeadStatusMappingCommand", "InvalidOperation" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void It_maps_what_it_can_and_warns_for_each_status_it_cannot()
    {
        var result = Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            New-OutreachStage 'Working - Contacted' | Out-Null
            New-OutreachStage 'closed - converted' | Out-Null
            New-LeadStatusMapping -CrmStatus 'Nurturing' -Stage 'Working - Contacted' | Out-Null
            Import-CrmMetadata "$fx/sf_cli_query_LeadStatus__stagemap.json"
            New-LeadStatusMapping -FromCrm | ForEach-Object { "$($_.CrmStatus)>$($_.Stage)" }
            """).AssertNoErrors();

        Assert.Equal(new[] { "Closed - Converted>closed - converted" }, result.Output.Select(o => o.ToString()));
        Assert.Equal(5, result.Warnings.Count);
        Assert.Contains("Lead status 'Open - Not Contacted' was not mapped: there is no stage named 'Open - Not Contacted'.", result.Warnings[0]);
        Assert.Contains("stage 'Working - Contacted' is already mapped by lead status 'Nurturing'", result.Warnings[1]);
        Assert.Contains("there is no stage named 'Meeting Booked'", result.Warnings[2]);
        Assert.Contains("'Closed - Converted' was mapped to stage 'closed - converted', whose name differs in case", result.Warnings[3]);
        Assert.Contains("\"crmStatus\": \"Closed - Converted\"", File.ReadAllText(_session.File("m.json")));
    }

    [Fact]
    public void CreateMissingStages_creates_them_in_the_CRMs_order_and_saves_once()
    {
        var result = Run("""
            New-StageMapConfiguration -Path ./m.json -NoDefaultStages | Out-Null
            Import-CrmMetadata "$fx/sf_cli_query_LeadStatus__stagemap.json"
            New-LeadStatusMapping -FromCrm -CreateMissingStages | Out-Null
            Import-StageMapConfiguration ./m.json | Out-Null
            Get-OutreachStage | ForEach-Object { "$($_.Order):$($_.Name)" }
            (Get-LeadStatusMapping).Count
            """).AssertNoErrors();

        Assert.Equal(
            new object[] { "1:Open - Not Contacted", "2:Working - Contacted", "3:Nurturing", "4:Meeting Booked", "5:Closed - Converted", "6:Closed - Not Converted", 6 },
            result.Output.Select(o => o.BaseObject));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void WhatIf_shows_every_step_and_changes_nothing()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null; Import-CrmMetadata \"$fx/sf_describe_Lead__lwrfileupload.json\"").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = Run("New-LeadStatusMapping -FromCrm -CreateMissingStages -WhatIf; (Get-OutreachStage).Count; (Get-LeadStatusMapping).Count").AssertNoErrors();

        Assert.Equal(new object[] { 6, 0 }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void Statuses_already_mapped_are_left_alone_and_said_so_in_verbose()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata "$fx/sf_describe_Lead__lwrfileupload.json"
            Import-Csv (Join-Path (Split-Path (Get-Module StageMap).Path) samples/lead-status-mapping.csv) | New-LeadStatusMapping | Out-Null
            New-LeadStatusMapping -FromCrm -Verbose 4>&1 | ForEach-Object { "$_" }
            """).AssertNoErrors();

        Assert.Equal(4, result.Output.Count);
        Assert.All(result.Output, o => Assert.EndsWith("is mapped already.", o.ToString()));
    }
}
