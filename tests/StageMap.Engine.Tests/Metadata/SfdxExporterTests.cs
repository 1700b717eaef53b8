using System.IO;
using System.Linq;
using StageMap.Engine.Metadata.Sfdx;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

public sealed class SfdxExporterTests : System.IDisposable
{
    private readonly TempDirectory _project = new();
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public SfdxExporterTests()
    {
        File.WriteAllText(_project.File("sfdx-project.json"), "{\"packageDirectories\":[{\"path\":\"other\"},{\"path\":\"force-app\",\"default\":true}]}");
        _configuration.ImportCrmMetadata(new[] { MetadataReader.Read(Fixtures.Salesforce("sf_rest_query_LeadStatus__stagemap.json"), CrmMetadata.DefaultContactStatusField) });
    }

    private string FieldPath => Path.Combine(_project.Path, "force-app", "main", "default", "objects", "Contact", "fields", "Contact_Status__c.field-meta.xml");

    private string ValueSetPath => Path.Combine(_project.Path, "force-app", "main", "default", "standardValueSets", "LeadStatus.standardValueSet-meta.xml");

    public void Dispose() => _project.Dispose();

    [Fact]
    public void New_files_go_to_the_default_package_and_read_back_as_the_configuration_has_them()
    {
        var plan = SfdxExporter.Plan(_project.Path, _configuration);
        Assert.False(Directory.Exists(Path.Combine(_project.Path, "force-app")));
        foreach (var file in plan.Files)
        {
            SfdxExporter.Write(file);
        }

        var field = MetadataReader.Read(FieldPath, CrmMetadata.DefaultContactStatusField);
        Assert.Equal(_configuration.Stages.Select(s => s.Name), field.Statuses.Select(s => s.ApiName));
        Assert.True(field.IsRestricted);
        var valueSet = MetadataReader.Read(ValueSetPath, CrmMetadata.DefaultContactStatusField);
        Assert.Equal(_configuration.CrmMetadata.LeadStatuses.Select(s => s.ApiName), valueSet.Statuses.Select(s => s.ApiName));
        Assert.Equal("Open - Not Contacted", valueSet.Statuses.Single(s => s.IsDefault == true).ApiName);
        Assert.Equal("Closed - Converted", valueSet.Statuses.Single(s => s.IsConverted == true).ApiName);
        Assert.Contains(plan.Warnings, w => w.Contains("knows no values of Contact.Contact_Status__c"));
    }

    [Fact]
    public void An_existing_file_keeps_every_value_and_gains_the_missing_ones()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ValueSetPath)!);
        File.Copy(Fixtures.Salesforce("sfdx_LeadStatus.standardValueSet-meta__stagemap.xml"), ValueSetPath);
        _configuration.AddLeadStatusMapping("Qualified", "New");

        var plan = SfdxExporter.Plan(_project.Path, _configuration).Files.Single(f => f.Path == ValueSetPath);
        SfdxExporter.Write(plan);

        Assert.Equal(new[] { "Qualified" }, plan.Changes.Select(c => c.Value));
        var values = MetadataReader.Read(ValueSetPath, CrmMetadata.DefaultContactStatusField).Statuses;
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Nurturing", "Meeting Booked", "Closed - Converted", "Closed - Not Converted", "Recycled", "Qualified" }, values.Select(v => v.ApiName));
        Assert.False(values.Single(v => v.ApiName == "Recycled").IsActive);
        Assert.Empty(SfdxExporter.Plan(_project.Path, _configuration).Files.Single(f => f.Path == ValueSetPath).Changes);
    }

    [Fact]
    public void No_new_lead_status_file_without_the_orgs_statuses()
    {
        var plan = SfdxExporter.Plan(_project.Path, StageMapConfiguration.CreateDefault());

        Assert.DoesNotContain(plan.Files, f => f.Path == ValueSetPath);
        Assert.Contains(plan.Warnings, w => w.StartsWith("LeadStatus.standardValueSet-meta.xml was not written", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_that_differs_only_in_case_is_not_added_but_named()
    {
        _configuration.AddLeadStatusMapping("nurturing", "New");

        var plan = SfdxExporter.Plan(_project.Path, _configuration);

        Assert.DoesNotContain(plan.Files.SelectMany(f => f.Changes), c => c.Value == "nurturing");
        Assert.Contains(plan.Warnings, w => w.StartsWith("The lead status mapping 'nurturing' differs only in case from the value 'Nurturing'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_sfdx_project_json_is_refused()
    {
        using var empty = new TempDirectory();

        Assert.Equal(ErrorIds.SfdxProjectNotFound, Assert.Throws<StageMapException>(() => SfdxExporter.Plan(empty.Path, _configuration)).ErrorId);
    }
    [Fact]
    public void An_sfdx_project_json_that_is_not_UTF_8_is_InvalidMetadataFile_with_the_byte_offset()
    {
        File.WriteAllBytes(_project.File("sfdx-project.json"), new byte[] { (byte)'{', (byte)'"', 0xEB, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Plan(_project.Path, _configuration));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("byte offset 2", failure.Message);
    }
}
