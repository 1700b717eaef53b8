using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>ConvertTo-OutreachProspect and ConvertTo-SalesforceRecord hosted in PowerShell, as a user runs them.</summary>
public sealed class ConversionCmdletTests : IDisposable
{
    private static readonly string FixturesPath = Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures");
    private readonly ModuleSession _session = new();

    public ConversionCmdletTests()
    {
        // A copy: importing binds the configuration to the file, and the fixture must never change.
        File.Copy(Path.Combine(FixturesPath, "conversion", "standard-sync-mapping.json"), _session.File("mapping.json"));
        _session.Run($"$fixtures = '{FixturesPath}'; Import-StageMapConfiguration ./mapping.json | Out-Null").AssertNoErrors();
    }

    public void Dispose() => _session.Dispose();

    private const string TreeRecords = "$tree = Get-Content (Join-Path $fixtures salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json) -Raw | ConvertFrom-Json";

    [Fact]
    public void The_22_Lead_tree_export_gives_22_prospects_with_the_mapped_stages()
    {
        var result = _session.Run($"{TreeRecords}; $tree.records | ConvertTo-OutreachProspect -Object Lead").AssertNoErrors();

        Assert.Equal(22, result.Output.Count);
        var stages = _session.Run("$tree.records | ForEach-Object Status").Output.Select(o => o.ToString()).ToList();
        var expected = new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };
        for (var i = 0; i < 22; i++)
        {
            Assert.Equal(Array.IndexOf(expected, stages[i]) + 1, result.Output[i].Properties["stage"].Value);
        }
    }

    [Fact]
    public void Leaving_Closed_Converted_unmapped_gives_19_prospects_and_3_UnmappedCrmStatus_errors_carrying_those_records()
    {
        var result = _session.Run($"""
            {TreeRecords}
            Remove-LeadStatusMapping -CrmStatus 'Closed - Converted' | Out-Null
            $tree.records | ConvertTo-OutreachProspect -Object Lead
            """);

        Assert.Equal(19, result.Output.Count);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal("UnmappedCrmStatus,StageMap.Cmdlets.Conversion.ConvertToOutreachProspectCommand", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        var carried = _session.Run($"{TreeRecords}; $tree.records | Where-Object Status -eq 'Closed - Converted' | ForEach-Object LastName").Output.Select(o => o.ToString());
        Assert.Equal(carried, result.Errors.Select(e => ((PSObject)e.TargetObject).Properties["LastName"].Value.ToString()));
    }

    [Fact]
    public void The_TargetObject_of_an_error_is_the_input_record_itself()
    {
        var result = _session.Run("""
            $in = [pscustomobject]@{ Id = '00Q5g00000AbCdEEAV'; Status = 'Nurturing'; LastName = 'Akin' }
            $in | ConvertTo-OutreachProspect -Object Lead -ErrorVariable failed -ErrorAction SilentlyContinue
            [object]::ReferenceEquals($failed[0].TargetObject, $in)
            """);

        Assert.True((bool)result.Output.Single().BaseObject);
    }

    [Theory]
    [InlineData("(Get-Content (Join-Path $fixtures salesforce/sf_tree_Lead__la-sfdg-data-loader-examples.json) -Raw | ConvertFrom-Json).records", "Lead", "ConvertTo-OutreachProspect", 22, 22)]
    [InlineData("((Get-Content (Join-Path $fixtures salesforce/sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json) -Raw | ConvertFrom-Json).response.body | ConvertFrom-Json).records", "Contact", "ConvertTo-OutreachProspect", 5, 0)]
    [InlineData("((Get-Content (Join-Path $fixtures salesforce/sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json) -Raw | ConvertFrom-Json).response.body | ConvertFrom-Json).records.Contacts.records", "Contact", "ConvertTo-OutreachProspect", 7, 7)]
    [InlineData("Import-Csv (Join-Path $fixtures conversion/leads-utf8-bom-crlf.csv)", "Lead", "ConvertTo-OutreachProspect", 8, 7)]
    [InlineData("Import-Csv (Join-Path $fixtures conversion/leads-lf.csv)", "Lead", "ConvertTo-OutreachProspect", 4, 3)]
    [InlineData("Import-Csv (Join-Path $fixtures conversion/contacts.csv)", "Contact", "ConvertTo-OutreachProspect", 4, 3)]
    [InlineData("Get-Content (Join-Path $fixtures conversion/prospects.jsonl) | ConvertFrom-Json", "Lead", "ConvertTo-SalesforceRecord", 5, 3)]
    [InlineData("Get-Content (Join-Path $fixtures conversion/prospects-array.json) -Raw | ConvertFrom-Json | ForEach-Object { $_ }", "Lead", "ConvertTo-SalesforceRecord", 3, 2)]
    public void Every_record_fixture_gives_records_in_equal_to_records_out_plus_errors(string source, string crmObject, string cmdlet, int records, int converted)
    {
        var count = _session.Run($"@({source}).Count").AssertNoErrors();
        var result = _session.Run($"{source} | {cmdlet} -Object {crmObject}");

        Assert.Equal(records, (int)count.Output.Single().BaseObject);
        Assert.Equal(converted, result.Output.Count);
        Assert.Equal(records, result.Output.Count + result.Errors.Count);
        Assert.Null(result.Terminating);
    }

    [Fact]
    public void Hashtables_and_ordered_dictionaries_convert_and_lists_are_arrays()
    {
        var result = _session.Run("""
            @{ status = 'Working - Contacted'; email = 'ada@example.com' }, [ordered]@{ Status = 'Closed - Converted'; LastName = 'Hopper' } |
                ConvertTo-OutreachProspect -Object Lead
            """).AssertNoErrors();

        Assert.Equal(2, result.Output[0].Properties["stage"].Value);
        Assert.Equal(new object[] { "ada@example.com" }, (object[])result.Output[0].Properties["emails"].Value);
        Assert.Equal("Hopper", result.Output[1].Properties["lastName"].Value);
    }

    [Fact]
    public void Something_that_is_not_a_record_is_InvalidRecord_and_the_next_record_goes_on()
    {
        var result = _session.Run("'Working - Contacted', 42, [pscustomobject]@{ Status = 'Working - Contacted' } | ConvertTo-OutreachProspect -Object Lead");

        Assert.Single(result.Output);
        Assert.Equal(new[] { "InvalidRecord", "InvalidRecord" }, result.ErrorIds);
        Assert.Equal("Working - Contacted", result.Errors[0].TargetObject is PSObject p ? p.BaseObject : result.Errors[0].TargetObject);
        Assert.Equal(ErrorCategory.InvalidData, result.Errors[0].CategoryInfo.Category);
    }

    [Fact]
    public void A_prospect_goes_back_to_the_same_Lead_as_an_update()
    {
        var result = _session.Run("""
            [pscustomobject]@{ Id = '00Q5g00000AbCdEEAV'; Status = 'Working - Contacted'; FirstName = 'Ada'; Email = 'ada@example.com' } |
                ConvertTo-OutreachProspect -Object Lead | ConvertTo-SalesforceRecord -Object Lead
            """).AssertNoErrors();

        var lead = result.Output.Single();
        Assert.Equal(new[] { "Id", "Status", "FirstName", "Email" }, lead.Properties.Select(p => p.Name));
        Assert.Equal("00Q5g00000AbCdEEAV", lead.Properties["Id"].Value);
        Assert.Equal("Working - Contacted", lead.Properties["Status"].Value);
    }

    [Fact]
    public void As_JsonApi_and_As_SObject_emit_one_line_of_JSON_per_record()
    {
        var result = _session.Run("""
            $prospect = [pscustomobject]@{ Status = 'Closed - Converted'; LastName = 'Hopper' } | ConvertTo-OutreachProspect -Object Lead -As JsonApi
            $prospect
            $prospect | ConvertFrom-Json | ForEach-Object { [pscustomobject]@{ stage = $_.data.relationships.stage.data.id; lastName = $_.data.attributes.lastName } } |
                ConvertTo-SalesforceRecord -Object Lead -As SObject
            """).AssertNoErrors();

        Assert.Equal("""{"data":{"type":"prospect","attributes":{"lastName":"Hopper"},"relationships":{"stage":{"data":{"type":"stage","id":3}}}},"meta":{"stageName":"Replied"}}""", result.Output[0].BaseObject);
        Assert.Equal("""{"attributes":{"type":"Lead"},"Status":"Closed - Converted","LastName":"Hopper"}""", result.Output[1].BaseObject);
    }

    [Fact]
    public void A_configuration_with_nothing_to_convert_is_a_terminating_NoConversionMappings()
    {
        File.WriteAllText(_session.File("empty.json"), """{ "schemaVersion": 1, "stages": [], "leadStatusMappings": [], "fieldMappings": [] }""");

        var result = _session.Run("$c = Import-StageMapConfiguration ./empty.json; @{ Status = 'x' }, @{ Status = 'y' } | ConvertTo-OutreachProspect -Object Lead -Configuration $c");

        // One error for the command, none per record: the command stopped before the first one.
        Assert.Equal("NoConversionMappings", Assert.Single(result.ErrorIds));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Lead_status_mappings_without_a_Stage_field_mapping_warn_once()
    {
        File.WriteAllText(_session.File("nostage.json"), """
            { "schemaVersion": 1, "stages": [ { "id": 1, "name": "New", "order": 1 } ],
              "leadStatusMappings": [ { "crmStatus": "Open - Not Contacted", "stageId": 1 } ],
              "fieldMappings": [ { "object": "Lead", "outreachField": "Last Name", "crmField": "LastName" } ] }
            """);

        var result = _session.Run("$c = Import-StageMapConfiguration ./nostage.json; 1..3 | ForEach-Object { @{ LastName = \"L$_\" } } | ConvertTo-OutreachProspect -Object Lead -Configuration $c").AssertNoErrors();

        Assert.Equal(3, result.Output.Count);
        Assert.Contains("SM006", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Converting_leaves_the_configuration_file_byte_for_byte_as_it_was()
    {
        var before = File.ReadAllBytes(_session.File("mapping.json"));

        _session.Run($"{TreeRecords}; $tree.records | ConvertTo-OutreachProspect -Object Lead | ConvertTo-SalesforceRecord -Object Lead | Out-Null; 'x' | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue");

        Assert.Equal(before, File.ReadAllBytes(_session.File("mapping.json")));
    }

    [Fact]
    public void Bulk_conversion_emits_a_summary_with_a_table_view_and_writes_the_files()
    {
        var result = _session.Run("""
            $summary = ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $fixtures conversion/leads-utf8-bom-crlf.csv) -OutFile ./prospects.jsonl -RejectFile ./rejected.csv
            $summary
            ($summary | Format-Table | Out-String)
            """).AssertNoErrors();

        var summary = result.Output[0];
        Assert.Equal("StageMap.Engine.Conversion.Bulk.ConversionSummary", summary.BaseObject.GetType().FullName);
        Assert.Equal((8L, 6L, 2L), ((long)summary.Properties["Read"].Value, (long)summary.Properties["Written"].Value, (long)summary.Properties["Rejected"].Value));
        Assert.Matches(@"Read\s+Written\s+Rejected\s+Elapsed\s+OutFile", result.Output[1].ToString());
        Assert.Matches(@"8\s+6\s+2\s+[\d.,]+ ms\s+prospects.jsonl", result.Output[1].ToString());
        Assert.Equal(6, File.ReadAllLines(_session.File("prospects.jsonl")).Length);
        Assert.Equal(3, File.ReadAllLines(_session.File("rejected.csv")).Length);
    }

    [Fact]
    public void Bulk_conversion_without_a_reject_file_writes_an_error_per_rejected_record()
    {
        var result = _session.Run("ConvertTo-SalesforceRecord -Object Lead -LiteralPath (Join-Path $fixtures conversion/prospects.jsonl) -OutFile ./leads.csv");

        Assert.Equal(new[] { "UnknownStage", "UnknownStage" }, result.ErrorIds);
        Assert.Equal("Cotton", ((PSObject)result.Errors[0].TargetObject).Properties["lastName"].Value);
        Assert.Equal(3L, result.Output.Single().Properties["Written"].Value);
        Assert.Contains("#N/A", File.ReadAllText(_session.File("leads.csv")));
    }

    [Fact]
    public void Bulk_conversion_refuses_to_overwrite_without_Force_and_WhatIf_writes_nothing()
    {
        File.WriteAllText(_session.File("out.jsonl"), "keep");

        var refused = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $fixtures conversion/leads-lf.csv) -OutFile ./out.jsonl");
        var whatIf = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $fixtures conversion/leads-lf.csv) -OutFile ./new.jsonl -WhatIf").AssertNoErrors();
        var forced = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path (Join-Path $fixtures conversion/leads-lf.csv) -OutFile ./out.jsonl -Force -ErrorAction SilentlyContinue");

        Assert.Equal("OutputFileExists", Assert.Single(refused.ErrorIds));
        Assert.Empty(whatIf.Output);
        Assert.False(File.Exists(_session.File("new.jsonl")));
        Assert.Equal(3, File.ReadAllLines(_session.File("out.jsonl")).Length);
        Assert.Single(forced.Output);
    }

    [Fact]
    public void A_path_that_matches_no_file_is_PathNotFound()
    {
        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./nothing-*.csv -OutFile ./out.jsonl");

        Assert.Equal("PathNotFound", Assert.Single(result.ErrorIds));
        Assert.False(File.Exists(_session.File("out.jsonl")));
    }

    [Fact]
    public void A_path_that_matches_many_files_is_a_terminating_PathMatchesManyFiles_naming_the_path()
    {
        File.WriteAllText(_session.File("leads-1.csv"), "Id,Status\n1,Open\n");
        File.WriteAllText(_session.File("leads-2.csv"), "Id,Status\n2,Open\n");

        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./leads-*.csv -OutFile ./out.jsonl");

        Assert.Equal("PathMatchesManyFiles", Assert.Single(result.ErrorIds));
        Assert.Equal("./leads-*.csv", result.Errors.Concat(new[] { result.Terminating }).OfType<ErrorRecord>().Single().TargetObject);
        Assert.False(File.Exists(_session.File("out.jsonl")));
    }

    [Fact]
    public void Malformed_input_is_a_terminating_InvalidRecordFile_and_no_output_is_written()
    {
        File.WriteAllText(_session.File("bad.json"), "[{\"stage\":1},{\"stage\":");

        var result = _session.Run("ConvertTo-SalesforceRecord -Object Lead -Path ./bad.json -OutFile ./out.jsonl");

        Assert.Equal("InvalidRecordFile", Assert.Single(result.ErrorIds));
        Assert.Equal(new[] { "bad.json", "mapping.json" }, Directory.GetFiles(_session.Folder).Select(Path.GetFileName).OrderBy(n => n));
    }

    [Theory]
    [InlineData("ConvertTo-OutreachProspect -Object L", "Lead")]
    [InlineData("ConvertTo-SalesforceRecord -Object Lead -As S", "SObject")]
    [InlineData("ConvertTo-OutreachProspect -Object Lead -As J", "JsonApi")]
    [InlineData("ConvertTo-OutreachProspect -Object Lead -Path x.csv -OutFile y -OutputFormat JsonL", "JsonLines")]
    [InlineData("ConvertTo-OutreachProspect -Object Lead -Path x.csv -OutFile y.csv -Encoding ", "windows-1252")]
    [InlineData("ConvertTo-SalesforceRecord -Object Lead -Path x.csv -OutFile y.csv -Encoding utf8", "utf8BOM")]
    [InlineData("ConvertTo-OutreachProspect -Object Lead -Path x.csv -OutFile y.csv -Encoding big", "bigendianunicode")]
    public void Objects_shapes_formats_and_encodings_complete(string line, string expected)
    {
        var result = _session.Run($"(TabExpansion2 -inputScript \"{line}\" -cursorColumn {line.Length}).CompletionMatches.CompletionText").AssertNoErrors();

        Assert.Contains(expected, result.Output.Select(o => o.ToString()));
    }
}
