using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM006LeadStatusLookupMissingTests
{
    private static ConfigurationContent StandardOrgWith(params FieldMapping[] fieldMappings)
    {
        var content = StandardOrg();
        content.FieldMappings.Clear();
        content.FieldMappings.AddRange(fieldMappings);
        return content;
    }

    [Fact]
    public void Mappings_without_any_Stage_field_mapping_is_an_error_with_the_mapping_to_add()
    {
        var diagnostic = Assert.Single(Diagnose(StandardOrgWith(), "SM006"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Stage");
        Assert.Contains("4 lead status mapping(s)", diagnostic.Message);
        Assert.Contains("New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName.", diagnostic.Message);
        Assert.Equal(new[] { "New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName" }, diagnostic.FixCommands);
    }

    [Fact]
    public void The_fix_of_a_lookup_by_id_keeps_it_by_id_when_the_ids_are_imported_and_turns_LookForName_on_otherwise()
    {
        var plain = LeadStatusLookup with { Options = new FieldMappingOptions { LookupField = true } };
        var withIds = StandardOrgWith(plain);
        withIds.CrmMetadata = WithLeadStatusIds(withIds.CrmMetadata);

        Assert.Equal("Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName", Assert.Single(Assert.Single(Diagnose(StandardOrgWith(plain), "SM006")).FixCommands));
        Assert.Equal("Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField -ExternalMappedField -ExternalMappedType LeadStatus", Assert.Single(Assert.Single(Diagnose(withIds, "SM006")).FixCommands));
    }

    [Fact]
    public void A_Stage_mapping_that_is_not_a_LeadStatus_lookup_names_what_is_missing()
    {
        var plain = LeadStatusLookup with { Options = new FieldMappingOptions { LookupField = true } };

        var diagnostic = Assert.Single(Diagnose(StandardOrgWith(plain), "SM006"));

        Assert.Contains("ExternalMappedField is off; ExternalMappedType is not set", diagnostic.Message);
        Assert.DoesNotContain("LookupField is off", diagnostic.Message);
        Assert.Contains("Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName.", diagnostic.Message);
        Assert.Null(diagnostic.Suggestion);
    }

    [Fact]
    public void Another_mapped_type_is_named()
    {
        var wrongType = LeadStatusLookup with { Options = LeadStatusLookup.Options with { ExternalMappedType = "User" } };

        Assert.Contains("ExternalMappedType is 'User', not 'LeadStatus'", Assert.Single(Diagnose(StandardOrgWith(wrongType), "SM006")).Message);
    }

    [Fact]
    public void A_Stage_mapping_to_another_crm_field_suggests_Status()
    {
        var wrongField = LeadStatusLookup with { CrmField = "Lead_Stage__c" };

        var diagnostic = Assert.Single(Diagnose(StandardOrgWith(wrongField), "SM006"));

        Assert.Equal("Status", diagnostic.Suggestion);
        Assert.Contains("it maps CRM field 'Lead_Stage__c', not 'Status'", diagnostic.Message);
        Assert.Contains("Remove-FieldMapping -Object Lead -OutreachField 'Stage'; New-FieldMapping", diagnostic.Message);
    }

    [Fact]
    public void The_lookup_on_Contact_does_not_count_for_Lead()
    {
        Assert.Single(Diagnose(StandardOrgWith(LeadStatusLookup with { Object = CrmObject.Contact }), "SM006"));
    }

    [Fact]
    public void The_Stage_Name_field_is_not_the_Stage_field()
    {
        Assert.Single(Diagnose(StandardOrgWith(LeadStatusLookup with { OutreachField = "Stage Name" }), "SM006"));
    }

    [Fact]
    public void The_lookup_found_by_api_attribute_and_any_case_is_fine()
    {
        var spelledOtherwise = LeadStatusLookup with { OutreachField = "stage", CrmField = "status", Options = LeadStatusLookup.Options with { ExternalMappedType = "leadstatus" } };

        Assert.Empty(Diagnose(StandardOrgWith(spelledOtherwise), "SM006"));
    }

    [Fact]
    public void One_good_lookup_among_others_is_fine()
    {
        Assert.Empty(Diagnose(StandardOrgWith(LeadStatusLookup with { CrmField = "Old__c" }, LeadStatusLookup), "SM006"));
    }

    [Fact]
    public void Without_lead_status_mappings_no_lookup_is_needed()
    {
        var content = StandardOrgWith();
        content.LeadStatusMappings.Clear();

        Assert.Empty(Diagnose(content, "SM006"));
    }
}
