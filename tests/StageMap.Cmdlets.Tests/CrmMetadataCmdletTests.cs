using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Import-CrmMetadata and Get-CrmStatus as a user runs them.</summary>
public sealed class CrmMetadataCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private static string Fixture(string name) => Path.Combine(Fixtures.Salesforce, name);

    private RunResult Run(string script) => _session.RunWithFixtures(Fixtures.Salesforce, script);

    [Fact]
    public void The_shared_Lead_describe_imports_and_Get_CrmStatus_lists_its_four_statuses_with_the_default()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata -Path "$fx/sf_describe_Lead__lwrfileupload.json"
            Get-CrmStatus -Object Lead
            """).AssertNoErrors();

        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" }, result.Output.Select(o => o.Properties["ApiName"].Value));
        Assert.Equal(new object[] { true, false, false, false }, result.Output.Select(o => o.Properties["IsDefault"].Value));
        Assert.All(result.Output, o => Assert.Equal(true, o.Properties["IsActive"].Value));
        Assert.All(result.Output, o => Assert.Null(o.Properties["Id"].Value));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Files_piped_from_Get_ChildItem_import_together_and_the_file_is_saved_with_them()
    {
        var result = Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Get-ChildItem $fx/sf_cli_describe_Lead__stagemap.json, $fx/dataloader_extract_LeadStatus__stagemap.csv | Import-CrmMetadata
            Import-StageMapConfiguration ./m.json | Out-Null
            Get-CrmStatus -Object Lead | ForEach-Object { '{0}|{1}|{2}' -f $_.ApiName, $_.IsConverted, $_.Id }
            """).AssertNoErrors();

        Assert.Equal(6, result.Output.Count);
        Assert.Equal("Closed - Converted|True|01J5g00000Q1aA5EAJ", result.Output[4].ToString());
        var saved = File.ReadAllText(_session.File("m.json"));
        Assert.Contains("\"sources\": [\n      \"sf_cli_describe_Lead__stagemap.json\",\n      \"dataloader_extract_LeadStatus__stagemap.csv\"", saved);
        Assert.DoesNotContain(Fixtures.Salesforce, saved);
    }

    [Fact]
    public void Path_strings_from_the_pipeline_and_wildcards_work()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            "$fx/sfdx_*" | Import-CrmMetadata -PassThru | ForEach-Object { '{0}:{1}' -f $_.Format, $_.Statuses.Count }
            """).AssertNoErrors();

        Assert.Equal(new[] { "CustomField:7", "StandardValueSet:7" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void One_unreadable_file_among_several_imports_nothing_and_leaves_the_file_byte_for_byte()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null; Import-CrmMetadata \"$fx/sf_describe_Lead__lwrfileupload.json\"").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = Run("""
            Import-CrmMetadata -Path "$fx/sf_cli_query_LeadStatus__stagemap.json", "$fx/sf_tree_Lead__la-sfdg-data-loader-examples.json", "$fx/nope.json", "$fx/sfdx_Contact_Status__c.field-meta__stagemap.xml"
            (Get-CrmStatus -Object Lead).Count
            (Get-CrmStatus -Object Contact).Count
            """);

        Assert.Equal(new[] { "PathNotFound", "UnrecognizedMetadataFile" }, result.ErrorIds);
        var unrecognized = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("UnrecognizedMetadataFile", StringComparison.Ordinal));
        Assert.Equal(ErrorCategory.InvalidData, unrecognized.CategoryInfo.Category);
        Assert.Equal(Fixture("sf_tree_Lead__la-sfdg-data-loader-examples.json"), unrecognized.TargetObject);
        Assert.Contains("Nothing was imported: 2 of 4 file(s) could not be read.", result.Warnings.Single());
        Assert.Equal(new object[] { 4, 0 }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void A_malformed_file_is_InvalidMetadataFile_with_line_and_position()
    {
        File.WriteAllText(_session.File("LeadStatus.json"), "{\n  \"totalSize\": 1,\n  \"done\": true,\n  \"records\": [ {\"ApiName\": \"Open\" \"MasterLabel\": \"Open\"} ]\n}");

        var result = Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata ./LeadStatus.json");

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidMetadataFile,StageMap.Cmdlets.CrmMetadata.ImportCrmMetadataCommand", error.FullyQualifiedErrorId);
        Assert.Equal(_session.File("LeadStatus.json"), error.TargetObject);
        Assert.Contains("line 4, position", error.Exception.Message);
    }

    [Fact]
    public void WhatIf_reads_the_files_but_changes_nothing()
    {
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = Run("Import-CrmMetadata \"$fx/sf_describe_Lead__lwrfileupload.json\", \"$fx/sf_tree_Lead__la-sfdg-data-loader-examples.json\" -WhatIf; (Get-CrmStatus).Count");

        Assert.Equal("UnrecognizedMetadataFile", result.ErrorIds.Single());
        Assert.Equal(0, result.Output.Single().BaseObject);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void The_real_Contact_describe_warns_without_the_status_field_and_imports_the_named_picklist()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata "$fx/sf_describe_Contact__lwrfileupload.json"
            (Get-CrmStatus -Object Contact).Count
            Import-CrmMetadata "$fx/sf_describe_Contact__lwrfileupload.json" -ContactStatusField lwrfileupload__Level__c
            Get-CrmStatus -Object Contact | ForEach-Object ApiName
            (Get-StageMapConfiguration).CrmMetadata.ContactStatusField
            """).AssertNoErrors();

        Assert.Contains("lwrfileupload__Level__c", Assert.Single(result.Warnings));
        Assert.Equal(new object[] { 0, "Secondary", "Tertiary", "Primary", "lwrfileupload__Level__c" }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_later_import_uses_the_contact_status_field_the_configuration_knows()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata "$fx/sf_describe_Contact__lwrfileupload.json" -ContactStatusField lwrfileupload__Level__c
            Import-CrmMetadata "$fx/sf_describe_Contact__lwrfileupload.json" -PassThru | ForEach-Object StatusField
            """).AssertNoErrors();

        Assert.Equal("lwrfileupload__Level__c", result.Output.Single().ToString());
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_describe_of_LeadStatus_itself_imports_nothing_with_a_warning()
    {
        var result = Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata \"$fx/sf_describe_LeadStatus__lwrfileupload.json\" -PassThru | ForEach-Object { $_.Object -eq $null }; (Get-CrmStatus).Count").AssertNoErrors();

        Assert.Equal(new object[] { true, 0 }, result.Output.Select(o => o.BaseObject));
        Assert.Contains("describe of the LeadStatus object", Assert.Single(result.Warnings));
    }

    [Fact]
    public void LiteralPath_takes_brackets_as_they_are()
    {
        File.Copy(Fixture("sf_rest_query_LeadStatus__stagemap.json"), _session.File("LeadStatus[prod].json"));

        var result = Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata -LiteralPath ./LeadStatus[prod].json; (Get-CrmStatus).Count").AssertNoErrors();

        Assert.Equal(6, result.Output.Single().BaseObject);
    }

    [Fact]
    public void Get_CrmStatus_filters_by_object_and_API_name()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata "$fx/sfdx_LeadStatus.standardValueSet-meta__stagemap.xml", "$fx/sfdx_Contact_Status__c.field-meta__stagemap.xml"
            Get-CrmStatus -ApiName 'recycled' | ForEach-Object { "$($_.Object):$($_.IsActive)" }
            Get-CrmStatus Contact 'N*', 'b*' | ForEach-Object ApiName
            """).AssertNoErrors();

        Assert.Equal(new[] { "Lead:False", "Contact:False", "New", "Bad Data" }, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Get_CrmStatus_without_imported_metadata_emits_nothing()
    {
        var result = Run("New-StageMapConfiguration | Out-Null; Get-CrmStatus").AssertNoErrors();

        Assert.Empty(result.Output);
    }

    [Theory]
    [InlineData("Import-CrmMetadata x -ContactStatusField lwr", "lwrfileupload__Level__c")]
    [InlineData("Import-CrmMetadata x -ContactStatusField Con", "Contact_Status__c")]
    [InlineData("Get-CrmStatus -Object Lead -ApiName work", "'Working - Contacted'")]
    [InlineData("New-LeadStatusMapping -CrmStatus clo", "'Closed - Converted'")]
    public void Contact_fields_and_statuses_complete_from_the_imported_metadata(string line, string expected)
    {
        Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata \"$fx/sf_describe_Lead__lwrfileupload.json\", \"$fx/sf_describe_Contact__lwrfileupload.json\" 3>$null").AssertNoErrors();

        var result = _session.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Contains(expected, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Status_completion_follows_the_object_typed()
    {
        Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata \"$fx/sf_describe_Lead__lwrfileupload.json\", \"$fx/sfdx_Contact_Status__c.field-meta__stagemap.xml\"").AssertNoErrors();

        const string line = "Get-CrmStatus -Object Contact -ApiName ";
        var contact = _session.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Contains("New", contact.Output.Select(o => o.ToString()));
        Assert.DoesNotContain("'Open - Not Contacted'", contact.Output.Select(o => o.ToString()));
    }
}
