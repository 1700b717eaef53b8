using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM003CrmStatusNotInCrmTests
{
    private static ConfigurationContent StandardOrgMapping(string crmStatus, int stageId = 2)
    {
        var content = DefaultStages();
        content.CrmMetadata = StandardLeadMetadata();
        content.LeadStatusMappings.Add(new LeadStatusMapping(crmStatus, null, stageId));
        return content;
    }

    [Fact]
    public void Done_when_working_contacted_in_lower_case_suggests_the_exact_api_name()
    {
        // With the shared Lead describe's statuses, mapping 'working - contacted' to
        // Approaching yields SM003 whose Suggestion is 'Working - Contacted'.
        var diagnostic = Assert.Single(Diagnose(StandardOrgMapping("working - contacted"), "SM003"));

        Assert.Equal("Working - Contacted", diagnostic.Suggestion);
        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "working - contacted");
        Assert.Contains("differs only in case, white space or dashes", diagnostic.Message);
        Assert.Contains("Remove-LeadStatusMapping -CrmStatus 'working - contacted'; New-LeadStatusMapping -CrmStatus 'Working - Contacted' -Stage 'Approaching'", diagnostic.Message);
    }

    [Fact]
    public void A_near_miss_on_a_stage_another_status_maps_too_waits_for_SM001_and_prints_no_fix()
    {
        // The replacement would be refused while the stage has two statuses (1:1), so its command
        // would fail as printed: the message says it comes after SM001's fix, and FixCommands is empty.
        var content = StandardOrgMapping("working - contacted");
        content.LeadStatusMappings.Add(new LeadStatusMapping("Open - Not Contacted", null, 2));

        var diagnostic = Assert.Single(Diagnose(content, "SM003"));

        Assert.Empty(diagnostic.FixCommands);
        Assert.Contains("once stage 'Approaching' is mapped by this status alone: fix SM001 first", diagnostic.Message);
        Assert.DoesNotContain("New-LeadStatusMapping", diagnostic.Message);
        Assert.Equal("Working - Contacted", diagnostic.Suggestion);
    }

    [Theory]
    [InlineData("Working-Contacted")]
    [InlineData(" Working  - Contacted")]
    [InlineData("working - contacted")]
    [InlineData("WORKING - CONTACTED ")]
    [InlineData("Working \u2013 Contacted")]
    [InlineData("Working\u00a0-\u00a0Contacted")]
    public void Case_white_space_and_dash_spacing_are_near_misses(string mapped)
    {
        Assert.Equal("Working - Contacted", Assert.Single(Diagnose(StandardOrgMapping(mapped), "SM003")).Suggestion);
    }

    [Fact]
    public void A_label_used_instead_of_the_api_name_suggests_the_api_name()
    {
        var content = DefaultStages();
        content.CrmMetadata = new CrmMetadata
        {
            LeadStatuses = new[]
            {
                new CrmStatus(CrmObject.Lead, "Open_Not_Contacted", "Open - Not Contacted"),
                new CrmStatus(CrmObject.Lead, "Working_Contacted", "Working - Contacted"),
            },
        };
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));
        content.LeadStatusMappings.Add(new LeadStatusMapping("open - not contacted", null, 1));

        var diagnostics = Diagnose(content, "SM003");

        Assert.Equal(new[] { "Working_Contacted", "Open_Not_Contacted" }, diagnostics.Select(d => d.Suggestion));
        Assert.Contains("matches the label of the CRM lead status whose API name is 'Working_Contacted'", diagnostics[0].Message);
    }

    [Fact]
    public void A_value_with_no_near_match_has_no_suggestion_and_says_what_to_do()
    {
        var diagnostic = Assert.Single(Diagnose(StandardOrgMapping("Nurturing"), "SM003"));

        Assert.Null(diagnostic.Suggestion);
        Assert.Contains("none of the 4 lead statuses", diagnostic.Message);
        Assert.Contains("Get-CrmStatus -Object Lead", diagnostic.Message);
        Assert.Contains("Remove-LeadStatusMapping -CrmStatus 'Nurturing'", diagnostic.Message);
    }

    [Fact]
    public void A_closer_status_by_edit_distance_is_not_guessed()
    {
        Assert.Null(Assert.Single(Diagnose(StandardOrgMapping("Closed - Convertd"), "SM003")).Suggestion);
    }

    [Fact]
    public void Two_equally_near_values_give_no_suggestion_but_name_both()
    {
        var content = StandardOrgMapping("WORKING - CONTACTED");
        content.CrmMetadata = content.CrmMetadata with
        {
            LeadStatuses = content.CrmMetadata.LeadStatuses.Append(new CrmStatus(CrmObject.Lead, "working-contacted", "working-contacted")).ToList(),
        };

        var diagnostic = Assert.Single(Diagnose(content, "SM003"));

        Assert.Null(diagnostic.Suggestion);
        Assert.Contains("'Working - Contacted', 'working-contacted'", diagnostic.Message);
    }

    [Fact]
    public void A_status_mapped_twice_is_reported_once()
    {
        var content = StandardOrgMapping("working - contacted");
        content.LeadStatusMappings.Add(new LeadStatusMapping("working - contacted", null, 3));

        Assert.Single(Diagnose(content, "SM003"));
    }

    [Fact]
    public void An_apostrophe_is_doubled_in_the_commands_of_the_message()
    {
        var diagnostic = Assert.Single(Diagnose(StandardOrgMapping("Rep's call"), "SM003"));

        Assert.Contains("Remove-LeadStatusMapping -CrmStatus 'Rep''s call'", diagnostic.Message);
    }

    [Fact]
    public void Exact_api_names_are_fine()
    {
        Assert.Empty(Diagnose(StandardOrg(), "SM003"));
    }

    [Fact]
    public void Without_crm_lead_statuses_it_says_nothing()
    {
        var content = StandardOrgMapping("working - contacted");
        content.CrmMetadata = new CrmMetadata { ContactStatuses = Statuses(CrmObject.Contact, "Working - Contacted") };

        Assert.Empty(Diagnose(content, "SM003"));
    }
}
