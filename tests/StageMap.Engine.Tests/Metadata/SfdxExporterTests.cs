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
    public void With_an_api_version_a_folder_without_a_project_gets_a_minimal_one_and_the_files_go_to_force_app()
    {
        using var empty = new TempDirectory();
        var folder = Path.Combine(empty.Path, "sfdx-project");

        var plan = SfdxExporter.Plan(folder, _configuration, newProjectApiVersion: "63.0");

        Assert.Equal(Path.Combine(folder, "sfdx-project.json"), plan.NewProject!.Path);
        Assert.False(Directory.Exists(folder));
        SfdxExporter.Write(plan.NewProject);
        var project = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(plan.NewProject.Path));
        Assert.Equal("force-app", (string?)project["packageDirectories"]![0]!["path"]);
        Assert.True((bool)project["packageDirectories"]![0]!["default"]!);
        Assert.Equal("63.0", (string?)project["sourceApiVersion"]);
        Assert.Equal("sfdx-project", (string?)project["name"]);
        Assert.All(plan.Files, f => Assert.StartsWith(Path.Combine(folder, "force-app", "main", "default") + Path.DirectorySeparatorChar, f.Path));
        Assert.Null(SfdxExporter.Plan(folder, _configuration, newProjectApiVersion: "63.0").NewProject);
    }

    [Fact]
    public void With_an_api_version_an_existing_project_is_used_as_it_is()
    {
        var plan = SfdxExporter.Plan(_project.Path, _configuration, newProjectApiVersion: "63.0");

        Assert.Null(plan.NewProject);
        Assert.Contains(plan.Files, f => f.Path == ValueSetPath);
    }

    [Fact]
    public void What_was_exported_is_recorded_so_the_stage_names_are_contact_status_values_and_ids_are_kept()
    {
        _configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c");
        _configuration.AddLeadStatusMapping("Qualified", "New");
        var ids = _configuration.CrmMetadata.LeadStatuses.Where(s => s.Id is not null).ToDictionary(s => s.ApiName, s => s.Id);
        Assert.Empty(_configuration.CrmMetadata.ContactStatuses);

        var plan = SfdxExporter.Plan(_project.Path, _configuration);
        foreach (var file in plan.Files)
        {
            SfdxExporter.Write(file);
        }

        SfdxExporter.RecordExported(_configuration, plan.Files);

        Assert.Equal(_configuration.Stages.Select(s => s.Name), _configuration.CrmMetadata.ContactStatuses.Select(s => s.ApiName));
        Assert.Contains("Qualified", _configuration.CrmMetadata.LeadStatuses.Select(s => s.ApiName));
        Assert.NotEmpty(ids);
        Assert.All(ids, pair => Assert.Equal(pair.Value, _configuration.CrmMetadata.LeadStatuses.Single(s => s.ApiName == pair.Key).Id));
        Assert.DoesNotContain(StageMap.Engine.Validation.Validator.Validate(_configuration), d => d.RuleId == "SM010");
    }

    [Fact]
    public void Stages_of_one_order_go_into_the_contact_status_picklist_by_id_as_everywhere_else()
    {
        var configuration = new StageMapConfiguration(new ConfigurationContent
        {
            Stages = { new Stage(5, "Later", 1), new Stage(2, "Earlier", 1), new Stage(1, "Last", 2) },
        });

        var field = SfdxExporter.Plan(_project.Path, configuration).Files.Single(f => f.Path == FieldPath);

        Assert.Equal(new[] { "Earlier", "Later", "Last" }, field.Changes.Select(c => c.Value));
        Assert.Equal(configuration.Stages.InStageOrder().Select(s => s.Name), field.Changes.Select(c => c.Value));
    }

    [Fact]
    public void An_sfdx_project_json_that_is_not_UTF_8_is_InvalidMetadataFile_with_the_byte_offset()
    {
        File.WriteAllBytes(_project.File("sfdx-project.json"), new byte[] { (byte)'{', (byte)'"', 0xEB, (byte)'"', (byte)':', (byte)'1', (byte)'}' });

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Plan(_project.Path, _configuration));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("byte offset 2", failure.Message);
    }

    [Theory]
    [InlineData("/tmp/stagemap-outside-{0}")]
    [InlineData("../outside-{0}")]
    [InlineData("force-app/../../outside-{0}")]
    public void A_package_directory_outside_the_project_is_SfdxPathOutsideProject_and_nothing_is_written(string path)
    {
        var outside = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, System.Guid.NewGuid().ToString("N"));
        File.WriteAllText(_project.File("sfdx-project.json"), $"{{\"packageDirectories\":[{{\"path\":\"{outside}\",\"default\":true}}]}}");
        var parent = Path.GetDirectoryName(_project.Path)!;

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Plan(_project.Path, _configuration));

        Assert.Equal(ErrorIds.SfdxPathOutsideProject, failure.ErrorId);
        Assert.Contains($"packageDirectories[0].path '{outside}' of sfdx-project.json leads to", failure.Message);
        Assert.Contains("nothing was written", failure.Message);
        Assert.False(Directory.Exists(Path.Combine(parent, outside.Replace("../", "").Replace("force-app/", ""))));
        Assert.False(Directory.Exists(outside));
    }

    // Finding where a link leads needs .NET's LinkTarget (PowerShell 7); .NET Framework has no API for it.
    [Fact]
    [Trait(Needs.Trait, Needs.DotNetOnUnix)]
    public void A_package_directory_that_is_a_link_out_of_the_project_is_refused()
    {
        using var elsewhere = new TempDirectory();
        PortablePaths.LinkFolder(Path.Combine(_project.Path, "force-app"), elsewhere.Path);

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Plan(_project.Path, _configuration));

        Assert.Equal(ErrorIds.SfdxPathOutsideProject, failure.ErrorId);
        Assert.Contains("through a link", failure.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere.Path));
    }

    [Fact]
    public void A_contact_status_field_named_to_climb_out_of_the_project_is_refused()
    {
        var configuration = new StageMapConfiguration(new ConfigurationContent { CrmMetadata = CrmMetadata.Empty with { ContactStatusField = "../../../../../../../../escape__c" } });

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Plan(_project.Path, configuration));

        Assert.Equal(ErrorIds.SfdxPathOutsideProject, failure.ErrorId);
    }

    [Fact]
    public void The_project_folder_itself_as_a_package_directory_is_inside()
    {
        File.WriteAllText(_project.File("sfdx-project.json"), "{\"packageDirectories\":[{\"path\":\".\",\"default\":true}]}");

        var plan = SfdxExporter.Plan(_project.Path, _configuration);

        Assert.All(plan.Files, f => Assert.StartsWith(Path.Combine(_project.Path, "main", "default"), f.Path));
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_OutputWriteFailed_naming_it_and_leaves_nothing_behind()
    {
        var plan = SfdxExporter.Plan(_project.Path, _configuration);
        // A file where the package folder should be: the folder cannot be made.
        File.WriteAllText(Path.Combine(_project.Path, "force-app"), "not a folder");
        var file = plan.Files[0];

        var failure = Assert.Throws<StageMapException>(() => SfdxExporter.Write(file));

        Assert.Equal(ErrorIds.OutputWriteFailed, failure.ErrorId);
        Assert.Equal(file.Path, failure.Target);
        Assert.Contains(file.Path, failure.Message);
        Assert.IsAssignableFrom<IOException>(failure.InnerException);
        Assert.Equal("not a folder", File.ReadAllText(Path.Combine(_project.Path, "force-app")));
    }
}
