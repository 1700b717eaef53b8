using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class ConfigurationCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Without_a_configuration_a_cmdlet_says_how_to_get_one()
    {
        var result = _session.Run("Get-OutreachStage");

        Assert.Equal("NoCurrentConfiguration", result.ErrorIds.Single());
        Assert.Contains("New-StageMapConfiguration", result.Errors.Single().Exception.Message);
    }

    [Fact]
    public void New_refuses_to_overwrite_a_file_without_Force()
    {
        File.WriteAllText(_session.File("m.json"), "precious");

        var refused = _session.Run("New-StageMapConfiguration -Path ./m.json");
        var forced = _session.Run("New-StageMapConfiguration -Path ./m.json -Force -Confirm:$false | Out-Null").AssertNoErrors();

        Assert.Equal("ConfigurationFileExists", refused.ErrorIds.Single());
        Assert.NotEqual("precious", File.ReadAllText(_session.File("m.json")));
    }

    [Fact]
    public void New_with_WhatIf_writes_nothing()
    {
        _session.Run("New-StageMapConfiguration -Path ./m.json -WhatIf").AssertNoErrors();

        Assert.False(File.Exists(_session.File("m.json")));
    }

    [Fact]
    public void Import_makes_the_file_current_and_emits_it_for_Configuration()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./a.json -NoDefaultStages | Out-Null
            New-StageMapConfiguration -Path ./b.json | Out-Null
            $a = Import-StageMapConfiguration -Path ./a.json
            (Get-OutreachStage).Count
            (Get-OutreachStage -Configuration (Import-StageMapConfiguration -LiteralPath ./b.json)).Count
            (Get-StageMapConfiguration).Path -eq (Resolve-Path ./b.json).Path
            """).AssertNoErrors();

        Assert.Equal(new object[] { 0, 6, true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void An_invalid_file_is_refused_and_the_current_configuration_stays()
    {
        File.WriteAllText(_session.File("bad.json"), "{\n  \"schemaVersion\": 1,\n  \"stages\": [ oops ]\n}");

        var result = _session.Run("""
            New-StageMapConfiguration -Path ./good.json | Out-Null
            Import-StageMapConfiguration ./bad.json
            Split-Path (Get-StageMapConfiguration).Path -Leaf
            """);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidConfigurationFile", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("line 3, position", error.Exception.Message);
        Assert.Equal("good.json", result.Output.Single().ToString());
    }

    [Fact]
    public void Import_of_a_missing_path_is_a_PathNotFound_error()
    {
        var result = _session.Run("Import-StageMapConfiguration ./nothing-here.json");

        Assert.Equal("PathNotFound", result.ErrorIds.Single());
    }

    [Fact]
    public void Export_writes_a_copy_and_Set_changes_the_experience()
    {
        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Set-StageMapConfiguration -Experience EnhancedCrmSync
            Export-StageMapConfiguration ./copy.json -PassThru | ForEach-Object Name
            (Import-StageMapConfiguration ./copy.json).Experience.ToString()
            Export-StageMapConfiguration ./copy.json
            """);

        Assert.Equal(new[] { "copy.json", "EnhancedCrmSync" }, result.Output.Select(o => o.ToString()));
        Assert.Equal("ConfigurationFileExists", result.ErrorIds.Single());
        Assert.Contains("EnhancedCrmSync", File.ReadAllText(_session.File("m.json")));
    }
}
