using System;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests.FixProperty;

/// <summary>
/// The command SM006 printed (without -LookForName) made Test-StageMapping pass and
/// every sample lead fail with UnknownLeadStatusId. Now the fix SM006 prints converts all 22 leads,
/// and the old command draws SM015, whose fix does too.
/// </summary>
public sealed class SM006RepairCmdletTests : IDisposable
{
    private const string Setup = """
        New-StageMapConfiguration -Path ./m.json | Out-Null
        Import-CrmMetadata -Path (Join-Path $fx 'sfdx_LeadStatus.standardValueSet-meta__stagemap.xml') | Out-Null
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
        """;

    private const string ConvertSampleLeads = """
        $leads = (Get-Content -Raw (Join-Path $fx 'sf_tree_Lead__la-sfdg-data-loader-examples.json') | ConvertFrom-Json).records
        $prospects = @($leads | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable failed -WarningAction SilentlyContinue)
        "$($prospects.Count) $($failed.Count) $(@($prospects | Where-Object stage).Count)"
        """;

    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Applying_the_fix_SM006_prints_makes_every_sample_lead_convert_with_its_stage()
    {
        var result = _session.RunWithFixtures(Fixtures.Salesforce, Setup + "\n" + """

            $fix = (Test-StageMapping | Where-Object RuleId -EQ 'SM006').FixCommands
            $fix
            Invoke-Expression ($fix -join '; ') | Out-Null
            Test-StageMapping -Quiet
            """ + "\n" + ConvertSampleLeads).AssertNoErrors();

        Assert.Equal("New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName", result.Output[0].BaseObject);
        Assert.True((bool)result.Output[1].BaseObject);
        Assert.Equal("22 0 22", result.Output[2].BaseObject);
    }

    [Fact]
    public void The_old_command_without_LookForName_is_SM015_and_its_fix_repairs_the_conversion()
    {
        var result = _session.RunWithFixtures(Fixtures.Salesforce, Setup + "\n" + """

            New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus | Out-Null
            $sm015 = Test-StageMapping | Where-Object RuleId -EQ 'SM015'
            "$($sm015.Severity) $(Test-StageMapping -Quiet)"
            """ + "\n" + ConvertSampleLeads + "\n" + """

            Invoke-Expression ($sm015.FixCommands -join '; ') | Out-Null
            Test-StageMapping -Quiet
            """ + "\n" + ConvertSampleLeads).AssertNoErrors();

        Assert.Equal(new object[] { "Error False", "0 22 0", true, "22 0 22" }, result.Output.Select(o => o.BaseObject));
    }
}
