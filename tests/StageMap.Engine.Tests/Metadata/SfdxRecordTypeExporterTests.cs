using System.IO;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Metadata.Sfdx;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Validation;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>Export-CrmMetadata -RecordType: the missing statuses merged into the Lead Process and the Contact record type.</summary>
public sealed class SfdxRecordTypeExporterTests : System.IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;
    private readonly StageMapConfiguration _configuration;

    public SfdxRecordTypeExporterTests()
    {
        _project = RecordTypeProject.CopyTo(_temp.File("project"));
        _configuration = RecordTypeProject.Mapped(_project, withContactMapping: true);
    }

    public void Dispose() => _temp.Dispose();

    private string PartnerProcess => Path.Combine(_project, "force-app/main/default/objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml");

    private string CustomerContact => Path.Combine(_project, "force-app/main/default/objects/Contact/recordTypes/Customer_Contact.recordType-meta.xml");

    private void Import() => _configuration.ImportCrmMetadata(MetadataFolder.Read(_project, CrmMetadata.DefaultContactStatusField).Files);

    private CrmRecordType RecordType(string name) => _configuration.GetCrmRecordTypes(name, new[] { CrmObject.Lead, CrmObject.Contact }).Single();

    private SfdxExportPlan Plan(params string[] names) => SfdxRecordTypeExporter.Plan(_project, _configuration, names.Select(RecordType).ToList());

    [Fact]
    public void The_Partner_Lead_process_gains_exactly_the_two_missing_statuses_keeping_the_others_and_the_default()
    {
        var plan = Plan("Partner Lead");
        foreach (var file in plan.Files)
        {
            SfdxExporter.Write(file);
        }

        var file1 = Assert.Single(plan.Files);
        Assert.Equal(PartnerProcess, file1.Path);
        Assert.Equal(new[] { ("Nurturing", "Add", "record type 'Partner Lead'"), ("Meeting Booked", "Add", "record type 'Partner Lead'") }, file1.Changes.Select(c => (c.Value, c.Change, c.Source)));
        var process = MetadataReader.Read(PartnerProcess, CrmMetadata.DefaultContactStatusField).Processes.Single();
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted", "Nurturing", "Meeting Booked" }, process.Values);
        Assert.Equal("Open - Not Contacted", process.DefaultValue);
        Assert.True(process.IsActive);
        var text = File.ReadAllText(PartnerProcess);
        Assert.Contains("<description>Leads that partners register: no nurturing, no meetings booked by us.</description>", text);
        Assert.Equal(File.ReadAllText(RecordTypeProject.PartnerProcess).Replace("</BusinessProcess>\n", ""), text.Substring(0, text.IndexOf("    <values>\n        <fullName>Nurturing", System.StringComparison.Ordinal)));
        Assert.EndsWith("    <values>\n        <fullName>Nurturing</fullName>\n        <default>false</default>\n    </values>\n    <values>\n        <fullName>Meeting Booked</fullName>\n        <default>false</default>\n    </values>\n</BusinessProcess>\n", text);
    }

    [Fact]
    public void After_the_export_and_a_reimport_SM016_is_gone_and_the_export_has_nothing_left_to_add()
    {
        foreach (var file in Plan("Partner Lead", "Customer Contact").Files)
        {
            SfdxExporter.Write(file);
        }

        Import();

        Assert.DoesNotContain(Validator.Validate(_configuration), d => d.RuleId == "SM016");
        Assert.All(Plan("Partner Lead", "Customer Contact").Files, f => Assert.False(f.HasChanges));
    }

    [Fact]
    public void A_Contact_record_type_gains_the_stage_names_in_its_contact_status_values_only()
    {
        var file = Assert.Single(Plan("Customer_Contact").Files);
        SfdxExporter.Write(file);

        Assert.Equal(new[] { "Do Not Contact", "Bad Data" }, file.Changes.Select(c => c.Value));
        var recordType = MetadataReader.Read(CustomerContact, CrmMetadata.DefaultContactStatusField).RecordTypes.Single();
        Assert.Equal(new[] { "Approaching", "New", "Replied", "Unresponsive", "Do Not Contact", "Bad Data" }, recordType.Values);
        Assert.Equal("New", recordType.DefaultValue);
        Assert.Equal(new[] { "Web" }, System.Xml.Linq.XDocument.Load(CustomerContact).Descendants().Where(e => e.Name.LocalName == "picklistValues").Last().Descendants().Where(e => e.Name.LocalName == "fullName").Select(e => e.Value));
    }

    [Fact]
    public void A_record_type_read_from_the_org_finds_its_process_through_the_projects_record_type_file()
    {
        var fromOrg = RecordType("Partner Lead") with { BusinessProcess = null, SfdxProject = null, Id = RecordTypeProject.PartnerLeadId };

        var plan = SfdxRecordTypeExporter.Plan(_project, _configuration, new[] { fromOrg });

        Assert.Equal(PartnerProcess, Assert.Single(plan.Files).Path);
        Assert.Equal(new[] { "Nurturing", "Meeting Booked" }, plan.Files[0].Changes.Select(c => c.Value));
    }

    [Fact]
    public void A_record_type_whose_source_is_not_in_the_project_names_the_retrieve_command()
    {
        File.Delete(PartnerProcess);

        var failure = Assert.Throws<StageMapException>(() => Plan("Partner Lead"));

        Assert.Equal(ErrorIds.RecordTypeNotFound, failure.ErrorId);
        Assert.Contains("has no objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml", failure.Message);
        Assert.Contains("sf project retrieve start --metadata \"BusinessProcess:Lead.Partner Process\"", failure.Message);
    }

    [Fact]
    public void A_status_there_in_another_case_is_not_added_but_named()
    {
        File.WriteAllText(PartnerProcess, File.ReadAllText(PartnerProcess).Replace("<fullName>Working - Contacted</fullName>", "<fullName>nurturing</fullName>"));

        var plan = Plan("Partner Lead");

        Assert.Equal(new[] { "Working - Contacted", "Meeting Booked" }, plan.Files.Single().Changes.Select(c => c.Value));
        Assert.Contains(plan.Warnings, w => w.Contains("differs only in case from the value 'nurturing'"));
    }

    [Fact]
    public void A_package_directory_outside_the_project_is_not_written()
    {
        var outside = RecordTypeProject.CopyTo(_temp.File("elsewhere"));
        File.Delete(PartnerProcess);
        File.WriteAllText(Path.Combine(_project, "sfdx-project.json"), "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true},{\"path\":\"../elsewhere/force-app\"}]}");

        var failure = Assert.Throws<StageMapException>(() => Plan("Partner Lead"));

        Assert.Equal(ErrorIds.SfdxPathOutsideProject, failure.ErrorId);
        Assert.StartsWith(outside, (string)failure.Target!);
    }

    [Fact]
    public void The_master_record_type_needs_nothing()
    {
        var content = _configuration.GetContent();
        var master = new CrmRecordType(CrmObject.Lead, "Master", "Master") { IsMaster = true, Id = CrmRecordType.MasterId };

        var plan = SfdxRecordTypeExporter.Plan(_project, new StageMapConfiguration(content), new[] { master });

        Assert.Empty(plan.Files);
        Assert.Contains("offers every value", Assert.Single(plan.Warnings));
    }
}
