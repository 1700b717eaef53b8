using System;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class ProcedureCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private void StandardOrg(string experience)
    {
        _session.Run($"""
            New-StageMapConfiguration -Experience {experience} | Out-Null
            Import-Csv '{ModuleSession.ModulePath}/samples/lead-status-mapping.csv' | New-LeadStatusMapping | Out-Null
            New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
            New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c | Out-Null
            """).AssertNoErrors();
        _session.Run("Get-OutreachStage | ForEach-Object { Set-OutreachStage -Name $_.Name -OutreachId $_.Id }").AssertNoErrors();
    }

    [Fact]
    public void Steps_are_objects_with_Step_Section_Action_and_Value()
    {
        StandardOrg("ClassicPlugin");

        var result = _session.Run("Get-StageMapProcedure").AssertNoErrors();

        Assert.Equal(37, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("StageMap.Engine.Procedure.ProcedureStep", o.BaseObject.GetType().FullName));
        var sixth = result.Output[5];
        Assert.Equal(6, sixth.Properties["Step"].Value);
        Assert.Equal("Lead Status mappings", sixth.Properties["Section"].Value);
        Assert.Equal("Select 'Open - Not Contacted' from the LeadStatus: dropdown menu on the New Lead Status Mapping window.", sixth.Properties["Action"].Value);
        Assert.Equal("Open - Not Contacted", sixth.Properties["Value"].Value);
    }

    [Fact]
    public void The_procedure_follows_the_experience_of_New_and_Set_StageMapConfiguration()
    {
        StandardOrg("EnhancedCrmSync");

        var result = _session.Run("""
            (Get-StageMapProcedure)[1].Action
            Set-StageMapConfiguration -Experience ClassicPlugin
            (Get-StageMapProcedure)[1].Action
            (Get-StageMapProcedure -Experience EnhancedCrmSync)[1].Action
            (Get-StageMapConfiguration).Experience.ToString()
            """).AssertNoErrors();

        Assert.Equal(new[] { "Access the CRM Sync.", "Access the CRM Plugin.", "Access the CRM Sync.", "ClassicPlugin" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Object_keeps_one_object()
    {
        StandardOrg("ClassicPlugin");

        var result = _session.Run("""
            (Get-StageMapProcedure -Object Lead | Select-Object -ExpandProperty Section -Unique) -join '|'
            (Get-StageMapProcedure -Object Contact | Select-Object -ExpandProperty Section -Unique) -join '|'
            (Get-StageMapProcedure -Object Contact).Count
            """).AssertNoErrors();

        Assert.Equal(
            new object[] { "Lead Status mappings|Lead Stage <> Status field mapping", "Contact Stage Name <> Contact Status field mapping", 7 },
            result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void AsMarkdown_is_one_checklist_string_for_the_experience()
    {
        StandardOrg("EnhancedCrmSync");

        var result = _session.Run("Get-StageMapProcedure -AsMarkdown").AssertNoErrors();

        var markdown = Assert.IsType<string>(result.Output.Single().BaseObject);
        var lines = markdown.Split('\n');
        Assert.Equal("# Outreach stage / status mapping: Enhanced CRM Sync (beta)", lines[0]);
        Assert.Equal(new[] { "## Lead Status mappings", "## Lead Stage <> Status field mapping", "## Contact Stage Name <> Contact Status field mapping" }, lines.Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Equal(36, lines.Count(l => l.StartsWith("- [ ] ", StringComparison.Ordinal)));
        Assert.Contains("- [ ] 25. Click Add mapping and map the Outreach field `Stage` to the CRM field `Status`.", lines);
        Assert.Contains("- [ ] 29. Select `LeadStatus` from the External Mapped Type: dropdown menu.", lines);
    }

    [Fact]
    public void The_table_view_groups_steps_by_section()
    {
        StandardOrg("ClassicPlugin");

        var result = _session.Run("Get-StageMapProcedure -Object Contact | Out-String -Width 200").AssertNoErrors();

        var text = result.Output.Single().ToString();
        Assert.Contains("Section: Contact Stage Name <> Contact Status field mapping", text);
        Assert.Matches(@"(?m)^\s*Step\s+Action\s*$", text);
        Assert.Matches(@"(?m)^\s+7\s+Click Save\.\s*$", text);
    }

    [Fact]
    public void Without_mappings_the_procedure_says_what_is_not_configured()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; Get-StageMapProcedure | Where-Object Section -NE 'Outreach stages' | ForEach-Object Action").AssertNoErrors();

        Assert.Equal(3, result.Output.Count);
        Assert.All(result.Output, o => Assert.StartsWith("Not configured yet", o.ToString()));
    }
}
