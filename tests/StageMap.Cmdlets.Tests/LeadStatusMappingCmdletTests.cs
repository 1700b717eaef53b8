using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class LeadStatusMappingCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Mapping_a_stage_twice_is_StageAlreadyMapped_and_the_file_holds_only_the_first()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching
            New-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Stage Approaching
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("StageAlreadyMapped,StageMap.Cmdlets.LeadStatusMappings.NewLeadStatusMappingCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Equal("Open - Not Contacted", error.TargetObject);
        var saved = File.ReadAllText(_session.File("m.json"));
        Assert.Contains("Working - Contacted", saved);
        Assert.DoesNotContain("Open - Not Contacted", saved);
    }

    [Fact]
    public void A_sheet_maps_every_good_row_and_reports_each_bad_one()
    {
        File.WriteAllText(_session.File("sheet.csv"), "CrmStatus,Stage\r\nOpen - Not Contacted,New\r\nWorking - Contacted,Approaching\r\nNurturing,Approaching\r\nLost,Nowhere\r\nClosed - Converted,Replied\r\n");

        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Import-Csv ./sheet.csv | New-LeadStatusMapping
            """);

        Assert.Equal(3, result.Output.Count);
        Assert.Equal(new[] { "StageAlreadyMapped", "StageNotFound" }, result.ErrorIds);
        var reloaded = _session.Run("Import-StageMapConfiguration ./m.json | Out-Null; Get-LeadStatusMapping | ForEach-Object CrmStatus").AssertNoErrors();
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted" }, reloaded.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Output_objects_carry_CrmStatus_Stage_and_StageId()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping 'Working - Contacted' approaching").AssertNoErrors();

        var mapping = Assert.Single(result.Output);
        Assert.Equal("Working - Contacted", mapping.Properties["CrmStatus"].Value);
        Assert.Equal("Approaching", mapping.Properties["Stage"].Value);
        Assert.Equal(2, mapping.Properties["StageId"].Value);
    }

    [Fact]
    public void WhatIf_changes_neither_the_configuration_nor_the_file()
    {
        _session.Run("New-StageMapConfiguration -Path ./m.json | Out-Null").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = _session.Run("New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching -WhatIf; (Get-LeadStatusMapping).Count").AssertNoErrors();

        Assert.Equal(0, result.Output.Single().BaseObject);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void A_file_changed_on_disk_is_not_overwritten_and_the_change_is_undone()
    {
        _session.Run("New-StageMapConfiguration -Path ./m.json | Out-Null").AssertNoErrors();
        File.WriteAllText(_session.File("m.json"), "{ \"edited\": \"elsewhere\" }");

        var result = _session.Run("New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching");
        var after = _session.Run("(Get-LeadStatusMapping).Count").AssertNoErrors();

        Assert.Equal("ConfigurationChangedOnDisk", result.ErrorIds.Single());
        Assert.Equal("{ \"edited\": \"elsewhere\" }", File.ReadAllText(_session.File("m.json")));
        Assert.Equal(0, after.Output.Single().BaseObject);
    }

    [Fact]
    public void Set_and_Remove_take_mappings_from_the_pipeline()
    {
        var result = _session.Run("""
            New-StageMapConfiguration | Out-Null
            New-LeadStatusMapping 'Closed - Converted' Replied | Out-Null
            New-LeadStatusMapping 'Closed - Not Converted' Unresponsive | Out-Null
            Set-LeadStatusMapping 'Closed - Not Converted' 'Bad Data' -PassThru | ForEach-Object Stage
            Get-LeadStatusMapping -CrmStatus 'closed*' | Remove-LeadStatusMapping -PassThru | ForEach-Object CrmStatus
            (Get-LeadStatusMapping).Count
            """).AssertNoErrors();

        Assert.Equal(new object[] { "Bad Data", "Closed - Converted", "Closed - Not Converted", 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Changing_an_unmapped_status_is_CrmStatusNotMapped_with_the_status_as_target()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; Remove-LeadStatusMapping -CrmStatus Nope; Set-LeadStatusMapping -CrmStatus Nope -Stage New");

        Assert.Equal(new[] { "CrmStatusNotMapped", "CrmStatusNotMapped" }, result.ErrorIds);
        Assert.All(result.Errors, e => Assert.Equal("Nope", e.TargetObject));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
    }

    [Fact]
    public void Two_changing_commands_in_one_pipeline_save_everything_together()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            'Nurture', 'Meeting Booked' | New-OutreachStage | ForEach-Object { New-LeadStatusMapping -CrmStatus "$($_.Name) status" -Stage $_.Name } | Out-Null
            Import-StageMapConfiguration ./m.json | Out-Null
            Get-LeadStatusMapping | ForEach-Object Stage
            """).AssertNoErrors();

        Assert.Equal(new[] { "Nurture", "Meeting Booked" }, result.Output.Select(o => o.ToString()));
    }
}
