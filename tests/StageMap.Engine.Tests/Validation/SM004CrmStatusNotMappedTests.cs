using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM004CrmStatusNotMappedTests
{
    [Fact]
    public void An_unmapped_crm_status_is_a_warning_with_the_command_to_map_it()
    {
        var content = StandardOrg();
        content.LeadStatusMappings.RemoveAt(3);

        var diagnostic = Assert.Single(Diagnose(content, "SM004"));

        AssertAbout(diagnostic, Severity.Warning, CrmObject.Lead, "Closed - Not Converted");
        Assert.Contains("New-LeadStatusMapping -CrmStatus 'Closed - Not Converted' -Stage <stage>", diagnostic.Message);
        Assert.Null(diagnostic.Suggestion);
    }

    [Fact]
    public void A_free_stage_of_the_same_name_is_suggested()
    {
        var content = Sound();
        content.LeadStatusMappings.RemoveAt(1);

        var diagnostic = Assert.Single(Diagnose(content, "SM004"));

        Assert.Equal("Working - Contacted", diagnostic.Suggestion);
        Assert.Contains("-Stage 'Working - Contacted'", diagnostic.Message);
    }

    [Fact]
    public void A_stage_of_the_same_name_that_another_status_maps_is_not_suggested()
    {
        var content = Sound();
        content.LeadStatusMappings[1] = new LeadStatusMapping("Nurturing", null, 2);

        Assert.Null(Assert.Single(Diagnose(content, "SM004")).Suggestion);
    }

    [Fact]
    public void An_inactive_crm_status_needs_no_mapping()
    {
        var content = StandardOrg();
        content.CrmMetadata = content.CrmMetadata with
        {
            LeadStatuses = new[] { new CrmStatus(CrmObject.Lead, "Retired", "Retired", IsActive: false) },
        };
        content.LeadStatusMappings.Clear();

        Assert.Empty(Diagnose(content, "SM004"));
    }

    [Fact]
    public void Every_crm_status_mapped_is_fine()
    {
        Assert.Empty(Diagnose(StandardOrg(), "SM004"));
    }

    [Fact]
    public void Without_crm_lead_statuses_it_says_nothing()
    {
        var content = StandardOrg();
        content.CrmMetadata = CrmMetadata.Empty;
        content.LeadStatusMappings.Clear();

        Assert.Empty(Diagnose(content, "SM004"));
    }
}
