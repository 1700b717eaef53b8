using System;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Stages that exist only in the file were selected from Outreach's dropdown, where
/// they are missing. The procedure now starts with the stage steps, and Set-OutreachStage -OutreachId
/// (or Import-OutreachStage -Merge) records that Outreach has them.
/// </summary>
public sealed class StageProcedureCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Stages_created_from_the_CRM_are_created_in_Outreach_before_the_mapping_steps()
    {
        var result = _session.RunWithFixtures(Fixtures.Salesforce, """
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata -Path (Join-Path $fx 'sfdx_LeadStatus.standardValueSet-meta__stagemap.xml') | Out-Null
            New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
            $steps = Get-StageMapProcedure
            $firstMapping = ($steps | Where-Object Section -EQ 'Lead Status mappings' | Select-Object -First 1).Step
            ($steps | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Action -like 'Create*' -and $_.Step -lt $firstMapping }).Value -join '|'
            ($steps | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Action -like 'Check that Outreach has*' }).Value -join '|'
            $steps[0].Section
            (Get-OutreachStage | Where-Object Id -GT 6).Name -join '|'
            """).AssertNoErrors();

        var created = result.Output[0].ToString().Split('|');
        Assert.Equal(result.Output[3].ToString().Split('|'), created);
        Assert.Contains("Nurturing", created);
        Assert.Contains("Open - Not Contacted", created);
        Assert.Equal("New|Approaching|Replied|Unresponsive|Do Not Contact|Bad Data", result.Output[1].ToString());
        Assert.Equal("Outreach stages", result.Output[2].ToString());
    }

    [Fact]
    public void A_rename_of_a_stage_Outreach_has_is_a_rename_step_with_its_id_until_it_is_confirmed()
    {
        var result = _session.RunWithFixtures(Fixtures.Outreach, """
            New-StageMapConfiguration | Out-Null
            Import-OutreachStage -Path (Join-Path $fx 'outreach_api_stages__stagemap.json') -Force -Confirm:$false -WarningAction SilentlyContinue | Out-Null
            @(Get-StageMapProcedure | Where-Object Section -EQ 'Outreach stages').Count
            $id = (Get-OutreachStage -Name Approaching).Id
            Set-OutreachStage -Name Approaching -NewName Working
            (Get-StageMapProcedure | Where-Object { $_.Section -eq 'Outreach stages' -and $_.Value -eq 'Working' }).Action
            Set-OutreachStage -Name Working -OutreachId $id
            @(Get-StageMapProcedure | Where-Object Section -EQ 'Outreach stages').Count
            """).AssertNoErrors();

        Assert.Equal(0, result.Output[0].BaseObject);
        Assert.Matches(@"^Rename the stage 'Approaching' \(Outreach id \d+\) to 'Working'\.$", result.Output[1].ToString());
        Assert.Equal(0, result.Output[2].BaseObject);
    }

    [Fact]
    public void OutreachId_takes_Outreachs_id_mappings_follow_and_the_file_keeps_it()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            New-OutreachStage -Name Nurturing | Out-Null
            New-LeadStatusMapping -CrmStatus Nurturing -Stage Nurturing | Out-Null
            Set-OutreachStage -Name Nurturing -OutreachId 42 -PassThru | ForEach-Object { "$($_.Id) $($_.IsInOutreach)" }
            (Get-LeadStatusMapping -CrmStatus Nurturing).StageId
            (Import-StageMapConfiguration -Path ./m.json).Stages | Where-Object Name -EQ Nurturing | ForEach-Object { "$($_.Id) $($_.Outreach.Name)" }
            """).AssertNoErrors();

        Assert.Equal(new object[] { "42 True", 42, "42 Nurturing" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void An_id_another_stage_Outreach_has_is_refused_and_the_file_is_untouched()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Set-OutreachStage -Name New -OutreachId 1
            New-OutreachStage -Name Nurturing | Out-Null
            $before = [IO.File]::ReadAllBytes((Resolve-Path ./m.json))
            Set-OutreachStage -Name Nurturing -NewName Nurture -OutreachId 1 -ErrorAction SilentlyContinue -ErrorVariable failed
            $failed[0].FullyQualifiedErrorId.Split(',')[0]
            [Convert]::ToBase64String($before) -eq [Convert]::ToBase64String([IO.File]::ReadAllBytes((Resolve-Path ./m.json)))
            (Get-OutreachStage -Name Nurturing).IsInOutreach
            """).AssertNoErrors();

        Assert.Equal(new object[] { "StageAlreadyExists", true, false }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_field_the_describe_labels_is_shown_as_the_UI_shows_it_with_its_API_name_and_the_file_keeps_the_label()
    {
        var result = _session.RunWithFixtures(Fixtures.Salesforce, """
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Import-CrmMetadata -Path (Join-Path $fx 'sf_cli_describe_Lead__stagemap.json') | Out-Null
            New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
            Import-StageMapConfiguration ./m.json | Out-Null
            (Get-StageMapProcedure -Object Lead | Where-Object Action -Like 'Click Add and map*').Action
            """).AssertNoErrors();

        Assert.Equal("Click Add and map the Outreach field 'Stage' to the CRM field 'Lead Status' (Status).", Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void WhatIf_records_nothing()
    {
        var result = _session.Run("""
            New-StageMapConfiguration | Out-Null
            Set-OutreachStage -Name New -OutreachId 9 -WhatIf
            (Get-OutreachStage -Name New).IsInOutreach
            """).AssertNoErrors();

        Assert.False((bool)result.Output.Single().BaseObject);
    }
}
