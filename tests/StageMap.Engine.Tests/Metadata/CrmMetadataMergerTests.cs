using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

public class CrmMetadataMergerTests
{
    private static MetadataFile Fixture(string name, string field = CrmMetadata.DefaultContactStatusField) =>
        MetadataReader.Read(Fixtures.Salesforce(name), field);

    private static MetadataFile LeadFile(string name, params PicklistValue[] values) =>
        new($"/x/{name}", MetadataFormat.LeadStatusQuery) { Object = CrmObject.Lead, StatusField = "Status", Statuses = values };

    [Fact]
    public void A_Lead_describe_then_a_LeadStatus_query_give_one_list_in_SortOrder_with_everything_combined()
    {
        var afterDescribe = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sf_cli_describe_Lead__stagemap.json") });
        var combined = CrmMetadataMerger.Merge(afterDescribe, new[] { Fixture("sf_cli_query_LeadStatus__stagemap.json") });

        Assert.Equal(
            new[] { "Open - Not Contacted", "Working - Contacted", "Nurturing", "Meeting Booked", "Closed - Converted", "Closed - Not Converted" },
            combined.LeadStatuses.Select(s => s.ApiName));
        Assert.Equal(new CrmStatus(CrmObject.Lead, "Closed - Converted", "Closed - Converted", false, true, true, "01J5g00000Q1aA5EAJ"), combined.LeadStatuses[4]);
        Assert.Equal(new CrmStatus(CrmObject.Lead, "Open - Not Contacted", "Open - Not Contacted", true, false, true, "01J5g00000Q1aA1EAJ"), combined.LeadStatuses[0]);
        Assert.Contains("Outreach_Stage__c", combined.LeadFields);
        Assert.Equal(new[] { "sf_cli_describe_Lead__stagemap.json", "sf_cli_query_LeadStatus__stagemap.json" }, combined.Sources);
    }

    [Fact]
    public void The_same_two_files_in_one_import_give_the_same_list_in_either_order()
    {
        var describe = Fixture("sf_cli_describe_Lead__stagemap.json");
        var query = Fixture("sf_cli_query_LeadStatus__stagemap.json");

        var one = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { describe, query });
        var other = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { query, describe });

        Assert.Equal(one.LeadStatuses, other.LeadStatuses);
        Assert.Equal(6, one.LeadStatuses.Count(s => s.Id is not null));
    }

    [Fact]
    public void A_query_then_a_describe_keep_the_ids_and_converted_flags_the_describe_does_not_know()
    {
        var afterQuery = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sf_rest_query_LeadStatus__stagemap.json") });
        var combined = CrmMetadataMerger.Merge(afterQuery, new[] { Fixture("sf_cli_describe_Lead__stagemap.json") });

        Assert.All(combined.LeadStatuses, s => Assert.NotNull(s.Id));
        Assert.True(combined.LeadStatuses.Single(s => s.ApiName == "Closed - Converted").IsConverted);
    }

    [Fact]
    public void On_conflict_the_file_read_last_wins_property_by_property()
    {
        var describe = LeadFile("describe.json", new PicklistValue("Open", "Offen", IsDefault: true, IsActive: true));
        var query = LeadFile("query.json", new PicklistValue("Open", "Open", IsDefault: false, IsConverted: false, Id: "01J000000000001AAA"));

        var merged = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { describe, query });

        Assert.Equal(new CrmStatus(CrmObject.Lead, "Open", "Open", false, false, true, "01J000000000001AAA"), Assert.Single(merged.LeadStatuses));
    }

    [Fact]
    public void Statuses_without_a_SortOrder_keep_the_order_the_files_give()
    {
        var merged = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[]
        {
            LeadFile("a", new PicklistValue("B", SortOrder: 2), new PicklistValue("A", SortOrder: 1)),
            LeadFile("b", new PicklistValue("C")),
        });

        Assert.Equal(new[] { "B", "A", "C" }, merged.LeadStatuses.Select(s => s.ApiName));
    }

    [Fact]
    public void The_latest_import_decides_which_statuses_there_are()
    {
        var before = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { LeadFile("a", new PicklistValue("Old"), new PicklistValue("Kept", Id: "01J1")) });

        var after = CrmMetadataMerger.Merge(before, new[] { LeadFile("b", new PicklistValue("Kept"), new PicklistValue("New")) });

        Assert.Equal(new[] { "Kept", "New" }, after.LeadStatuses.Select(s => s.ApiName));
        Assert.Equal("01J1", after.LeadStatuses[0].Id);
    }

    [Fact]
    public void API_names_that_differ_in_case_are_different_statuses()
    {
        var merged = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { LeadFile("a", new PicklistValue("Open")), LeadFile("b", new PicklistValue("open")) });

        Assert.Equal(new[] { "Open", "open" }, merged.LeadStatuses.Select(s => s.ApiName));
    }

    [Fact]
    public void Contact_files_leave_the_lead_statuses_alone_and_the_other_way_round()
    {
        var leads = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sf_describe_Lead__lwrfileupload.json") });

        var both = CrmMetadataMerger.Merge(leads, new[] { Fixture("sfdx_Contact_Status__c.field-meta__stagemap.xml") });

        Assert.Equal(leads.LeadStatuses, both.LeadStatuses);
        Assert.Equal(leads.LeadFields, both.LeadFields);
        Assert.Equal(7, both.ContactStatuses.Count);
        Assert.All(both.ContactStatuses, s => Assert.Equal(CrmObject.Contact, s.Object));
    }

    [Fact]
    public void Contact_statuses_of_another_field_replace_those_of_the_field_before()
    {
        var first = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sfdx_Contact_Status__c.field-meta__stagemap.xml") });

        var second = CrmMetadataMerger.Merge(first, new[] { Fixture("sf_describe_Contact__lwrfileupload.json", "lwrfileupload__Level__c") });

        Assert.Equal("lwrfileupload__Level__c", second.ContactStatusField);
        Assert.Equal(new[] { "Secondary", "Tertiary", "Primary" }, second.ContactStatuses.Select(s => s.ApiName));
        Assert.Equal(63, second.ContactFields.Count);
    }

    [Fact]
    public void A_Contact_describe_without_the_status_field_updates_the_field_names_only()
    {
        var first = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sfdx_Contact_Status__c.field-meta__stagemap.xml") });

        var second = CrmMetadataMerger.Merge(first, new[] { Fixture("sf_describe_Contact__lwrfileupload.json") });

        Assert.Equal("Contact_Status__c", second.ContactStatusField);
        Assert.Equal(first.ContactStatuses, second.ContactStatuses);
        Assert.Equal(63, second.ContactFields.Count);
    }

    [Fact]
    public void Files_that_give_nothing_are_not_sources_and_a_file_read_again_moves_last()
    {
        var once = CrmMetadataMerger.Merge(CrmMetadata.Empty, new[] { Fixture("sf_rest_query_LeadStatus__stagemap.json"), Fixture("sf_describe_LeadStatus__lwrfileupload.json"), Fixture("sf_describe_Lead__lwrfileupload.json") });
        var again = CrmMetadataMerger.Merge(once, new[] { Fixture("sf_rest_query_LeadStatus__stagemap.json") });

        Assert.Equal(new[] { "sf_rest_query_LeadStatus__stagemap.json", "sf_describe_Lead__lwrfileupload.json" }, once.Sources);
        Assert.Equal(new[] { "sf_describe_Lead__lwrfileupload.json", "sf_rest_query_LeadStatus__stagemap.json" }, again.Sources);
    }

    [Fact]
    public void Imported_metadata_survives_the_configuration_file()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.ImportCrmMetadata(new[] { Fixture("sf_cli_describe_Lead__stagemap.json"), Fixture("dataloader_extract_LeadStatus__stagemap.csv"), Fixture("sfdx_Contact_Status__c.field-meta__stagemap.xml") });

        var reloaded = ConfigurationSerializer.FromBytes(ConfigurationSerializer.ToBytes(configuration.GetContent()), "m.json").CrmMetadata;

        Assert.Equal(configuration.CrmMetadata.LeadStatuses, reloaded.LeadStatuses);
        Assert.Equal(configuration.CrmMetadata.ContactStatuses, reloaded.ContactStatuses);
        Assert.Equal(configuration.CrmMetadata.LeadFields, reloaded.LeadFields);
        Assert.Equal(configuration.CrmMetadata.Sources, reloaded.Sources);
        Assert.Equal("Nurturing (\"Warm\", long cycle)", reloaded.LeadStatuses[2].Label);
    }

    [Fact]
    public void An_import_of_files_that_give_nothing_does_not_even_save()
    {
        using var folder = new TempDirectory();
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, folder.File("m.json"), force: false);
        System.IO.File.WriteAllText(folder.File("m.json"), "changed elsewhere");

        using (var edit = configuration.BeginEdit())
        {
            configuration.ImportCrmMetadata(new[] { Fixture("sf_describe_LeadStatus__lwrfileupload.json") });
            edit.Complete();
        }

        Assert.True(configuration.CrmMetadata.IsEmpty);
        Assert.Equal("changed elsewhere", System.IO.File.ReadAllText(folder.File("m.json")));
    }
}
