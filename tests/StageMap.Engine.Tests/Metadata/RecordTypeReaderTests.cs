using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>Each reader of record types: SFDX Lead Processes and record types, a describe's recordTypeInfos, the UI API's picklist values.</summary>
public sealed class RecordTypeReaderTests : System.IDisposable
{
    private const string ContactField = CrmMetadata.DefaultContactStatusField;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static MetadataFile Read(string path, string contactStatusField = ContactField) => MetadataReader.Read(path, contactStatusField);

    /// <summary>Writes <paramref name="xml"/> at <paramref name="relative"/> in a scratch SFDX project and reads it.</summary>
    private MetadataFile ReadSource(string relative, string xml)
    {
        var path = Path.Combine(_temp.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml);
        return Read(path);
    }

    [Fact]
    public void A_Lead_Process_gives_its_values_in_order_its_default_and_its_project()
    {
        var file = Read(RecordTypeProject.PartnerProcess);

        Assert.Equal(MetadataFormat.BusinessProcess, file.Format);
        Assert.Equal(CrmObject.Lead, file.Object);
        var process = Assert.Single(file.Processes);
        Assert.Equal("Partner Process", process.Name);
        Assert.True(process.IsActive);
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" }, process.Values);
        Assert.Equal("Open - Not Contacted", process.DefaultValue);
        Assert.Equal(RecordTypeProject.Folder, process.SfdxProject);
        Assert.Empty(file.Statuses);
        Assert.Empty(file.Warnings);
        Assert.True(file.HasContent);
    }

    [Fact]
    public void An_inactive_Lead_Process_is_read_as_inactive()
    {
        Assert.False(Assert.Single(Read(RecordTypeProject.LegacyProcess).Processes).IsActive);
    }

    [Fact]
    public void A_Lead_record_type_gives_its_label_its_state_and_its_process_not_its_other_picklists()
    {
        var file = Read(RecordTypeProject.PartnerLead);

        Assert.Equal(MetadataFormat.RecordType, file.Format);
        var recordType = Assert.Single(file.RecordTypes);
        Assert.Equal(CrmObject.Lead, recordType.Object);
        Assert.Equal("Partner_Lead", recordType.DeveloperName);
        Assert.Equal("Partner Lead", recordType.Label);
        Assert.True(recordType.IsActive);
        Assert.Equal("Partner Process", recordType.BusinessProcess);
        Assert.Null(recordType.Values);
        Assert.Null(recordType.Id);
        Assert.Equal(RecordTypeProject.Folder, recordType.SfdxProject);
        Assert.False(Assert.Single(Read(RecordTypeProject.LegacyLead).RecordTypes).IsActive);
    }

    [Fact]
    public void A_Contact_record_type_gives_the_values_it_selects_of_the_contact_status_field()
    {
        var recordType = Assert.Single(Read(RecordTypeProject.CustomerContact).RecordTypes);

        Assert.Equal(CrmObject.Contact, recordType.Object);
        Assert.Equal(new[] { "Approaching", "New", "Replied", "Unresponsive" }, recordType.Values);
        Assert.Equal("New", recordType.DefaultValue);
        Assert.Null(recordType.BusinessProcess);
    }

    [Fact]
    public void A_Contact_record_type_without_the_contact_status_field_has_unknown_values_and_says_so()
    {
        var file = Read(RecordTypeProject.CustomerContact, "Prospect_Status__c");

        Assert.Null(Assert.Single(file.RecordTypes).Values);
        Assert.Contains("lists no values of Prospect_Status__c", Assert.Single(file.Warnings));
    }

    [Fact]
    public void A_record_type_of_another_object_or_outside_an_objects_folder_is_read_as_nothing_with_a_warning()
    {
        var account = ReadSource("objects/Account/recordTypes/B2B.recordType-meta.xml",
            "<RecordType xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>B2B</fullName><active>true</active><label>B2B</label></RecordType>");
        var loose = ReadSource("Partner_Lead.recordType-meta.xml",
            "<RecordType xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>Partner_Lead</fullName><active>true</active><label>Partner Lead</label></RecordType>");

        Assert.False(account.HasContent);
        Assert.Contains("is the record type 'B2B' of Account; StageMap reads the record types of Lead and Contact", Assert.Single(account.Warnings));
        Assert.False(loose.HasContent);
        Assert.Contains("not in an objects/<Object>/recordTypes folder", Assert.Single(loose.Warnings));
    }

    [Fact]
    public void A_full_name_written_as_a_component_name_says_the_object()
    {
        var file = ReadSource("Lead.Partner Process.businessProcess-meta.xml",
            "<BusinessProcess xmlns=\"http://soap.sforce.com/2006/04/metadata\"><fullName>Lead.Partner Process</fullName><isActive>true</isActive><values><fullName>New</fullName><default>true</default></values></BusinessProcess>");

        Assert.Equal("Partner Process", Assert.Single(file.Processes).Name);
        Assert.Null(file.Processes[0].SfdxProject);
    }

    [Theory]
    [InlineData("<BusinessProcess xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<fullName>P</fullName>\n<isActive>true</isActive>\n</BusinessProcess>", "line 2, position 2: the Lead Process 'P' has no <values>")]
    [InlineData("<BusinessProcess xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<fullName>P</fullName>\n<values><fullName>New</fullName></values>\n<values><fullName>New</fullName></values>\n</BusinessProcess>", "line 5, position 2: the value 'New' is listed twice in the Lead Process 'P'")]
    [InlineData("<BusinessProcess xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<fullName>P</fullName>\n<values><default>true</default></values>\n</BusinessProcess>", "line 4, position 2: <values> 1 of the Lead Process 'P' has no <fullName>")]
    [InlineData("<BusinessProcess xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n<fullName>P</fullName>\n<isActive>yes</isActive>\n<values><fullName>New</fullName></values>\n</BusinessProcess>", "<isActive> must be true or false, not 'yes'")]
    public void A_broken_Lead_Process_is_InvalidMetadataFile_at_its_position(string xml, string expected)
    {
        var failure = Assert.Throws<StageMapException>(() => ReadSource("objects/Lead/businessProcesses/P.businessProcess-meta.xml", xml));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_describe_lists_its_record_types_with_ids_and_the_master()
    {
        var describe = JObject.Parse(File.ReadAllText(Fixtures.Salesforce("sf_rest_describe_Contact__stagemap.json")));
        ((JArray)describe["recordTypeInfos"]!).Insert(0, JObject.FromObject(new
        {
            active = true, available = true, defaultRecordTypeMapping = false, developerName = "Customer_Contact", master = false, name = "Customer Contact",
            recordTypeId = RecordTypeProject.CustomerContactId, urls = new { layout = $"/services/data/v62.0/sobjects/Contact/describe/layouts/{RecordTypeProject.CustomerContactId}" },
        }));

        var file = MetadataReader.Read(Encoding.UTF8.GetBytes(describe.ToString()), "/x/Contact.json", ContactField);

        Assert.Equal(new[] { "Customer_Contact", "Master" }, file.RecordTypes.Select(r => r.DeveloperName));
        Assert.Equal(new[] { RecordTypeProject.CustomerContactId, CrmRecordType.MasterId }, file.RecordTypes.Select(r => r.Id));
        Assert.Equal(new bool?[] { false, true }, file.RecordTypes.Select(r => r.IsMaster));
        Assert.All(file.RecordTypes, r => Assert.Null(r.Values));
        Assert.NotEmpty(file.Statuses);
    }

    [Fact]
    public void A_describe_that_lists_a_record_type_twice_is_invalid()
    {
        var describe = JObject.Parse(File.ReadAllText(Fixtures.Salesforce("sf_rest_describe_Contact__stagemap.json")));
        var infos = (JArray)describe["recordTypeInfos"]!;
        infos.Add(infos[0].DeepClone());

        var failure = Assert.Throws<StageMapException>(() => MetadataReader.Read(Encoding.UTF8.GetBytes(describe.ToString()), "/x/Contact.json", ContactField));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("the record type 'Master' is listed twice", failure.Message);
    }

    [Fact]
    public void The_UI_API_answer_gives_one_record_types_values_by_id_with_the_converted_ones()
    {
        var file = Read(RecordTypeProject.PartnerLeadUiApi);

        Assert.Equal(MetadataFormat.UiApiPicklistValues, file.Format);
        Assert.Equal(CrmObject.Lead, file.Object);
        var recordType = Assert.Single(file.RecordTypes);
        Assert.Equal(RecordTypeProject.PartnerLeadId, recordType.Id);
        Assert.Null(recordType.DeveloperName);
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" }, recordType.Values);
        Assert.Equal(new[] { "Closed - Converted" }, recordType.ConvertedValues);
        Assert.Equal("Open - Not Contacted", recordType.DefaultValue);
        Assert.Empty(file.Statuses);
    }

    [Theory]
    [InlineData("/services/data/v62.0/ui-api/object-info/Lead/picklist-values/012000000000000AAA/Status", "the master record type, which offers every value")]
    [InlineData("/services/data/v62.0/ui-api/object-info/Lead/picklist-values/0128c000001PtLdAAK/LeadSource", "holds the values of Lead.LeadSource")]
    [InlineData("/services/data/v62.0/ui-api/object-info/Account/picklist-values/0128c000001PtLdAAK/Type", "holds the values of Account.Type")]
    public void A_UI_API_answer_StageMap_does_not_use_is_read_as_nothing_with_a_warning(string url, string expected)
    {
        var answer = JObject.Parse(File.ReadAllText(RecordTypeProject.PartnerLeadUiApi));
        answer["url"] = url;

        var file = MetadataReader.Read(Encoding.UTF8.GetBytes(answer.ToString()), "/x/values.json", ContactField);

        Assert.False(file.HasContent);
        Assert.Contains(expected, Assert.Single(file.Warnings));
    }

    [Fact]
    public void A_UI_API_answer_whose_url_is_not_the_resource_is_invalid()
    {
        var answer = JObject.Parse(File.ReadAllText(RecordTypeProject.PartnerLeadUiApi));
        answer["url"] = "/services/data/v62.0/ui-api/object-info/Lead/picklist-values/not-an-id/Status";

        var failure = Assert.Throws<StageMapException>(() => MetadataReader.Read(Encoding.UTF8.GetBytes(answer.ToString()), "/x/values.json", ContactField));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("is not /ui-api/object-info/<object>/picklist-values/<record type id>/<field>", failure.Message);
    }
}
