using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM014InactiveCrmValueTests
{
    private static CrmMetadata Deactivate(CrmMetadata metadata, string apiName) => metadata with
    {
        LeadStatuses = metadata.LeadStatuses.Select(s => s.ApiName == apiName ? s with { IsActive = false } : s).ToList(),
        ContactStatuses = metadata.ContactStatuses.Select(s => s.ApiName == apiName ? s with { IsActive = false } : s).ToList(),
    };

    [Fact]
    public void A_mapped_inactive_lead_status_is_a_warning()
    {
        var content = StandardOrg();
        content.CrmMetadata = Deactivate(content.CrmMetadata, "Closed - Not Converted");

        var diagnostic = Assert.Single(Diagnose(content, "SM014"));

        AssertAbout(diagnostic, Severity.Warning, CrmObject.Lead, "Closed - Not Converted");
        Assert.Contains("Remove-LeadStatusMapping -CrmStatus 'Closed - Not Converted'", diagnostic.Message);
    }

    [Fact]
    public void A_stage_named_as_an_inactive_contact_status_is_a_warning_on_Contact()
    {
        var content = Sound();
        content.CrmMetadata = content.CrmMetadata with
        {
            ContactStatuses = content.CrmMetadata.ContactStatuses.Select(s => s.ApiName == "Working - Contacted" ? s with { IsActive = false } : s).ToList(),
        };

        var diagnostic = Assert.Single(Diagnose(content, "SM014"));

        Assert.Equal(CrmObject.Contact, diagnostic.Object);
        Assert.Equal("Working - Contacted", diagnostic.Target);
        Assert.Empty(Diagnose(content, "SM010"));
    }

    [Fact]
    public void Active_values_are_fine()
    {
        Assert.Empty(Diagnose(Sound(), "SM014"));
    }

    [Fact]
    public void Without_crm_metadata_it_says_nothing()
    {
        var content = StandardOrg();
        content.CrmMetadata = CrmMetadata.Empty;

        Assert.Empty(Diagnose(content, "SM014"));
    }

    [Fact]
    public void Without_a_Contact_Stage_Name_mapping_contact_values_are_not_checked()
    {
        var content = Sound();
        content.FieldMappings.Remove(ContactStageName);
        content.CrmMetadata = content.CrmMetadata with
        {
            ContactStatuses = content.CrmMetadata.ContactStatuses.Select(s => s with { IsActive = false }).ToList(),
        };

        Assert.Empty(Diagnose(content, "SM014"));
    }
}
