using System;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>What every exported cmdlet owes its users: help with an example, an output type, a table view, completion.</summary>
public sealed class ModuleSurfaceTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private string[] ExportedCmdlets() =>
        _session.Run("(Get-Module StageMap).ExportedCmdlets.Keys").AssertNoErrors().Output.Select(o => o.ToString()).ToArray();

    [Fact]
    public void The_manifest_exports_every_cmdlet_the_assembly_defines()
    {
        var defined = _session.Run("""
            (Get-Module StageMap).ImplementingAssembly.GetExportedTypes() |
                ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
            """).AssertNoErrors().Output.Select(o => o.ToString()).OrderBy(n => n);

        Assert.Equal(defined, ExportedCmdlets().OrderBy(n => n));
    }

    [Fact]
    public void Every_exported_cmdlet_has_help_with_a_description_and_an_example()
    {
        foreach (var cmdlet in ExportedCmdlets())
        {
            var help = _session.Run($"$h = Get-Help {cmdlet} -Full; $h.description.Text -join ''; @($h.examples.example).Count; @($h.examples.example)[0].code").AssertNoErrors();

            Assert.False(string.IsNullOrWhiteSpace(help.Output[0]?.ToString()), $"{cmdlet} has no description");
            Assert.True((int)help.Output[1].BaseObject >= 1, $"{cmdlet} has no example");
            Assert.False(string.IsNullOrWhiteSpace(help.Output[2]?.ToString()), $"{cmdlet}'s first example has no code");
        }
    }

    [Fact]
    public void Every_exported_cmdlet_declares_an_output_type_with_a_table_view()
    {
        // The views load with the first StageMap command a session runs (see The_views_load_with_the_first_StageMap_command).
        _session.Run("New-StageMapConfiguration | Out-Null").AssertNoErrors();
        foreach (var cmdlet in ExportedCmdlets())
        {
            var types = _session.Run($"(Get-Command {cmdlet}).OutputType.Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
            Assert.True(types.Count > 0, $"{cmdlet} has no [OutputType]");
            foreach (var type in types.Where(t => t.StartsWith("StageMap.", StringComparison.Ordinal)))
            {
                var views = _session.Run($"Get-FormatData -TypeName '{type}' | ForEach-Object FormatViewDefinition | Where-Object {{ $_.Control -is [System.Management.Automation.TableControl] }}").AssertNoErrors();
                Assert.True(views.Output.Count > 0, $"{type} (output of {cmdlet}) has no table view");
            }
        }
    }

    [Fact]
    public void The_views_load_with_the_first_StageMap_command_once_per_session()
    {
        var manifest = System.IO.Path.Combine(ModuleSession.ModulePath, "StageMap.psd1").Replace("'", "''");
        var result = _session.Run($"""
            @(Get-FormatData -TypeName StageMap.Engine.Model.Stage).Count
            New-StageMapConfiguration | Out-Null
            @(Get-FormatData -TypeName StageMap.Engine.Model.Stage).Count
            (Get-OutreachStage | Select-Object -First 1 | Out-String -Width 80) -match 'Order\s+Name'
            Remove-Module StageMap
            Import-Module '{manifest}'
            Get-OutreachStage | Out-Null
            @([runspace]::DefaultRunspace.InitialSessionState.Formats | Where-Object FileName -like '*StageMap.Format.ps1xml').Count
            """).AssertNoErrors();

        Assert.Equal(new[] { "0", "1", "True", "1" }, result.Output.Select(o => o.ToString()));
    }

    [Theory]
    [InlineData("New-LeadStatusMapping -CrmStatus x -Stage Ap", "Approaching")]
    [InlineData("New-LeadStatusMapping -CrmStatus x -Stage do", "'Do Not Contact'")]
    [InlineData("Remove-OutreachStage -Name b", "'Bad Data'")]
    [InlineData("Get-LeadStatusMapping -CrmStatus work", "'Working - Contacted'")]
    public void Stage_names_and_statuses_complete(string line, string expected)
    {
        _session.Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping 'Working - Contacted' Approaching | Out-Null").AssertNoErrors();

        var result = _session.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Contains(expected, result.Output.Select(o => o.ToString()));
    }
}
