using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class TestStageMappingCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    /// <summary>The sound sample configuration shipped with the module.</summary>
    private static string SoundSample => Path.Combine(ModuleSession.ModulePath, "samples", "outreach-mapping.json");

    /// <summary>Default stages, the Lead Stage &lt;&gt; Status lookup, and the four lead statuses of the shared Lead describe; no mapping.</summary>
    private static string StandardOrg => Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "stagemap", "standard-org-lead-metadata.json");

    private void Load(string file)
    {
        File.Copy(file, _session.File("m.json"));
        _session.Run("Import-StageMapConfiguration ./m.json | Out-Null").AssertNoErrors();
    }

    [Fact]
    public void Done_when_a_lower_case_status_yields_SM003_suggesting_the_exact_api_name()
    {
        Load(StandardOrg);

        var result = _session.Run("""
            New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Approaching | Out-Null
            Test-StageMapping | Where-Object RuleId -EQ 'SM003'
            """).AssertNoErrors();

        var diagnostic = Assert.Single(result.Output);
        Assert.Equal("StageMap.Engine.Validation.Diagnostic", diagnostic.BaseObject.GetType().FullName);
        Assert.Equal("Working - Contacted", diagnostic.Properties["Suggestion"].Value);
        Assert.Equal("working - contacted", diagnostic.Properties["Target"].Value);
    }

    [Fact]
    public void A_sound_configuration_has_no_findings_and_Quiet_is_true()
    {
        Load(SoundSample);

        var result = _session.Run("(Test-StageMapping | Measure-Object).Count; Test-StageMapping -Quiet").AssertNoErrors();

        Assert.Equal(0, result.Output[0].BaseObject);
        Assert.True(Assert.IsType<bool>(result.Output[1].BaseObject));
    }

    [Fact]
    public void Quiet_is_false_on_an_error_and_writes_nothing_else()
    {
        Load(SoundSample);

        var result = _session.Run("Remove-OutreachStage -Name 'Bad Data' -Force -Confirm:$false | Out-Null; Test-StageMapping -Quiet").AssertNoErrors();

        Assert.False(Assert.IsType<bool>(Assert.Single(result.Output).BaseObject));
    }

    [Fact]
    public void Quiet_fails_on_errors_only_unless_Severity_names_more()
    {
        Load(StandardOrg);

        // Four unmapped CRM statuses (SM004, Warning) and six unmapped stages (SM005, Information); no error.
        var result = _session.Run("""
            Test-StageMapping -Quiet
            Test-StageMapping -Quiet -Severity Error, Warning
            Test-StageMapping -Quiet -Severity Information
            Test-StageMapping -Quiet -Severity Error
            """).AssertNoErrors();

        Assert.Equal(new object[] { true, false, false, true }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Severity_filters_what_is_written()
    {
        Load(StandardOrg);

        var result = _session.Run("""
            (Test-StageMapping).Count
            (Test-StageMapping -Severity Warning | ForEach-Object RuleId | Sort-Object -Unique) -join ','
            (Test-StageMapping -Severity Information, Error | ForEach-Object RuleId | Sort-Object -Unique) -join ','
            """).AssertNoErrors();

        Assert.Equal(new object[] { 10, "SM004", "SM005" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Diagnostics_are_output_objects_with_the_contract_properties_not_error_records()
    {
        Load(StandardOrg);

        var result = _session.Run("""
            $Error.Clear()
            $all = Test-StageMapping -ErrorAction Stop
            $Error.Count
            $all[0].PSObject.Properties.Name -join ','
            $all[0].Object.ToString()
            $all[0].Severity.GetType().FullName
            """);

        result.AssertNoErrors();
        Assert.Equal(0, result.Output[0].BaseObject);
        Assert.Equal("RuleId,Severity,Object,Target,Message,Suggestion,FixCommands", result.Output[1].BaseObject);
        Assert.Equal("Lead", result.Output[2].BaseObject);
        Assert.Equal("StageMap.Engine.Validation.Severity", result.Output[3].BaseObject);
    }

    [Fact]
    public void The_table_view_groups_by_severity_errors_first()
    {
        Load(StandardOrg);

        var table = _session.Run("""
            Remove-OutreachStage -Name Approaching | Out-Null
            New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Replied | Out-Null
            Test-StageMapping | Out-String -Width 200
            """).AssertNoErrors().Output.Single().ToString();

        var error = table.IndexOf("Severity: Error", StringComparison.Ordinal);
        var warning = table.IndexOf("Severity: Warning", StringComparison.Ordinal);
        var information = table.IndexOf("Severity: Information", StringComparison.Ordinal);
        Assert.True(error >= 0 && error < warning && warning < information, table);
        Assert.Equal(3, table.Split("Severity: ").Length - 1);
        Assert.Contains("SM003  Lead  working - contacted", table);
        Assert.Contains("Working - Contacted", table);
    }

    [Fact]
    public void Configuration_checks_another_configuration_and_changes_no_file()
    {
        Load(SoundSample);
        File.Copy(StandardOrg, _session.File("other.json"));
        var before = File.ReadAllBytes(_session.File("other.json"));

        var result = _session.Run("""
            $other = Import-StageMapConfiguration ./other.json
            Import-StageMapConfiguration ./m.json | Out-Null
            Test-StageMapping -Configuration $other -Quiet -Severity Warning
            Test-StageMapping -Quiet -Severity Warning
            """).AssertNoErrors();

        Assert.Equal(new object[] { false, true }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(before, File.ReadAllBytes(_session.File("other.json")));
    }

    [Fact]
    public void Without_a_configuration_it_is_NoCurrentConfiguration()
    {
        var result = _session.Run("Test-StageMapping");

        Assert.Equal("NoCurrentConfiguration", result.ErrorIds.Single());
        Assert.Empty(result.Output);
    }

    [Fact]
    public void An_unknown_severity_is_a_binding_error()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; Test-StageMapping -Severity Fatal");

        Assert.Equal("ParameterArgumentTransformationError", result.ErrorIds.Single());
        Assert.Contains("Valid values are: Information, Warning, Error.", result.Errors.Single().Exception.Message);
        Assert.DoesNotContain("StageMap.Engine", result.Errors.Single().Exception.Message);
    }
}
