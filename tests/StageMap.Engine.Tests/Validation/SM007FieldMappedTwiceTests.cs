using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM007FieldMappedTwiceTests
{
    private static FieldMapping Map(CrmObject crmObject, string outreachField, string crmField) =>
        new(crmObject, outreachField, crmField, SyncDirection.Bidirectional, FieldMappingOptions.None);

    private static ConfigurationContent With(params FieldMapping[] mappings)
    {
        var content = new ConfigurationContent();
        content.FieldMappings.AddRange(mappings);
        return content;
    }

    [Fact]
    public void An_outreach_field_mapped_twice_on_one_object_is_an_error()
    {
        var diagnostic = Assert.Single(Diagnose(With(Map(CrmObject.Lead, "Title", "Title"), Map(CrmObject.Lead, "title", "Job_Title__c")), "SM007"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Title");
        Assert.Contains("Outreach field 'Title' is mapped 2 times, to CRM fields 'Title', 'Job_Title__c'", diagnostic.Message);
    }

    [Fact]
    public void Plugin_name_and_api_attribute_are_the_same_outreach_field()
    {
        Assert.Single(Diagnose(With(Map(CrmObject.Contact, "Stage Name", "Contact_Status__c"), Map(CrmObject.Contact, "stageName", "Level__c")), "SM007"));
    }

    [Fact]
    public void A_crm_field_mapped_from_two_outreach_fields_is_an_error()
    {
        var diagnostic = Assert.Single(Diagnose(With(Map(CrmObject.Contact, "Title", "Title"), Map(CrmObject.Contact, "Occupation", "title")), "SM007"));

        Assert.Equal(CrmObject.Contact, diagnostic.Object);
        Assert.Equal("Title", diagnostic.Target);
        Assert.Contains("CRM field 'Title' is mapped from 2 Outreach fields: 'Title', 'Occupation'", diagnostic.Message);
        Assert.Contains("Remove-FieldMapping -Object Contact -OutreachField 'Occupation'", diagnostic.Message);
    }

    [Fact]
    public void A_mapping_repeated_whole_is_reported_once()
    {
        Assert.Single(Diagnose(With(LeadStatusLookup, LeadStatusLookup), "SM007"));
    }

    [Fact]
    public void The_same_field_on_Lead_and_Contact_is_fine()
    {
        Assert.Empty(Diagnose(With(Map(CrmObject.Lead, "Title", "Title"), Map(CrmObject.Contact, "Title", "Title")), "SM007"));
    }

    [Fact]
    public void Distinct_fields_are_fine()
    {
        Assert.Empty(Diagnose(Sound(), "SM007"));
    }
}
