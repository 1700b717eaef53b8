using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Pipeline input binds by the names people have (parameter aliases, listed
/// in help); Get- cmdlets treat a literal name that matches nothing as Get-Item does; bad values get
/// messages that list the valid ones; a save into a missing folder says so.
/// </summary>
public sealed class HabitsCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    public HabitsCmdletTests() => _session.Run("New-StageMapConfiguration | Out-Null").AssertNoErrors();

    private string[] Mappings() =>
        _session.Run("Get-LeadStatusMapping | ForEach-Object { \"$($_.CrmStatus)>$($_.Stage)\" }").AssertNoErrors().Output.Select(o => o.ToString()).ToArray();

    [Theory]
    [InlineData("Status,Stage")]
    [InlineData("\"Lead Status\",\"Outreach Stage\"")]
    [InlineData("CrmStatus,Stage")]
    public void A_sheet_with_the_headers_people_use_binds_to_New_and_Set(string header)
    {
        File.WriteAllText(_session.File("new.csv"), $"{header}\nOpen - Not Contacted,New\nWorking - Contacted,Approaching\n");
        File.WriteAllText(_session.File("set.csv"), $"{header}\nWorking - Contacted,Replied\n");

        _session.Run("Import-Csv ./new.csv | New-LeadStatusMapping | Out-Null; Import-Csv ./set.csv | Set-LeadStatusMapping").AssertNoErrors();

        Assert.Equal(new[] { "Open - Not Contacted>New", "Working - Contacted>Replied" }, Mappings());
    }

    [Fact]
    public void Get_CrmStatus_objects_bind_to_New_LeadStatusMapping_by_their_ApiName()
    {
        _session.RunWithFixtures(Fixtures.Salesforce, """
            Import-CrmMetadata "$fx/sf_rest_query_LeadStatus__stagemap.json" | Out-Null
            Get-CrmStatus -Object Lead -ApiName Nurturing | New-LeadStatusMapping -Stage Approaching | Out-Null
            """).AssertNoErrors();

        Assert.Equal(new[] { "Nurturing>Approaching" }, Mappings());
    }

    [Fact]
    public void Stages_bind_to_Get_LeadStatusMapping_by_their_Name()
    {
        _session.Run("New-LeadStatusMapping Open New | Out-Null; New-LeadStatusMapping Working Approaching | Out-Null").AssertNoErrors();

        var result = _session.Run("Get-OutreachStage -Name New | Get-LeadStatusMapping | ForEach-Object CrmStatus").AssertNoErrors();

        Assert.Equal("Open", result.Output.Single().ToString());
    }

    [Theory]
    [InlineData("New-LeadStatusMapping", "CrmStatus", "Status, Lead Status, ApiName")]
    [InlineData("New-LeadStatusMapping", "Stage", "Outreach Stage")]
    [InlineData("Set-LeadStatusMapping", "CrmStatus", "Status, Lead Status, ApiName")]
    [InlineData("Get-LeadStatusMapping", "Stage", "Outreach Stage, Name")]
    public void Help_lists_the_aliases(string cmdlet, string parameter, string aliases)
    {
        var result = _session.Run($"(Get-Help {cmdlet} -Parameter {parameter}).aliases").AssertNoErrors();

        Assert.Equal(aliases, result.Output.Single().ToString());
    }

    [Fact]
    public void A_literal_name_that_matches_nothing_is_an_error_and_a_wildcard_is_silent()
    {
        _session.Run("New-LeadStatusMapping Open New | Out-Null").AssertNoErrors();

        var result = _session.Run("""
            Get-LeadStatusMapping -CrmStatus nope
            Get-LeadStatusMapping -CrmStatus 'no*'
            Get-LeadStatusMapping -Stage Replied
            Get-LeadStatusMapping -Stage Nurture
            Get-LeadStatusMapping -Stage 'Rep*'
            Get-CrmStatus -ApiName Nope
            Get-CrmStatus -ApiName 'No*'
            Get-LeadStatusMapping -CrmStatus OPEN | ForEach-Object Stage
            """);

        Assert.Equal(new[] { "CrmStatusNotMapped", "StageNotMapped", "StageNotFound", "CrmStatusNotFound" }, result.ErrorIds);
        Assert.Equal(new[] { "nope", "Replied", "Nurture", "Nope" }, result.Errors.Select(e => e.TargetObject));
        Assert.Equal("New", result.Output.Single().ToString());
    }

    [Fact]
    public void An_empty_CrmStatus_is_InvalidCrmStatus()
    {
        var result = _session.Run("""
            New-LeadStatusMapping -CrmStatus '' -Stage New
            Set-LeadStatusMapping -CrmStatus '' -Stage New
            Remove-LeadStatusMapping -CrmStatus ''
            Get-LeadStatusMapping -CrmStatus ''
            """);

        Assert.Equal(new[] { "InvalidCrmStatus", "InvalidCrmStatus", "InvalidCrmStatus", "InvalidCrmStatus" }, result.ErrorIds);
    }

    [Theory]
    [InlineData("Get-CrmStatus -Object Leed", "'Leed' is not a valid value. Valid values are: Lead, Contact.")]
    [InlineData("New-StageMapConfiguration -Experience Foo", "'Foo' is not a valid value. Valid values are: ClassicPlugin, EnhancedCrmSync.")]
    [InlineData("New-FieldMapping -Object Lead -OutreachField title -CrmField Title -Direction X", "'X' is not a valid value. Valid values are: Bidirectional, ToCrm, FromCrm.")]
    [InlineData("Get-StageMapProcedure -Object Leed", "'Leed' is not a valid value. Valid values are: Lead, Contact.")]
    [InlineData("ConvertTo-OutreachProspect -Object Leed -InputObject @{ Status = 'New' }", "'Leed' is not a valid value. Valid values are: Lead, Contact.")]
    [InlineData("Find-StageDrift -Object Leed -CrmPath a.csv -OutreachPath b.jsonl", "'Leed' is not a valid value. Valid values are: Lead, Contact.")]
    [InlineData("Export-StageMapReport -Path r.html -Object Leed", "'Leed' is not a valid value. Valid values are: Lead, Contact.")]
    public void An_invalid_value_lists_the_valid_values_and_no_type_name(string script, string message)
    {
        var error = _session.Run(script).Errors.Single();

        Assert.Contains(message, error.Exception.Message);
        Assert.DoesNotContain("StageMap.Engine", error.Exception.Message);
    }

    [Fact]
    public void Enum_values_still_bind_in_any_case_and_from_piped_rows()
    {
        File.WriteAllText(_session.File("fields.csv"), "Object,OutreachField,CrmField,Direction\ncontact,Stage Name,Contact_Status__c,tocrm\n");

        var result = _session.Run("Import-Csv ./fields.csv | New-FieldMapping | ForEach-Object { \"$($_.Object):$($_.Direction)\" }; (Get-CrmStatus -Object lead, Contact).Count").AssertNoErrors();

        Assert.Equal(new object[] { "Contact:ToCrm", 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_save_into_a_missing_folder_names_the_folder()
    {
        var result = _session.Run("New-StageMapConfiguration -Path ./missing/m.json");

        var error = result.Terminating ?? result.Errors.Single();
        Assert.Equal("ConfigurationSaveFailed", result.ErrorIds.Single());
        Assert.Contains($"the folder '{_session.File("missing")}' does not exist", error.Exception.Message);
        Assert.False(Directory.Exists(_session.File("missing")));
    }
}
