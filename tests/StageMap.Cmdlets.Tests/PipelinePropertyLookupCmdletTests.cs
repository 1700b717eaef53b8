using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Piped objects are read as PSObject.Properties reads them, whatever the fast way the command takes
/// for plain PSCustomObjects: type data, custom type names, methods named like fields and objects
/// of several shapes in one pipeline give the same prospects as the same objects one at a time.
/// </summary>
public sealed class PipelinePropertyLookupCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public PipelinePropertyLookupCmdletTests()
    {
        File.Copy(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "conversion", "standard-sync-mapping.json"), _session.File("mapping.json"));
        _session.Run("Import-StageMapConfiguration ./mapping.json | Out-Null").AssertNoErrors();
    }

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Objects_of_several_shapes_type_data_and_custom_type_names_convert_as_each_would_alone()
    {
        const string Inputs = """
            Update-TypeData -TypeName 'Test.Lead' -MemberType ScriptProperty -MemberName Status -Value { 'Working - Contacted' } -Force
            Update-TypeData -TypeName 'System.Management.Automation.PSCustomObject' -MemberType ScriptProperty -MemberName LeadSource -Value { 'from type data' } -Force
            $typed = [pscustomobject]@{ Id = '00Q5g00000AbC21EAA'; LastName = 'Typed' }
            $typed.PSTypeNames.Insert(0, 'Test.Lead')
            $method = [pscustomobject]@{ Id = '00Q5g00000AbC22EAA'; LastName = 'Method'; Status = 'Closed - Converted' }
            $method | Add-Member -MemberType ScriptMethod -Name Title -Value { 'a method, not a field' }
            $inputs = @(
                [pscustomobject]@{ Id = '00Q5g00000AbC20EAA'; LastName = 'Plain'; Status = 'Open - Not Contacted'; Title = 'CFO' }
                $typed
                [pscustomobject]@{ Id = '00Q5g00000AbC23EAA'; LastName = 'Fewer' }
                $method
                [pscustomobject]@{ attributes = [pscustomobject]@{ type = 'Contact' }; Id = '00Q5g00000AbC24EAA'; Status = 'Open - Not Contacted' }
                @{ Id = '00Q5g00000AbC25EAA'; LastName = 'Hashtable'; Status = 'Working - Contacted' }
                [pscustomobject]@{ Id = '00Q5g00000AbC26EAA'; LastName = 'Plain again'; Status = 'Working - Contacted' }
            )
            """;

        var together = _session.Run(Inputs + "\n$inputs | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable failed | ForEach-Object { $_ | ConvertTo-Json -Compress -Depth 4 }; $failed | ForEach-Object { $_.FullyQualifiedErrorId }");
        var alone = _session.Run(Inputs + "\nforeach ($one in $inputs) { $one | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue -ErrorVariable +failedAlone | ConvertTo-Json -Compress -Depth 4 }; $failedAlone | ForEach-Object { $_.FullyQualifiedErrorId }");

        var lines = together.Output.Select(o => o.ToString()).ToList();
        Assert.Equal(alone.Output.Select(o => o.ToString()), lines);
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Typed\"") && l.Contains("\"stage\":2"));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Method\"") && !l.Contains("\"title\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Fewer\"") && l.Contains("\"source\":\"from type data\""));
        Assert.Contains(lines, l => l.Contains("\"lastName\":\"Plain again\"") && l.Contains("\"source\":\"from type data\""));
        Assert.Contains(lines, l => l.StartsWith("InvalidRecord,", StringComparison.Ordinal));
    }
}
