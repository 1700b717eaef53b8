using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>Import-CrmMetadata of a folder and Get-CrmRecordType, as an admin runs them.</summary>
public sealed class RecordTypeCmdletTests : IDisposable
{
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    private static string Project { get; } = Path.Combine(Fixtures.Salesforce, "record_types_sfdx_project__stagemap");

    private RunResult Run(string script) => _session.RunWithFixtures(Project, script);

    [Fact]
    public void A_project_folder_imports_in_one_command_and_Verbose_lists_what_it_skipped()
    {
        var result = Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Import-CrmMetadata -Path $fx -Verbose 4>&1 | ForEach-Object { "$_" }
            (Get-CrmStatus -Object Lead).Count
            """).AssertNoErrors();

        var verbose = result.Output.Take(result.Output.Count - 1).Select(o => o.ToString()).ToList();
        Assert.Contains(verbose, v => v.StartsWith($"Skipped '{Path.Combine(Project, "force-app", "main", "default", "objects", "Lead", "fields", "Rating__c.field-meta.xml")}': SFDX source StageMap does not read", System.StringComparison.Ordinal));
        Assert.Contains(verbose, v => v.StartsWith($"Skipped '{Path.Combine(Project, "sfdx-project.json")}'", System.StringComparison.Ordinal));
        Assert.Contains($"'{Project}': 7 file(s) to import, 3 skipped.", verbose);
        Assert.Equal(7, result.Output[^1].BaseObject);
        Assert.Empty(result.Warnings);
        var saved = File.ReadAllText(_session.File("m.json"));
        Assert.Contains("\"recordTypes\": [", saved);
        Assert.Contains("\"businessProcess\": \"Partner Process\"", saved);
    }

    [Fact]
    public void Get_CrmRecordType_shows_the_values_of_Partner_Lead()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata -LiteralPath $fx
            Get-CrmRecordType -Object Lead -Name 'Partner Lead'
            """).AssertNoErrors();

        var partner = Assert.Single(result.Output);
        Assert.Equal("StageMap.CrmRecordType", partner.TypeNames[0]);
        Assert.Equal("Partner_Lead", partner.Properties["DeveloperName"].Value);
        Assert.Equal("Partner Process", partner.Properties["BusinessProcess"].Value);
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" }, (System.Collections.Generic.IEnumerable<string>)partner.Properties["Values"].Value);
        Assert.Equal(new[] { "Closed - Converted" }, (System.Collections.Generic.IEnumerable<string>)partner.Properties["ConvertedValues"].Value);

        var view = _session.Run("Get-CrmRecordType -Object Lead -Name partner_lead | Out-String -Width 60").AssertNoErrors().Output.Single().ToString().Replace("\r", "");
        Assert.Contains("Lead record type 'Partner Lead' (Partner_Lead)\n    Lead Process: Partner Process\n    Open - Not Contacted (default)\n    Working - Contacted\n    Closed - Converted (converted)\n    Closed - Not Converted\n", view);
    }

    [Fact]
    public void Names_select_by_label_or_developer_name_with_wildcards_and_a_literal_that_matches_nothing_is_an_error()
    {
        var result = Run("""
            New-StageMapConfiguration | Out-Null
            Import-CrmMetadata -Path $fx
            Get-CrmRecordType -Name 'customer_contact', '*lead', 'Nope', 'Nurtur*' | ForEach-Object DeveloperName
            'Legacy Lead' | Get-CrmRecordType | ForEach-Object IsActive
            Get-CrmRecordType -Object Contact -Name 'Partner Lead'
            """);

        Assert.Equal(new object[] { "Legacy_Lead", "Partner_Lead", "Customer_Contact", false }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(new[] { "RecordTypeNotFound", "RecordTypeNotFound" }, result.ErrorIds);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Equal(new object[] { "Nope", "Partner Lead" }, result.Errors.Select(e => e.TargetObject));
    }

    [Fact]
    public void Without_record_types_a_literal_says_none_are_imported()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; Get-CrmRecordType; Get-CrmRecordType 'Partner Lead'");

        Assert.Empty(result.Output);
        Assert.Contains("holds no Lead or Contact record types", result.Errors.Single().Exception.Message);
    }

    [Fact]
    public void Record_type_names_complete_for_the_object_typed()
    {
        Run("New-StageMapConfiguration | Out-Null; Import-CrmMetadata -Path $fx").AssertNoErrors();

        var lead = _session.Run("(TabExpansion2 -inputScript 'Get-CrmRecordType -Object Lead -Name ' -cursorColumn 37).CompletionMatches.CompletionText").AssertNoErrors();
        var contact = _session.Run("(TabExpansion2 -inputScript 'Get-CrmRecordType -Object Contact cust' -cursorColumn 37).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Equal(new[] { "'Legacy Lead'", "'Partner Lead'", "Legacy_Lead", "Partner_Lead" }, lead.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "'Customer Contact'", "Customer_Contact" }, contact.Output.Select(o => o.ToString()));
    }

    /// <summary>A copy of the fixture project in the session's folder, as ./project.</summary>
    private string CopyProject()
    {
        var copy = _session.File("project");
        foreach (var file in Directory.GetFiles(Project, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Project, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static System.Collections.Generic.Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    private const string MapEveryStatus = """
        New-StageMapConfiguration -Path ./m.json | Out-Null
        Import-CrmMetadata -Path ./project
        New-LeadStatusMapping -FromCrm -CreateMissingStages -WarningAction SilentlyContinue | Out-Null
        New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName | Out-Null
        """;

    [Fact]
    public void Export_RecordType_adds_the_two_missing_statuses_WhatIf_writes_nothing_and_after_a_reimport_SM016_is_gone()
    {
        var project = CopyProject();
        Run(MapEveryStatus).AssertNoErrors();
        var warning = Assert.Single(_session.Run("Test-StageMapping | Where-Object RuleId -EQ 'SM016'").AssertNoErrors().Output);
        Assert.Equal("Partner Lead", warning.Properties["Target"].Value);
        var before = Snapshot(project);
        var configurationBefore = File.ReadAllBytes(_session.File("m.json"));

        var whatIf = _session.Run("Export-CrmMetadata -Path ./project -RecordType 'Partner Lead' -WhatIf").AssertNoErrors();

        Assert.Empty(whatIf.Output);
        Assert.Equal(before.Keys.OrderBy(k => k), Snapshot(project).Keys.OrderBy(k => k));
        Assert.All(Snapshot(project), f => Assert.Equal(before[f.Key], f.Value));
        Assert.Equal(configurationBefore, File.ReadAllBytes(_session.File("m.json")));

        var written = _session.Run("Export-CrmMetadata -Path ./project -RecordType 'Partner Lead'").AssertNoErrors();

        Assert.Equal(new object[] { "Nurturing", "Meeting Booked" }, written.Output.Select(o => o.Properties["Value"].Value));
        var process = Path.Combine(project, "force-app", "main", "default", "objects", "Lead", "businessProcesses", "Partner Process.businessProcess-meta.xml");
        Assert.All(Snapshot(project).Where(f => f.Key != process), f => Assert.Equal(before[f.Key], f.Value));
        var after = _session.Run("Import-CrmMetadata -Path ./project; Test-StageMapping | Where-Object RuleId -EQ 'SM016'; (Get-CrmRecordType 'Partner Lead').Values").AssertNoErrors();
        Assert.Equal(new object[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted", "Nurturing", "Meeting Booked" }, after.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Export_RecordType_of_a_name_no_record_type_has_is_RecordTypeNotFound_and_writes_nothing()
    {
        var project = CopyProject();
        Run(MapEveryStatus).AssertNoErrors();
        var before = Snapshot(project);

        var result = _session.Run("Export-CrmMetadata -Path ./project -RecordType 'Reseller Lead', 'Partner*'");

        Assert.Equal(new[] { "RecordTypeNotFound" }, result.ErrorIds);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(before.Count, Snapshot(project).Count);

        var nothing = _session.Run("Export-CrmMetadata -Path ./project -RecordType 'Nope'");
        Assert.Equal(new[] { "RecordTypeNotFound" }, nothing.ErrorIds);
        Assert.Empty(nothing.Output);
    }

    [Fact]
    public void One_broken_file_in_a_folder_imports_nothing_and_leaves_the_configuration_byte_for_byte()
    {
        var copy = CopyProject();

        File.WriteAllText(Path.Combine(copy, "force-app", "main", "default", "objects", "Lead", "recordTypes", "Partner_Lead.recordType-meta.xml"), "<RecordType><active>maybe</active></RecordType>");
        Run("New-StageMapConfiguration -Path ./m.json | Out-Null").AssertNoErrors();
        var before = File.ReadAllBytes(_session.File("m.json"));

        var result = _session.Run("Import-CrmMetadata -Path ./project; Get-CrmRecordType; (Get-CrmStatus).Count");

        Assert.Equal(new[] { "InvalidMetadataFile" }, result.ErrorIds);
        Assert.Contains("<active> must be true or false, not 'maybe'", result.Errors.Single().Exception.Message);
        Assert.Contains("Nothing was imported: 1 of 7 file(s) could not be read.", result.Warnings.Single());
        Assert.Equal(new object[] { 0 }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }
}
