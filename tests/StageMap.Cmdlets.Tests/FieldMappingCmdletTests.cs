using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

public sealed class FieldMappingCmdletTests : IDisposable
{
    private const string LeadStageOneLiner = "New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName";
    private const string ContactOneLiner = "New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c";

    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    /// <summary>A configuration file with the article's two mappings, and its bytes.</summary>
    private byte[] ArticleFile()
    {
        _session.Run($"New-StageMapConfiguration -Path ./m.json | Out-Null; {LeadStageOneLiner} | Out-Null; {ContactOneLiner} | Out-Null").AssertNoErrors();
        return File.ReadAllBytes(_session.File("m.json"));
    }

    private ErrorRecord FailsLeavingTheFile(byte[] before, string script, string errorId, ErrorCategory category, object target)
    {
        var result = _session.Run(script);

        var error = Assert.Single(result.Errors.Concat(result.Terminating is null ? Enumerable.Empty<ErrorRecord>() : new[] { result.Terminating }));
        Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, error.CategoryInfo.Category);
        Assert.Equal(target, error.TargetObject);
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
        return error;
    }

    private string Saved() => File.ReadAllText(_session.File("m.json"));

    [Fact]
    public void The_article_one_liners_work_verbatim_and_are_saved()
    {
        var result = _session.Run($"New-StageMapConfiguration -Path ./m.json | Out-Null; {LeadStageOneLiner}; {ContactOneLiner}").AssertNoErrors();

        Assert.Equal(2, result.Output.Count);
        var lead = result.Output[0];
        Assert.Equal("Lead", lead.Properties["Object"].Value.ToString());
        Assert.Equal("Stage", lead.Properties["OutreachField"].Value);
        Assert.Equal("Status", lead.Properties["CrmField"].Value);
        Assert.Equal("Bidirectional", lead.Properties["Direction"].Value.ToString());
        Assert.Equal("LookupField, ExternalMappedField, ExternalMappedType=LeadStatus, LookForName", lead.Properties["Options"].Value.ToString());
        Assert.Equal("Stage Name", result.Output[1].Properties["OutreachField"].Value);
        var saved = _session.Run("""
            $m = (Get-Content ./m.json -Raw | ConvertFrom-Json).fieldMappings
            $stage = $m | Where-Object outreachField -EQ 'Stage'
            $stage.crmField; $stage.options.lookupField; $stage.options.externalMappedField; $stage.options.externalMappedType; $stage.options.lookForName
            ($m | Where-Object outreachField -EQ 'Stage Name').crmField
            """).AssertNoErrors();
        Assert.Equal(new object[] { "Status", true, true, "LeadStatus", true, "Contact_Status__c" }, saved.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void A_new_configuration_lists_the_default_person_mappings()
    {
        var result = _session.Run("New-StageMapConfiguration | Out-Null; Get-FieldMapping | ForEach-Object { '{0}:{1}={2}' -f $_.Object, $_.OutreachField, $_.CrmField }").AssertNoErrors();

        Assert.Equal(
            new[] { "Lead:First Name=FirstName", "Lead:Last Name=LastName", "Lead:Email=Email", "Lead:Title=Title", "Lead:Company=Company", "Contact:First Name=FirstName", "Contact:Last Name=LastName", "Contact:Email=Email", "Contact:Title=Title" },
            result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Mapping_an_Outreach_field_twice_is_DuplicateFieldMapping_and_the_file_is_unchanged()
    {
        var before = ArticleFile();

        FailsLeavingTheFile(before, "New-FieldMapping -Object Lead -OutreachField stage -CrmField Stage__c", "DuplicateFieldMapping", ErrorCategory.ResourceExists, "stage");
    }

    [Fact]
    public void Mapping_a_CRM_field_twice_ignoring_case_is_DuplicateFieldMapping_and_the_file_is_unchanged()
    {
        var before = ArticleFile();

        var error = FailsLeavingTheFile(before, "New-FieldMapping -Object Contact -OutreachField Occupation -CrmField contact_status__C", "DuplicateFieldMapping", ErrorCategory.ResourceExists, "contact_status__C");

        Assert.Contains("'Stage Name'", error.Exception.Message);
    }

    [Fact]
    public void ExternalMappedField_without_LookupField_is_refused_by_New_and_the_file_is_unchanged()
    {
        var before = ArticleFile();

        FailsLeavingTheFile(before, "New-FieldMapping -Object Lead -OutreachField Source -CrmField LeadSource -ExternalMappedField", "ExternalMappedFieldRequiresLookup", ErrorCategory.InvalidArgument, "Source");
    }

    [Fact]
    public void Turning_LookupField_off_with_ExternalMappedField_on_is_refused_by_Set_and_the_file_is_unchanged()
    {
        var before = ArticleFile();

        FailsLeavingTheFile(before, "Set-FieldMapping -Object Lead -OutreachField Stage -LookupField:$false", "ExternalMappedFieldRequiresLookup", ErrorCategory.InvalidArgument, "Stage");
    }

    [Theory]
    [InlineData("Set-FieldMapping -Object Contact -OutreachField Company -SkipEmptyOnPush", "Company")]
    [InlineData("Remove-FieldMapping -Object Lead -OutreachField 'Stage Name'", "Stage Name")]
    [InlineData("Get-FieldMapping -Object Contact -OutreachField Stage", "Stage")]
    public void A_field_not_mapped_on_the_object_is_FieldMappingNotFound_and_the_file_is_unchanged(string script, string target)
    {
        var before = ArticleFile();

        FailsLeavingTheFile(before, script, "FieldMappingNotFound", ErrorCategory.ObjectNotFound, target);
    }

    [Fact]
    public void A_white_space_field_name_is_InvalidFieldName_and_the_file_is_unchanged()
    {
        var before = ArticleFile();

        FailsLeavingTheFile(before, "New-FieldMapping -Object Lead -OutreachField ' ' -CrmField Status__c", "InvalidFieldName", ErrorCategory.InvalidArgument, " ");
    }

    [Fact]
    public void Set_changes_only_what_is_bound()
    {
        ArticleFile();

        var result = _session.Run("""
            Set-FieldMapping -Object Lead -OutreachField Stage -SkipEmptyOnPull -ExternalEmptyPlaceholder '#N/A' -PassThru | ForEach-Object { $_.Options.ToString(); $_.Direction.ToString() }
            Set-FieldMapping -Object Lead -OutreachField Stage -Direction FromCrm -PassThru | ForEach-Object { $_.Options.ToString(); $_.Direction.ToString() }
            """).AssertNoErrors();

        Assert.Equal(
            new[]
            {
                "SkipEmptyOnPull, ExternalEmptyPlaceholder='#N/A', LookupField, ExternalMappedField, ExternalMappedType=LeadStatus, LookForName", "Bidirectional",
                "SkipEmptyOnPull, ExternalEmptyPlaceholder='#N/A', LookupField, ExternalMappedField, ExternalMappedType=LeadStatus, LookForName", "FromCrm",
            },
            result.Output.Select(o => o.ToString()));
        Assert.Contains("\"externalEmptyPlaceholder\": \"#N/A\"", Saved());
    }

    [Fact]
    public void Switches_with_false_turn_options_off_and_an_empty_string_clears_a_placeholder()
    {
        ArticleFile();
        _session.Run("Set-FieldMapping Lead Stage -ExternalEmptyPlaceholder '#N/A' -InternalEmptyPlaceholder 'n/a'").AssertNoErrors();

        var result = _session.Run("""
            Set-FieldMapping Lead Stage -LookupField:$false -ExternalMappedField:$false -LookForName:$false -ExternalEmptyPlaceholder '' -InternalEmptyPlaceholder $null -PassThru |
                ForEach-Object { $_.Options.ToString() }
            """).AssertNoErrors();

        Assert.Equal("ExternalMappedType=LeadStatus", result.Output.Single().ToString());
        Assert.DoesNotContain("Placeholder", Saved());
    }

    [Fact]
    public void Piped_mappings_are_changed_object_by_object()
    {
        ArticleFile();

        _session.Run("Get-FieldMapping -Object Lead | Set-FieldMapping -SkipEmptyOnPush").AssertNoErrors();
        var result = _session.Run("""
            Import-StageMapConfiguration ./m.json | Out-Null
            Get-FieldMapping | ForEach-Object { '{0}:{1}={2}' -f $_.Object, $_.OutreachField, $_.Options.SkipEmptyOnPush }
            (Get-FieldMapping -Object Lead -OutreachField Stage).Options.LookupField
            """).AssertNoErrors();

        var lines = result.Output.Select(o => o.ToString()).ToList();
        Assert.All(lines.Where(l => l.StartsWith("Lead:", StringComparison.Ordinal)), l => Assert.EndsWith("=True", l));
        Assert.All(lines.Where(l => l.StartsWith("Contact:", StringComparison.Ordinal)), l => Assert.EndsWith("=False", l));
        Assert.Equal(6, lines.Count(l => l.StartsWith("Lead:", StringComparison.Ordinal)));
        Assert.Equal("True", lines[^1]);
    }

    [Fact]
    public void A_sheet_maps_every_good_row_and_reports_each_bad_one()
    {
        File.WriteAllText(_session.File("fields.csv"), "Object,OutreachField,CrmField,Direction\r\nLead,Source,LeadSource,ToCrm\r\nLead,Company,Account__c,Bidirectional\r\nContact,stageName,Contact_Status__c,FromCrm\r\n");

        var result = _session.Run("""
            New-StageMapConfiguration -Path ./m.json | Out-Null
            Import-Csv ./fields.csv | New-FieldMapping | ForEach-Object { '{0}:{1}={2}:{3}' -f $_.Object, $_.OutreachField, $_.CrmField, $_.Direction }
            """);

        Assert.Equal(new[] { "Lead:Source=LeadSource:ToCrm", "Contact:Stage Name=Contact_Status__c:FromCrm" }, result.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "DuplicateFieldMapping" }, result.ErrorIds);
        Assert.Contains("\"crmField\": \"LeadSource\"", Saved());
        Assert.DoesNotContain("Account__c", Saved());
    }

    [Fact]
    public void WhatIf_changes_neither_the_configuration_nor_the_file()
    {
        var before = ArticleFile();

        var result = _session.Run("""
            New-FieldMapping Lead Source LeadSource -WhatIf
            Set-FieldMapping Lead Stage -DisplayName -WhatIf
            Remove-FieldMapping Contact 'Stage Name' -WhatIf
            (Get-FieldMapping).Count
            (Get-FieldMapping Lead Stage).Options.DisplayName
            """).AssertNoErrors();

        Assert.Equal(new object[] { 11, false }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(before, File.ReadAllBytes(_session.File("m.json")));
    }

    [Fact]
    public void Remove_takes_mappings_from_the_pipeline()
    {
        ArticleFile();

        var result = _session.Run("""
            Get-FieldMapping -OutreachField 'stage*' | Remove-FieldMapping -PassThru | ForEach-Object { '{0}:{1}' -f $_.Object, $_.OutreachField }
            (Get-FieldMapping -OutreachField 'stage*').Count
            """).AssertNoErrors();

        Assert.Equal(new object[] { "Lead:Stage", "Contact:Stage Name", 0 }, result.Output.Select(o => o.BaseObject));
        Assert.DoesNotContain("Stage Name", Saved());
    }

    [Fact]
    public void Get_finds_a_field_by_plugin_name_or_API_attribute_on_any_object()
    {
        ArticleFile();

        var result = _session.Run("""
            (Get-FieldMapping -OutreachField stageName).OutreachField
            (Get-FieldMapping -OutreachField title).Object -join ','
            (Get-FieldMapping Contact '*name').OutreachField -join ','
            (Get-FieldMapping -OutreachField 'nothing*').Count
            """).AssertNoErrors();

        Assert.Equal(new object[] { "Stage Name", "Lead,Contact", "First Name,Last Name,Stage Name", 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Theory]
    [InlineData("New-FieldMapping -Object Contact -OutreachField st", "'Stage Name'")]
    [InlineData("New-FieldMapping -Object Lead -OutreachField Link", "'LinkedIn URL'")]
    [InlineData("Set-FieldMapping -Object Lead -OutreachField sta", "Stage")]
    [InlineData("Remove-FieldMapping Contact Stage", "'Stage Name'")]
    [InlineData("New-FieldMapping -Object Lead -OutreachField Source -CrmField Lead", "LeadSource")]
    [InlineData("New-FieldMapping -Object Lead -OutreachField Source -CrmField Stat", "Status")]
    [InlineData("New-FieldMapping -Object Contact -OutreachField Source -CrmField Contact_", "Contact_Status__c")]
    [InlineData("New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -ExternalMappedType Lead", "LeadStatus")]
    [InlineData("New-FieldMapping -Object Con", "Contact")]
    [InlineData("Get-StageMapProcedure -Experience Enh", "EnhancedCrmSync")]
    public void Objects_fields_and_types_complete(string line, string expected)
    {
        ImportFileWithLeadFieldMetadata();

        var result = Complete(line);

        Assert.Contains(expected, result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void CRM_fields_complete_only_from_the_object_typed()
    {
        ImportFileWithLeadFieldMetadata();

        var contact = Complete("New-FieldMapping -Object Contact -OutreachField x -CrmField ");
        var lead = Complete("New-FieldMapping -Object Lead -OutreachField x -CrmField ");
        var outreach = Complete("Set-FieldMapping -Object Contact -OutreachField ");

        Assert.Equal(new[] { "FirstName", "LastName", "Email", "Title", "Contact_Status__c" }, contact.Output.Select(o => o.ToString()));
        Assert.Equal(new[] { "FirstName", "LastName", "Email", "Title", "Company", "Status", "LeadSource", "Rating" }, lead.Output.Select(o => o.ToString()));
        Assert.Equal("'First Name'", outreach.Output[0].ToString());
        Assert.DoesNotContain("Company", outreach.Output.Take(5).Select(o => o.ToString()));
    }

    private RunResult Complete(string line) =>
        _session.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();

    /// <summary>
    /// A configuration file whose CRM metadata lists Lead fields, written by hand the way Import-CrmMetadata
    /// stores them, with the article's two mappings.
    /// </summary>
    private void ImportFileWithLeadFieldMetadata()
    {
        ArticleFile();
        _session.Run("""
            $json = Get-Content ./m.json -Raw | ConvertFrom-Json
            $json | Add-Member crmMetadata ([pscustomobject]@{ leadStatuses = @(); contactStatusField = 'Contact_Status__c'; contactStatuses = @(); leadFields = @('LeadSource', 'Status', 'Rating'); contactFields = @(); sources = @('Lead.json') })
            $json | ConvertTo-Json -Depth 10 | Set-Content ./m.json
            Import-StageMapConfiguration ./m.json | Out-Null
            """).AssertNoErrors();
    }
}
