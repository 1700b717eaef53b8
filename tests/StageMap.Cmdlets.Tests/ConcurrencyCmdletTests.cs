using System;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>One configuration object changed from several runspaces, and saves refused for a change on disk.</summary>
public sealed class ConcurrencyCmdletTests : IDisposable
{
    private const int Runspaces = 4;
    private const int EditsEach = 200;

    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Four_parallel_runspaces_making_200_edits_each_on_one_configuration_lose_none()
    {
        var stages = Enumerable.Range(1, Runspaces).SelectMany(r => Enumerable.Range(1, EditsEach).Select(i => $"r{r}-{i}")).ToList();
        var json = new StringBuilder("{ \"schemaVersion\": 1, \"stages\": [");
        json.Append(string.Join(",", stages.Select((name, index) => $"{{ \"id\": {index + 1}, \"name\": \"{name}\", \"order\": {index + 1} }}")));
        json.Append("] }");
        File.WriteAllText(_session.File("m.json"), json.ToString());

        var result = _session.Run($$"""
            $cfg = Import-StageMapConfiguration ./m.json
            1..{{Runspaces}} | ForEach-Object -ThrottleLimit {{Runspaces}} -Parallel {
                $runspace = $_
                Import-Module '{{ModuleSession.ModulePath}}'
                foreach ($i in 1..{{EditsEach}}) {
                    New-LeadStatusMapping -CrmStatus "r$runspace-$i" -Stage "r$runspace-$i" -Configuration $using:cfg
                }
            } | ForEach-Object CrmStatus
            """);

        Assert.Empty(result.ErrorIds);
        Assert.Equal(stages.OrderBy(s => s), result.Output.Select(o => o.ToString()).OrderBy(s => s));
        var saved = _session.Run("Import-StageMapConfiguration ./m.json | Out-Null; Get-LeadStatusMapping | ForEach-Object CrmStatus").AssertNoErrors();
        Assert.Equal(stages.OrderBy(s => s), saved.Output.Select(o => o.ToString()).OrderBy(s => s));
    }

    [Fact]
    public void A_command_whose_save_is_refused_emits_nothing_for_the_change_it_undid()
    {
        var result = _session.Run("""
            $cfg = New-StageMapConfiguration -Path ./m.json
            Add-Content ./m.json ' '
            $seen = [System.Collections.Generic.List[object]]::new()
            try { New-LeadStatusMapping 'Working - Contacted' Approaching | ForEach-Object { $seen.Add($_) } } catch { $_.FullyQualifiedErrorId }
            $seen.Count
            """);

        Assert.Equal(new[] { "ConfigurationChangedOnDisk,StageMap.Cmdlets.LeadStatusMappings.NewLeadStatusMappingCommand", "0" }, result.Output.Select(o => o.ToString()));
        Assert.Empty(_session.Run("Get-LeadStatusMapping").Output);
    }
}
