using System;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class StageCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    public StageCmdletTests() => _session.Run("New-StageMapConfiguration | Out-Null").AssertNoErrors();

    [Fact]
    public void Get_filters_by_wildcard_and_reports_a_missing_exact_name()
    {
        var result = _session.Run("Get-OutreachStage -Name 'Un*', 'replied', 'Nurture' | ForEach-Object Name");

        Assert.Equal(new[] { "Unresponsive", "Replied" }, result.Output.Select(o => o.ToString()));
        Assert.Equal("StageNotFound", result.ErrorIds.Single());
        Assert.Equal("Nurture", result.Errors.Single().TargetObject);
    }

    [Fact]
    public void New_Set_Remove_round_trip_with_pipeline_input()
    {
        var result = _session.Run("""
            'Nurture' | New-OutreachStage | ForEach-Object Id
            Set-OutreachStage -Name nurture -NewName 'Nurturing' -Order 0 -PassThru | ForEach-Object { "$($_.Name)@$($_.Order)" }
            (Get-OutreachStage | Select-Object -First 1).Name
            Get-OutreachStage -Name Nurturing | Remove-OutreachStage -PassThru | ForEach-Object Name
            (Get-OutreachStage).Count
            """).AssertNoErrors();

        Assert.Equal(new object[] { 7, "Nurturing@0", "Nurturing", "Nurturing", 6 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_mapped_stage_needs_Force_to_go()
    {
        var result = _session.Run("""
            New-LeadStatusMapping 'Working - Contacted' Approaching | Out-Null
            Remove-OutreachStage Approaching
            (Get-OutreachStage).Count
            Remove-OutreachStage Approaching -Force -Confirm:$false
            (Get-OutreachStage).Count
            (Get-LeadStatusMapping).Count
            """);

        Assert.Equal("StageInUse", result.ErrorIds.Single());
        Assert.Equal(new object[] { 6, 5, 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_duplicate_name_is_StageAlreadyExists()
    {
        var result = _session.Run("New-OutreachStage 'do not contact'; Set-OutreachStage New -NewName REPLIED");

        Assert.Equal(new[] { "StageAlreadyExists", "StageAlreadyExists" }, result.ErrorIds);
    }
}
