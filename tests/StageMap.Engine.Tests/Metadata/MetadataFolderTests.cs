using System.IO;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>Import-CrmMetadata -Path &lt;folder&gt;: what a folder import reads, skips and refuses.</summary>
public sealed class MetadataFolderTests : System.IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FolderRead Read(string folder) => MetadataFolder.Read(folder, CrmMetadata.DefaultContactStatusField);

    private static string Relative(string root, string path) => PortablePaths.Relative(root, path).Replace('\\', '/');

    [Fact]
    public void An_SFDX_project_gives_every_file_StageMap_reads_in_path_order_and_skips_the_rest_with_a_reason()
    {
        var folder = Read(RecordTypeProject.Folder);

        Assert.Empty(folder.Failures);
        Assert.Equal(new[]
        {
            "force-app/main/default/objects/Contact/fields/Contact_Status__c.field-meta.xml",
            "force-app/main/default/objects/Contact/recordTypes/Customer_Contact.recordType-meta.xml",
            "force-app/main/default/objects/Lead/businessProcesses/Legacy Process.businessProcess-meta.xml",
            "force-app/main/default/objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml",
            "force-app/main/default/objects/Lead/recordTypes/Legacy_Lead.recordType-meta.xml",
            "force-app/main/default/objects/Lead/recordTypes/Partner_Lead.recordType-meta.xml",
            "force-app/main/default/standardValueSets/LeadStatus.standardValueSet-meta.xml",
        }, folder.Files.Select(f => Relative(RecordTypeProject.Folder, f.Path)));
        Assert.Equal(new[]
        {
            ("config/project-scratch-def.json", "a file whose content is not one StageMap reads"),
            ("force-app/main/default/objects/Lead/fields/Rating__c.field-meta.xml", "SFDX source StageMap does not read (it reads the LeadStatus value set, the contact status field, Lead Processes and Lead and Contact record types)"),
            ("sfdx-project.json", "a file whose content is not one StageMap reads"),
        }, folder.Skipped.Select(s => (Relative(RecordTypeProject.Folder, s.Path), s.Why)).OrderBy(s => s.Item1, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_package_directory_reads_the_same_files_and_still_knows_its_project()
    {
        var folder = Read(Path.Combine(RecordTypeProject.Folder, "force-app"));

        Assert.Equal(7, folder.Files.Count);
        Assert.All(folder.Files.SelectMany(f => f.RecordTypes), r => Assert.Equal(RecordTypeProject.Folder, r.SfdxProject));
    }

    [Fact]
    public void Tools_folders_code_folders_and_links_to_folders_are_not_entered()
    {
        var project = RecordTypeProject.CopyTo(_temp.File("project"));
        foreach (var hidden in new[] { ".sfdx/tools/soqlMetadata/standardObjects", "node_modules/x", "force-app/main/default/lwc/card", "force-app/main/default/staticresources" })
        {
            Directory.CreateDirectory(Path.Combine(project, hidden));
            File.Copy(Fixtures.Salesforce("sf_describe_Lead__lwrfileupload.json"), Path.Combine(project, hidden, "Lead.json"));
        }

        PortablePaths.LinkFolder(Path.Combine(project, "linked"), Fixtures.Salesforce(""));

        var folder = Read(project);

        Assert.Equal(7, folder.Files.Count);
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith(".sfdx", System.StringComparison.Ordinal) && s.Why == "a folder of tools' files or code, not entered");
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith("node_modules", System.StringComparison.Ordinal));
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith("lwc", System.StringComparison.Ordinal));
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith("linked", System.StringComparison.Ordinal) && s.Why == "a link to a folder, not followed");
    }

    [Fact]
    public void Any_folder_of_saved_answers_is_read_by_content()
    {
        foreach (var name in new[] { "sf_cli_describe_Lead__stagemap.json", "sf_rest_query_LeadStatus__stagemap.json", "sf_uiapi_picklist_values_Lead_Partner_Lead__stagemap.json", "dataloader_extract_LeadStatus__stagemap.csv", "sf_describe_LeadStatus__lwrfileupload.json" })
        {
            File.Copy(Fixtures.Salesforce(name), _temp.File(name));
        }

        File.WriteAllText(_temp.File("notes.txt"), "what I asked the CLI");

        var folder = Read(_temp.Path);

        Assert.Equal(
            new[] { MetadataFormat.DataLoaderCsv, MetadataFormat.SObjectDescribe, MetadataFormat.LeadStatusQuery, MetadataFormat.UiApiPicklistValues },
            folder.Files.Select(f => f.Format).ToArray());
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith("sf_describe_LeadStatus__lwrfileupload.json", System.StringComparison.Ordinal) && s.Why.Contains("is the describe of the LeadStatus object"));
        Assert.Contains(folder.Skipped, s => s.Path.EndsWith("notes.txt", System.StringComparison.Ordinal) && s.Why.StartsWith("not a metadata file", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_file_StageMap_recognises_is_a_failure_and_the_other_files_are_still_listed()
    {
        var project = RecordTypeProject.CopyTo(_temp.File("project"));
        File.WriteAllText(Path.Combine(project, "force-app/main/default/objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml"), "<BusinessProcess><values>");
        File.WriteAllText(Path.Combine(project, "Lead.json"), "{ \"name\": \"Lead\", \"fields\": [ ");

        var folder = Read(project);

        Assert.Equal(2, folder.Failures.Count);
        Assert.All(folder.Failures, f => Assert.Equal(ErrorIds.InvalidMetadataFile, f.ErrorId));
        Assert.Equal(6, folder.Files.Count);
    }
}
