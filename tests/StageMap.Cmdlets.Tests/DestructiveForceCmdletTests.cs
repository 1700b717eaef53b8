using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Every -Force that destroys something (overwrites a configuration, drops
/// lead status mappings) is confirmed as a ConfirmImpact High change; the harmless paths of the same
/// cmdlets are not; the prompt and the -WhatIf text name what goes.
/// </summary>
public sealed class DestructiveForceCmdletTests : System.IDisposable
{
    private readonly PromptHost _host = new();
    private readonly ModuleSession _session;

    public DestructiveForceCmdletTests() => _session = new ModuleSession(_host);

    public void Dispose() => _session.Dispose();

    private RunResult Run(string script) => _session.RunWithFixtures(Fixtures.Outreach, script);

    [Fact]
    public void Re_running_New_on_an_existing_file_suggests_Import()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null").AssertNoErrors();

        var result = Run("New-StageMapConfiguration -Path ./m.json");

        Assert.Equal("ConfigurationFileExists", result.ErrorIds.Single());
        var message = (result.Terminating ?? result.Errors.Single()).Exception.Message;
        Assert.Contains($"Import-StageMapConfiguration -Path '{_session.File("m.json")}'", message);
        Assert.Contains("add -Force", message);
    }

    [Fact]
    public void Overwriting_a_configuration_asks_at_the_default_ConfirmPreference_and_No_keeps_the_file()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null; New-LeadStatusMapping Open New | Out-Null").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));
        _host.Answer = "No";

        Run("New-StageMapConfiguration -Path ./m.json -Force | Out-Null").AssertNoErrors();

        Assert.Contains("Overwrite StageMap configuration file", Assert.Single(_host.Prompts));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void Yes_or_Confirm_false_overwrites()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null; New-LeadStatusMapping Open New | Out-Null").AssertNoErrors();

        Run("New-StageMapConfiguration -Path ./m.json -Force | Out-Null").AssertNoErrors();
        Run("New-LeadStatusMapping Open New | Out-Null; New-StageMapConfiguration -Path ./m.json -Force -Confirm:$false | Out-Null").AssertNoErrors();
        var mappings = Run("(Import-StageMapConfiguration ./m.json).LeadStatusMappings.Count").AssertNoErrors();

        Assert.Single(_host.Prompts);
        Assert.Equal(0, mappings.Output.Single().BaseObject);
    }

    [Fact]
    public void The_harmless_paths_do_not_ask()
    {
        Run("""
            New-StageMapConfiguration -Path ./m.json -Force | Out-Null
            Export-StageMapConfiguration -Path ./copy.json -Force
            New-OutreachStage Nurture | Out-Null
            Remove-OutreachStage Nurture -Force
            Import-OutreachStage "$fx/outreach_api_stages__stagemap.json" -Force
            """).AssertNoErrors();

        Assert.Empty(_host.Prompts);
    }

    [Fact]
    public void Export_Force_over_a_file_asks()
    {
        Run("New-StageMapConfiguration | Out-Null; Set-Content ./copy.json 'kept'").AssertNoErrors();
        _host.Answer = "No";

        Run("Export-StageMapConfiguration -Path ./copy.json -Force").AssertNoErrors();

        Assert.Contains("Overwrite", Assert.Single(_host.Prompts));
        Assert.Equal("kept", File.ReadAllText(_session.File("copy.json")).Trim());
    }

    [Fact]
    public void Removing_a_mapped_stage_asks_names_its_mappings_and_warns_once_per_mapping()
    {
        Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping Open Approaching | Out-Null").AssertNoErrors();

        var whatIf = Run("Remove-OutreachStage Approaching -Force -WhatIf").AssertNoErrors();
        var removed = Run("Remove-OutreachStage Approaching -Force; (Get-LeadStatusMapping).Count").AssertNoErrors();

        Assert.Contains("drop 1 lead status mapping(s): 'Open' -> 'Approaching'", _host.Written);
        Assert.Empty(whatIf.Warnings);
        Assert.Contains("'Open' -> 'Approaching'", Assert.Single(_host.Prompts));
        Assert.Equal(0, removed.Output.Single().BaseObject);
        Assert.Equal("The mapping of lead status 'Open' to stage 'Approaching' was removed: stage 'Approaching' was removed.", Assert.Single(removed.Warnings));
    }

    [Fact]
    public void Import_Force_that_drops_mappings_asks_and_names_them_in_the_WhatIf_text()
    {
        Run("New-StageMapConfiguration | Out-Null; New-OutreachStage Meeting | Out-Null; New-LeadStatusMapping 'Meeting Set' Meeting | Out-Null").AssertNoErrors();
        _host.Answer = "No";

        Run("Import-OutreachStage \"$fx/outreach_stages__stagemap.jsonl\" -Force -WhatIf").AssertNoErrors();
        var declined = Run("Import-OutreachStage \"$fx/outreach_stages__stagemap.jsonl\" -Force; (Get-LeadStatusMapping).Count").AssertNoErrors();

        Assert.Contains("drop 1 lead status mapping(s): 'Meeting Set' -> 'Meeting'", _host.Written);
        Assert.Contains("'Meeting Set' -> 'Meeting'", Assert.Single(_host.Prompts));
        Assert.Equal(1, declined.Output.Single().BaseObject);
    }

    [Fact]
    public void At_ConfirmPreference_Medium_the_one_ShouldProcess_prompt_names_the_drop()
    {
        Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping Open Approaching | Out-Null").AssertNoErrors();

        Run("$ConfirmPreference = 'Medium'; Remove-OutreachStage Approaching -Force | Out-Null").AssertNoErrors();

        Assert.Contains("'Open' -> 'Approaching'", Assert.Single(_host.Prompts));
    }

    [Fact]
    public void Confirm_asks_once_through_ShouldProcess()
    {
        Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping Open Approaching | Out-Null").AssertNoErrors();

        Run("Remove-OutreachStage Approaching -Force -Confirm | Out-Null").AssertNoErrors();

        Assert.Contains("'Open' -> 'Approaching'", Assert.Single(_host.Prompts));
    }

    [Fact]
    public void ConfirmPreference_None_and_Confirm_false_never_ask()
    {
        Run("New-StageMapConfiguration | Out-Null; New-LeadStatusMapping Open Approaching | Out-Null; New-LeadStatusMapping Working Replied | Out-Null").AssertNoErrors();

        Run("$ConfirmPreference = 'None'; Remove-OutreachStage Approaching -Force").AssertNoErrors();
        Run("Remove-OutreachStage Replied -Force -Confirm:$false").AssertNoErrors();

        Assert.Empty(_host.Prompts);
    }
}
