using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Set-LeadStatusMapping checks 1:1 on the state at the end of the command.</summary>
public sealed class LeadStatusSwapCmdletTests : IDisposable
{
    private const string Setup = """
        New-StageMapConfiguration -Path ./m.json | Out-Null
        New-LeadStatusMapping 'Open - Not Contacted' New | Out-Null
        New-LeadStatusMapping 'Working - Contacted' Approaching | Out-Null
        New-LeadStatusMapping 'Nurturing' Replied | Out-Null
        """;

    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_pipeline_that_swaps_New_and_Approaching_succeeds_and_is_saved()
    {
        var result = _session.Run(Setup + """

            @([pscustomobject]@{CrmStatus='Open - Not Contacted';Stage='Approaching'},[pscustomobject]@{CrmStatus='Working - Contacted';Stage='New'}) | Set-LeadStatusMapping -PassThru
            """).AssertNoErrors();

        Assert.Equal(new[] { "Approaching", "New" }, result.Output.Select(o => o.Properties["Stage"].Value));
        var saved = _session.Run("Import-StageMapConfiguration ./m.json | Out-Null; Get-LeadStatusMapping | ForEach-Object { \"$($_.CrmStatus)=$($_.Stage)\" }").AssertNoErrors();
        Assert.Equal(new[] { "Open - Not Contacted=Approaching", "Working - Contacted=New", "Nurturing=Replied" }, saved.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Rows_still_in_conflict_at_the_end_are_errors_carrying_their_row_and_every_other_row_lands()
    {
        var result = _session.Run(Setup + """

            @([pscustomobject]@{CrmStatus='Open - Not Contacted';Stage='Replied'},[pscustomobject]@{CrmStatus='Working - Contacted';Stage='Unresponsive'}) | Set-LeadStatusMapping -PassThru
            """);

        var error = Assert.Single(result.Errors);
        Assert.Equal("StageAlreadyMapped,StageMap.Cmdlets.LeadStatusMappings.SetLeadStatusMappingCommand", error.FullyQualifiedErrorId);
        var row = PSObject.AsPSObject(error.TargetObject);
        Assert.Equal("Open - Not Contacted", row.Properties["CrmStatus"].Value);
        Assert.Equal("Replied", row.Properties["Stage"].Value);
        Assert.Equal("Unresponsive", Assert.Single(result.Output).Properties["Stage"].Value);
        var saved = File.ReadAllText(_session.File("m.json"));
        Assert.Contains("\"stageId\": 4", saved);
        Assert.Contains("\"crmStatus\": \"Open - Not Contacted\",\n      \"stageId\": 1", saved);
    }
}
