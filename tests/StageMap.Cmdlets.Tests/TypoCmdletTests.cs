using System;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Typos are caught the moment they are typed.</summary>
public sealed class TypoCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private void StandardOrg() => _session.RunWithFixtures(Fixtures.Salesforce, """
        New-StageMapConfiguration -Path ./m.json | Out-Null
        Import-CrmMetadata -Path (Join-Path $fx 'sf_describe_Lead__lwrfileupload.json') | Out-Null
        """).AssertNoErrors();

    [Fact]
    public void New_LeadStatusMapping_of_a_status_the_CRM_lacks_saves_and_warns_at_once_with_SM003s_suggestion()
    {
        StandardOrg();

        var result = _session.Run("""
            New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Approaching | ForEach-Object CrmStatus
            (Import-StageMapConfiguration ./m.json | Out-Null); (Get-LeadStatusMapping).CrmStatus
            (Test-StageMapping | Where-Object RuleId -EQ SM003).Suggestion
            """).AssertNoErrors();

        Assert.Equal(new object[] { "working - contacted", "working - contacted", "Working - Contacted" }, result.Output.Select(o => o.BaseObject));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("Map 'Working - Contacted' instead.", warning);
        Assert.Contains("SM003", warning);
    }

    [Fact]
    public void Set_LeadStatusMapping_warns_too_and_an_exact_status_is_silent()
    {
        StandardOrg();

        var result = _session.Run("""
            New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage Approaching | Out-Null
            New-LeadStatusMapping -CrmStatus 'Open-Not Contacted' -Stage New -WarningAction SilentlyContinue | Out-Null
            Set-LeadStatusMapping -CrmStatus 'Open-Not Contacted' -Stage Replied
            """).AssertNoErrors();

        Assert.Contains("Map 'Open - Not Contacted' instead.", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Without_CRM_metadata_nothing_is_said()
    {
        _session.Run("New-StageMapConfiguration | Out-Null").AssertNoErrors();

        Assert.Empty(_session.Run("New-LeadStatusMapping -CrmStatus 'whatever' -Stage New | Out-Null").AssertNoErrors().Warnings);
    }

    [Fact]
    public void New_FieldMapping_refuses_an_Outreach_field_that_is_not_one_naming_the_near_match_and_the_file_is_untouched()
    {
        StandardOrg();

        var result = _session.Run("""
            $before = [IO.File]::ReadAllText((Resolve-Path ./m.json))
            New-FieldMapping -Object Lead -OutreachField Stagee -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName -ErrorAction SilentlyContinue -ErrorVariable refused
            $refused[0].FullyQualifiedErrorId.Split(',')[0]
            $refused[0].CategoryInfo.Category.ToString()
            $refused[0].TargetObject
            $refused[0].Exception.Message
            $before -eq [IO.File]::ReadAllText((Resolve-Path ./m.json))
            New-FieldMapping -Object Lead -OutreachField custom12 -CrmField Rating | ForEach-Object OutreachField
            """).AssertNoErrors();

        Assert.Equal("InvalidFieldName", result.Output[0].BaseObject);
        Assert.Equal("InvalidArgument", result.Output[1].BaseObject);
        Assert.Equal("Stagee", result.Output[2].BaseObject);
        Assert.Contains("Did you mean 'Stage'?", result.Output[3].ToString());
        Assert.Equal(true, result.Output[4].BaseObject);
        Assert.Equal("custom12", result.Output[5].BaseObject);
    }

    [Fact]
    public void New_FieldMapping_warns_of_a_CRM_field_the_imported_describe_lacks()
    {
        StandardOrg();

        var result = _session.Run("New-FieldMapping -Object Lead -OutreachField Stage -CrmField Stauts -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | ForEach-Object CrmField").AssertNoErrors();

        Assert.Equal("Stauts", Assert.Single(result.Output).BaseObject);
        Assert.Contains("Did you mean 'Status'?", Assert.Single(result.Warnings));
    }
}
