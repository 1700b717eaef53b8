using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM009ContactStatusFieldNotCustomTests
{
    private static ConfigurationContent ContactStageNameTo(string crmField, CrmMetadata? metadata = null) => new()
    {
        FieldMappings = { ContactStageName with { CrmField = crmField } },
        CrmMetadata = metadata ?? CrmMetadata.Empty,
    };

    [Fact]
    public void A_standard_field_is_a_warning_suggesting_the_contact_status_field()
    {
        var diagnostic = Assert.Single(Diagnose(ContactStageNameTo("Status"), "SM009"));

        AssertAbout(diagnostic, Severity.Warning, CrmObject.Contact, "Status");
        Assert.Equal("Contact_Status__c", diagnostic.Suggestion);
        Assert.Contains("New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField 'Contact_Status__c'", diagnostic.Message);
    }

    [Fact]
    public void The_metadata_contact_status_field_is_the_suggestion()
    {
        var metadata = new CrmMetadata { ContactStatusField = "lwrfileupload__Level__c" };

        Assert.Equal("lwrfileupload__Level__c", Assert.Single(Diagnose(ContactStageNameTo("LeadSource", metadata), "SM009")).Suggestion);
    }

    [Theory]
    [InlineData("Contact_Status__c")]
    [InlineData("contact_status__C")]
    [InlineData("lwrfileupload__Level__c")]
    public void A_custom_field_is_fine(string crmField)
    {
        Assert.Empty(Diagnose(ContactStageNameTo(crmField), "SM009"));
    }

    [Fact]
    public void Only_the_Contact_Stage_Name_mapping_is_checked()
    {
        var content = new ConfigurationContent
        {
            FieldMappings =
            {
                ContactStageName with { Object = CrmObject.Lead, CrmField = "Status" },
                ContactStageName with { OutreachField = "Title", CrmField = "Title" },
            },
        };

        Assert.Empty(Diagnose(content, "SM009"));
    }
}
