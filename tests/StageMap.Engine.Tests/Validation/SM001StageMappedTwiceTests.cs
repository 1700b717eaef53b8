using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM001StageMappedTwiceTests
{
    [Fact]
    public void Two_statuses_on_one_stage_is_an_error_naming_the_stage_and_both_statuses()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));
        content.LeadStatusMappings.Add(new LeadStatusMapping("Open - Not Contacted", null, 2));

        var diagnostic = Assert.Single(Diagnose(content, "SM001"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Approaching");
        Assert.Contains("'Working - Contacted', 'Open - Not Contacted'", diagnostic.Message);
        Assert.Contains("Set-LeadStatusMapping -CrmStatus 'Open - Not Contacted' -Stage <stage>", diagnostic.Message);
        Assert.Null(diagnostic.Suggestion);
    }

    [Fact]
    public void Each_stage_on_its_own_status_is_fine()
    {
        Assert.Empty(Diagnose(StandardOrg(), "SM001"));
    }

    [Fact]
    public void One_status_twice_on_the_same_stage_is_left_to_SM002()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));

        Assert.Empty(Diagnose(content, "SM001"));
        Assert.Single(Diagnose(content, "SM002"));
    }

    [Fact]
    public void Two_statuses_on_a_missing_stage_are_left_to_SM013()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("A", null, 42));
        content.LeadStatusMappings.Add(new LeadStatusMapping("B", null, 42));

        Assert.Empty(Diagnose(content, "SM001"));
        Assert.Equal(new[] { "A", "B" }, Targets(content, "SM013"));
    }
}
