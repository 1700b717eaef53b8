using System.Linq;
using System.Text;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>Every format Import-CrmMetadata reads, from real files and from fixtures modelled on them.</summary>
public class MetadataReaderTests
{
    private const string DefaultField = CrmMetadata.DefaultContactStatusField;

    private static readonly string[] OrgStatuses =
        { "Open - Not Contacted", "Working - Contacted", "Nurturing", "Meeting Booked", "Closed - Converted", "Closed - Not Converted" };

    private static MetadataFile ReadFixture(string name, string field = DefaultField) => MetadataReader.Read(Fixtures.Salesforce(name), field);

    [Fact]
    public void The_real_Lead_describe_gives_the_four_standard_statuses_and_the_field_names()
    {
        var file = ReadFixture("sf_describe_Lead__lwrfileupload.json");

        Assert.Equal(MetadataFormat.SObjectDescribe, file.Format);
        Assert.False(file.FromSalesforceCli);
        Assert.Equal(CrmObject.Lead, file.Object);
        Assert.Equal("Status", file.StatusField);
        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" }, file.Statuses.Select(s => s.ApiName));
        Assert.Equal(new PicklistValue("Open - Not Contacted", "Open - Not Contacted", IsDefault: true, IsActive: true), file.Statuses[0]);
        Assert.All(file.Statuses.Skip(1), s => Assert.False(s.IsDefault));
        Assert.All(file.Statuses, s => Assert.Null(s.IsConverted));
        Assert.Equal(60, file.Fields.Count);
        Assert.Contains("lwrfileupload__ProductInterest__c", file.Fields);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void The_real_Contact_describe_without_Contact_Status__c_gives_its_fields_and_a_warning_naming_its_picklists()
    {
        var file = ReadFixture("sf_describe_Contact__lwrfileupload.json");

        Assert.Equal(CrmObject.Contact, file.Object);
        Assert.Null(file.StatusField);
        Assert.Empty(file.Statuses);
        Assert.Equal(63, file.Fields.Count);
        var warning = Assert.Single(file.Warnings);
        Assert.Contains("has no field 'Contact_Status__c'", warning);
        Assert.Contains("lwrfileupload__Level__c", warning);
        Assert.Contains("-ContactStatusField", warning);
    }

    [Fact]
    public void The_real_Contact_describe_gives_the_picklist_named_as_contact_status_field()
    {
        var file = ReadFixture("sf_describe_Contact__lwrfileupload.json", "LWRFILEUPLOAD__LEVEL__C");

        Assert.Equal("lwrfileupload__Level__c", file.StatusField);
        Assert.Equal(new[] { "Secondary", "Tertiary", "Primary" }, file.Statuses.Select(s => s.ApiName));
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void The_describe_of_the_LeadStatus_object_gives_nothing_and_says_where_the_values_are()
    {
        var file = ReadFixture("sf_describe_LeadStatus__lwrfileupload.json");

        Assert.Null(file.Object);
        Assert.False(file.HasContent);
        var warning = Assert.Single(file.Warnings);
        Assert.Contains("describe of the LeadStatus object", warning);
        Assert.Contains("SELECT Id, ApiName, MasterLabel, SortOrder, IsDefault, IsConverted FROM LeadStatus", warning);
    }

    [Theory]
    [InlineData("sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json", "properties id, name, request, response")]
    [InlineData("sf_error_restricted_picklist_wiremock__sf-fx-runtime-java.json", "properties id, name, request, response")]
    [InlineData("sf_tree_Lead__la-sfdg-data-loader-examples.json", "a list of Lead records")]
    public void Files_that_are_not_metadata_are_UnrecognizedMetadataFile_naming_the_file_and_what_was_expected(string name, string found)
    {
        var failure = Assert.Throws<StageMapException>(() => ReadFixture(name));

        Assert.Equal(ErrorIds.UnrecognizedMetadataFile, failure.ErrorId);
        Assert.Equal(FailureCategory.InvalidData, failure.Category);
        Assert.Equal(Fixtures.Salesforce(name), failure.Target);
        Assert.Contains(name, failure.Message);
        Assert.Contains(found, failure.Message);
        Assert.Contains("LeadStatus", failure.Message);
    }

    [Fact]
    public void A_describe_wrapped_by_the_Salesforce_CLI_is_read_like_the_REST_one()
    {
        var file = ReadFixture("sf_cli_describe_Lead__stagemap.json");

        Assert.True(file.FromSalesforceCli);
        Assert.Equal(MetadataFormat.SObjectDescribe, file.Format);
        Assert.Equal(OrgStatuses, file.Statuses.Select(s => s.ApiName));
        Assert.Equal("Open - Not Contacted", file.Statuses.Single(s => s.IsDefault == true).ApiName);
        Assert.Contains("Outreach_Stage__c", file.Fields);
        Assert.False(file.IsRestricted);
    }

    [Fact]
    public void A_REST_Contact_describe_gives_the_restricted_contact_status_picklist()
    {
        var file = ReadFixture("sf_rest_describe_Contact__stagemap.json");

        Assert.Equal("Contact_Status__c", file.StatusField);
        Assert.Equal(new[] { "New", "Approaching", "Replied", "Unresponsive", "Do Not Contact", "Bad Data" }, file.Statuses.Select(s => s.ApiName));
        Assert.True(file.IsRestricted);
    }

    [Fact]
    public void A_REST_LeadStatus_query_gives_ids_labels_flags_and_sort_orders()
    {
        var file = ReadFixture("sf_rest_query_LeadStatus__stagemap.json");

        Assert.Equal(MetadataFormat.LeadStatusQuery, file.Format);
        Assert.False(file.FromSalesforceCli);
        Assert.Equal(OrgStatuses, file.Statuses.Select(s => s.ApiName));
        Assert.Equal(new PicklistValue("Closed - Converted", "Closed - Converted", false, true, null, "01J5g00000Q1aA5EAJ", 5), file.Statuses[4]);
        Assert.All(file.Statuses, s => Assert.Null(s.IsActive));
    }

    [Fact]
    public void A_LeadStatus_query_from_the_Salesforce_CLI_keeps_the_records_in_the_file_order()
    {
        var file = ReadFixture("sf_cli_query_LeadStatus__stagemap.json");

        Assert.True(file.FromSalesforceCli);
        Assert.Equal(new[] { "Closed - Converted", "Open - Not Contacted" }, file.Statuses.Take(2).Select(s => s.ApiName));
        Assert.Equal(new[] { 5, 1, 6, 2, 4, 3 }, file.Statuses.Select(s => s.SortOrder!.Value));
    }

    [Fact]
    public void The_SFDX_LeadStatus_value_set_gives_default_converted_and_inactive_values()
    {
        var file = ReadFixture("sfdx_LeadStatus.standardValueSet-meta__stagemap.xml");

        Assert.Equal(MetadataFormat.StandardValueSet, file.Format);
        Assert.Equal(CrmObject.Lead, file.Object);
        Assert.Equal(OrgStatuses.Append("Recycled"), file.Statuses.Select(s => s.ApiName));
        Assert.Equal(new PicklistValue("Closed - Converted", "Closed - Converted", false, true, true), file.Statuses[4]);
        Assert.Equal(new PicklistValue("Recycled", "Recycled", false, false, false), file.Statuses[6]);
        Assert.True(file.Statuses[0].IsDefault);
    }

    [Fact]
    public void The_SFDX_contact_status_field_gives_its_values_and_restriction()
    {
        var file = ReadFixture("sfdx_Contact_Status__c.field-meta__stagemap.xml");

        Assert.Equal(MetadataFormat.CustomField, file.Format);
        Assert.Equal(CrmObject.Contact, file.Object);
        Assert.Equal("Contact_Status__c", file.StatusField);
        Assert.Equal(7, file.Statuses.Count);
        Assert.False(file.Statuses.Single(s => s.ApiName == "Recycled").IsActive);
        Assert.True(file.IsRestricted);
        Assert.All(file.Statuses, s => Assert.Null(s.IsConverted));
    }

    [Fact]
    public void Another_custom_field_gives_nothing_and_says_how_to_name_it()
    {
        var file = ReadFixture("sfdx_Contact_Status__c.field-meta__stagemap.xml", "Level__c");

        Assert.Null(file.Object);
        Assert.Contains("-ContactStatusField Contact_Status__c", Assert.Single(file.Warnings));
    }

    [Fact]
    public void A_Data_Loader_export_with_a_BOM_CRLF_upper_case_header_and_quoted_fields_is_read()
    {
        var file = ReadFixture("dataloader_extract_LeadStatus__stagemap.csv");

        Assert.Equal(MetadataFormat.DataLoaderCsv, file.Format);
        Assert.Equal(OrgStatuses, file.Statuses.Select(s => s.ApiName));
        Assert.Equal(new PicklistValue("Nurturing", "Nurturing (\"Warm\", long cycle)", false, false, null, "01J5g00000Q1aA3EAJ", 3), file.Statuses[2]);
        Assert.Equal(new PicklistValue("Open - Not Contacted", "Open - Not Contacted", true, false, null, "01J5g00000Q1aA1EAJ", 1), file.Statuses[0]);
    }

    [Fact]
    public void A_CSV_from_sf_data_query_with_its_own_header_spelling_and_Data_Loader_booleans_is_read()
    {
        var file = Read("ApiName,MasterLabel,IsDefault,IsConverted\nOpen,Open,yes,N\nQualified,Qualified,0,ON\n");

        Assert.Equal(new[] { new PicklistValue("Open", "Open", true, false), new PicklistValue("Qualified", "Qualified", false, true) }, file.Statuses);
    }

    [Fact]
    public void The_format_is_told_by_content_not_by_extension()
    {
        var xml = System.IO.File.ReadAllBytes(Fixtures.Salesforce("sfdx_LeadStatus.standardValueSet-meta__stagemap.xml"));

        var file = MetadataReader.Read(xml, "/somewhere/statuses.json", DefaultField);

        Assert.Equal(MetadataFormat.StandardValueSet, file.Format);
    }

    [Fact]
    public void A_value_set_named_LeadStatus_is_LeadStatus_even_without_converted_elements()
    {
        const string xml = "<StandardValueSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><standardValue><fullName>Open</fullName><default>true</default><label>Open</label></standardValue></StandardValueSet>";

        var named = MetadataReader.Read(Encoding.UTF8.GetBytes(xml), "/x/LeadStatus.standardValueSet-meta.xml", DefaultField);
        var other = MetadataReader.Read(Encoding.UTF8.GetBytes(xml), "/x/LeadSource.standardValueSet-meta.xml", DefaultField);

        Assert.Equal(CrmObject.Lead, named.Object);
        Assert.Equal(new PicklistValue("Open", "Open", true, false, true), Assert.Single(named.Statuses));
        Assert.Null(other.Object);
        Assert.Contains("not LeadStatus", Assert.Single(other.Warnings));
    }

    [Fact]
    public void A_field_file_under_another_objects_folder_is_not_the_contact_status_field()
    {
        var xml = System.IO.File.ReadAllBytes(Fixtures.Salesforce("sfdx_Contact_Status__c.field-meta__stagemap.xml"));

        var onLead = MetadataReader.Read(xml, "/repo/force-app/main/default/objects/Lead/fields/Contact_Status__c.field-meta.xml", DefaultField);
        var onContact = MetadataReader.Read(xml, "/repo/force-app/main/default/objects/Contact/fields/Contact_Status__c.field-meta.xml", DefaultField);

        Assert.Null(onLead.Object);
        Assert.Contains("of Lead", Assert.Single(onLead.Warnings));
        Assert.Equal(CrmObject.Contact, onContact.Object);
    }

    [Fact]
    public void A_contact_status_field_with_a_global_value_set_or_no_values_gives_nothing_with_a_warning()
    {
        var global = Read("<CustomField><fullName>Contact_Status__c</fullName><type>Picklist</type><valueSet><restricted>true</restricted><valueSetName>Prospect_Status</valueSetName></valueSet></CustomField>");
        var text = Read("<CustomField><fullName>Contact_Status__c</fullName><type>Text</type><length>40</length></CustomField>");

        Assert.Contains("global value set 'Prospect_Status'", Assert.Single(global.Warnings));
        Assert.Contains("type is Text", Assert.Single(text.Warnings));
        Assert.False(global.HasContent);
        Assert.False(text.HasContent);
    }

    [Fact]
    public void A_query_that_is_not_done_warns_that_later_pages_are_missing()
    {
        var file = Read("{\"totalSize\":3000,\"done\":false,\"nextRecordsUrl\":\"/services/data/v62.0/query/01gxx-2000\",\"records\":[{\"attributes\":{\"type\":\"LeadStatus\"},\"ApiName\":\"Open\",\"MasterLabel\":\"Open\"}]}");

        Assert.Contains("done is false", Assert.Single(file.Warnings));
    }

    [Fact]
    public void Records_without_attributes_are_LeadStatus_when_they_have_its_fields()
    {
        var file = Read("{\"totalSize\":1,\"done\":true,\"records\":[{\"apiname\":\"Open\",\"masterlabel\":\"Open\",\"isdefault\":true}]}");

        Assert.Equal(new PicklistValue("Open", "Open", true), Assert.Single(file.Statuses));
    }

    [Fact]
    public void A_describe_of_another_object_gives_nothing_with_a_warning()
    {
        var file = Read("{\"name\":\"Account\",\"fields\":[{\"name\":\"Id\",\"type\":\"id\",\"picklistValues\":[]}]}");

        Assert.False(file.HasContent);
        Assert.Contains("describe of Account", Assert.Single(file.Warnings));
    }

    // Malformed and unrecognized files: each names the file, and the line and position where it can.

    [Theory]
    [InlineData("{\n  \"totalSize\": 1,\n  \"records\": [\n    {\"ApiName\": \"Open\" \"MasterLabel\": \"Open\"}\n  ]\n}", "line 4, position 23: After parsing a value an unexpected character")]
    [InlineData("{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[{\"value\":7,\"label\":\"Seven\"}]}]}", "value must be text, not the number 7")]
    [InlineData("{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[{\"value\":\"Open\",\"active\":\"yes\"}]}]}", "active must be true or false")]
    [InlineData("{\"name\":\"Lead\",\"fields\":[{\"name\":\"Status\",\"picklistValues\":[{\"value\":\"Open\"},{\"value\":\"Open\"}]}]}", "'Open' is listed twice")]
    [InlineData("{\"name\":\"Lead\",\"fields\":[{\"label\":\"Status\"}]}", "field 1 has no name")]
    [InlineData("{\"records\":[{\"attributes\":{\"type\":\"LeadStatus\"},\"Id\":\"01J\",\"MasterLabel\":\"Open\"}],\"totalSize\":1,\"done\":true}", "record 1 has no ApiName")]
    [InlineData("{\"records\":[{\"attributes\":{\"type\":\"LeadStatus\"},\"ApiName\":\"Open\",\"SortOrder\":\"first\"}],\"totalSize\":1,\"done\":true}", "SortOrder must be a whole number")]
    [InlineData("{\"records\":[{\"attributes\":{\"type\":\"LeadStatus\"},\"ApiName\":\"Open\"},{\"attributes\":{\"type\":\"Lead\"},\"ApiName\":\"x\"}],\"totalSize\":2,\"done\":true}", "record 2 is a Lead, not a LeadStatus")]
    [InlineData("{\"a\":1,\"A\":2}", "line 1, position 11: the property 'A' appears twice in one object (names are compared ignoring case)")]
    public void Malformed_JSON_is_InvalidMetadataFile_with_line_and_position(string json, string expected)
    {
        var failure = ReadFailure(json);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains("/data/file.json", failure.Message);
        Assert.Contains(expected, failure.Message);
        Assert.Matches("line \\d+, position \\d+", failure.Message);
    }

    [Theory]
    [InlineData("<StandardValueSet>\n  <standardValue>\n    <fullName>Open</fullName>\n  </standardValu>\n</StandardValueSet>", "line 4, position 5")]
    [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE StandardValueSet [<!ENTITY x \"y\">]>\n<StandardValueSet/>", "line 2, position 1: For security reasons DTD is prohibited")]
    [InlineData("<StandardValueSet>\n  <standardValue>\n    <fullName>Open</fullName>\n    <converted>maybe</converted>\n  </standardValue>\n</StandardValueSet>", "line 4, position 6: <converted> must be true or false, not 'maybe'")]
    [InlineData("<StandardValueSet>\n  <standardValue>\n    <label>Open</label>\n    <converted>false</converted>\n  </standardValue>\n</StandardValueSet>", "line 2, position 4: <standardValue> 1 has no <fullName>")]
    [InlineData("<CustomField>\n<fullName>Contact_Status__c</fullName>\n<valueSet>\n<valueSetDefinition>\n<value><fullName>A</fullName></value>\n<value><fullName>A</fullName></value>\n</valueSetDefinition>\n</valueSet>\n</CustomField>", "line 6, position 2: the value 'A' is listed twice")]
    [InlineData("<CustomField>\n<fullName>Contact_Status__c</fullName>\n<valueSet>\n<valueSetDefinition/>\n</valueSet>\n</CustomField>", "line 3, position 2")]
    public void Malformed_XML_is_InvalidMetadataFile_with_line_and_position(string xml, string expected)
    {
        var failure = ReadFailure(xml);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("\"ID\",\"APINAME\",\"MASTERLABEL\"\r\n\"01J\",\"Open\",\"Open\"\r\n\"02J\",\"Wor\"king\",\"Working\"\r\n", "line 3: a field has a quote in the wrong place")]
    [InlineData("\"ID\",\"APINAME\",\"MASTERLABEL\"\r\n\"01J\",\"Open\"\r\n", "line 2: the row has 2 field(s), the header 3")]
    [InlineData("APINAME,MASTERLABEL,ISDEFAULT\r\nOpen,Open,true\r\nWorking,Working,sometimes\r\n", "line 3, field 3 (ISDEFAULT): 'sometimes' is not true or false")]
    [InlineData("APINAME,MASTERLABEL,SORTORDER\r\nOpen,Open,1.5\r\n", "line 2, field 3 (SORTORDER): '1.5' is not a whole number")]
    [InlineData("APINAME,MASTERLABEL\r\nOpen,Open\r\n ,Blank\r\n", "line 3, field 1 (APINAME): the API name is empty")]
    [InlineData("APINAME,MASTERLABEL\r\nOpen,Open\r\nOpen,Again\r\n", "line 3, field 1 (APINAME): the lead status 'Open' is listed twice")]
    [InlineData("ApiName,MasterLabel,apiname\r\nOpen,Open,Open\r\n", "line 1: the column ApiName appears twice")]
    [InlineData("ApiName,MasterLabel\r\n", "no lead status rows")]
    public void Malformed_CSV_is_InvalidMetadataFile_with_line_and_field(string csv, string expected)
    {
        var failure = ReadFailure(csv);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("   \r\n  ", "it is empty")]
    [InlineData("[1, 2]", "a JSON array")]
    [InlineData("{\"status\":1,\"name\":\"NoDefaultEnvError\",\"message\":\"No default environment found.\",\"exitCode\":1}", "a Salesforce CLI command that failed (status 1: No default environment found.)")]
    [InlineData("{\"status\":0,\"result\":[]}", "Salesforce CLI output whose result is not a JSON object")]
    [InlineData("{\"totalSize\":0,\"done\":true,\"records\":[]}", "no records")]
    [InlineData("<Profile><custom>false</custom></Profile>", "root element is <Profile>")]
    [InlineData("Id,Name\r\n001,Acme\r\n", "first line ('Id', 'Name') has no ApiName and MasterLabel columns")]
    [InlineData("PK\u0003\u0004\u0014\u0000binary", "has no ApiName and MasterLabel columns")]
    public void Files_of_no_known_format_are_UnrecognizedMetadataFile(string content, string expected)
    {
        var failure = ReadFailure(content);

        Assert.Equal(ErrorIds.UnrecognizedMetadataFile, failure.ErrorId);
        Assert.Contains("'/data/file.json' is not a file StageMap can read", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_InvalidMetadataFile_with_ReadError()
    {
        using var folder = new TempDirectory();

        var failure = Assert.Throws<StageMapException>(() => MetadataReader.Read(folder.Path, DefaultField));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Equal(FailureCategory.ReadError, failure.Category);
    }

    private static MetadataFile Read(string content) => MetadataReader.Read(Encoding.UTF8.GetBytes(content), "/data/file.json", DefaultField);

    private static StageMapException ReadFailure(string content) => Assert.Throws<StageMapException>(() => Read(content));
}
