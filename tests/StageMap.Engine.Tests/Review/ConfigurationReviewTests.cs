using System;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using StageMap.Engine.Review;
using StageMap.Engine.Tests.Conversion;
using Xunit;

namespace StageMap.Engine.Tests.Review;

public class ConfigurationReviewTests
{
    private static ConfigurationContent Sample(Experience experience = Experience.ClassicPlugin)
    {
        var content = Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Contact("Stage Name", "Contact_Status__c")).GetContent();
        content.Experience = experience;
        return content;
    }

    [Fact]
    public void Nothing_changed_gives_an_empty_review()
    {
        var review = ConfigurationReview.Create(Sample(), Sample());

        Assert.Empty(review.Changes);
        Assert.Equal("", review.ToMarkdown());
    }

    [Fact]
    public void A_status_remapped_onto_a_mapped_stage_adds_SM001_and_its_Add_steps_are_to_redo()
    {
        var after = Sample();
        after.LeadStatusMappings[1] = after.LeadStatusMappings[1] with { StageId = 1 };

        var review = ConfigurationReview.Create(Sample(), after);

        Assert.Contains(review.AddedDiagnostics, d => d.RuleId == "SM001" && d.Target == "New");
        Assert.Contains(review.AddedDiagnostics, d => d.RuleId == "SM005" && d.Target == "Approaching");
        Assert.Empty(review.ResolvedDiagnostics);
        var steps = review.ClickPath.Steps;
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.Step));
        Assert.All(steps, s => Assert.Equal(ProcedureBuilder.LeadStatusSection, s.Section));
        Assert.Equal(new[] { "Working - Contacted", "New" }, steps.Where(s => s.Value is not null).Select(s => s.Value));
        Assert.Equal("Access the Outreach Platform.", steps[0].Action);
        Assert.Equal(1, steps.Count(s => s.Action == "Click Add."));
    }

    [Fact]
    public void A_changed_option_gives_the_field_mapping_steps_in_the_new_experience()
    {
        var after = Sample(Experience.EnhancedCrmSync);
        after.FieldMappings[0] = after.FieldMappings[0] with { Options = after.FieldMappings[0].Options with { DisplayName = true } };

        var review = ConfigurationReview.Create(Sample(), after);

        Assert.Equal("Enhanced CRM Sync (beta)", review.ClickPath.Title);
        Assert.All(review.ClickPath.Steps, s => Assert.Equal(ProcedureBuilder.LeadFieldSection, s.Section));
        Assert.Contains(review.ClickPath.Steps, s => s.Value == "DisplayName");
        Assert.Contains(review.ClickPath.Steps, s => s.Action.Contains("Add mapping"));
        var markdown = review.ToMarkdown();
        Assert.Contains("### Field mappings", markdown);
        Assert.Contains("| Changed | `Lead` | `Stage <> Status` | `DisplayName` | off | on |", markdown);
        Assert.Contains("### Redo in the Outreach UI (Enhanced CRM Sync (beta))", markdown);
        Assert.Contains("Display Name instead of Record ID", markdown);
        Assert.DoesNotContain("LeadStatus: dropdown menu on the New Lead Status Mapping window", markdown);
    }

    [Fact]
    public void Markdown_groups_changes_by_area_and_lists_removals_to_do_by_hand()
    {
        var after = Sample();
        after.Stages[2] = after.Stages[2] with { Name = "Engaged" };
        after.LeadStatusMappings.RemoveAt(3);
        after.FieldMappings.RemoveAt(1);

        var markdown = ConfigurationReview.Create(Sample(), after).ToMarkdown();

        Assert.StartsWith("## StageMap review: 3 changes\n", markdown);
        Assert.True(markdown.IndexOf("### Stages", StringComparison.Ordinal) < markdown.IndexOf("### Lead status mappings", StringComparison.Ordinal));
        Assert.True(markdown.IndexOf("### Lead status mappings", StringComparison.Ordinal) < markdown.IndexOf("### Field mappings", StringComparison.Ordinal));
        Assert.Contains("Remove by hand", markdown);
        Assert.Contains("the lead status mapping of 'Closed - Not Converted' (to 'Unresponsive')", markdown);
        Assert.Contains("the Contact field mapping Stage Name \\<\\> Contact\\_Status\\_\\_c", markdown);
        Assert.Contains("| Changed |  | `Engaged` | `Name` | `Replied` | `Engaged` |", markdown);
    }

    [Fact]
    public void A_fixed_mistake_is_a_resolved_diagnostic()
    {
        var before = Sample();
        before.LeadStatusMappings[0] = before.LeadStatusMappings[0] with { CrmStatus = "open - not contacted" };

        var review = ConfigurationReview.Create(before, Sample());

        Assert.Contains(review.ResolvedDiagnostics, d => d.RuleId == "SM003" && d.Target == "open - not contacted");
        Assert.Contains("**Resolved by this change** (", review.ToMarkdown());
    }

    [Fact]
    public void Values_cannot_become_Markdown()
    {
        var after = Sample();
        after.Stages.Add(new Stage(9, "a | b `c`", 9));

        var markdown = ConfigurationReview.Create(Sample(), after).ToMarkdown();

        Assert.Contains("| Added |  | `` a \\| b `c` `` |", markdown);
    }
}
