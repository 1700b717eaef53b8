using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM002CrmStatusMappedTwiceTests
{
    [Fact]
    public void A_status_mapped_twice_is_an_error_naming_both_stages()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 3));

        var diagnostic = Assert.Single(Diagnose(content, "SM002"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Working - Contacted");
        Assert.Contains("mapped 2 times, to stages 'Approaching', 'Replied'", diagnostic.Message);
        Assert.Contains("Remove-LeadStatusMapping -CrmStatus 'Working - Contacted'", diagnostic.Message);
    }

    [Fact]
    public void A_missing_stage_is_named_by_its_id()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("X", null, 1));
        content.LeadStatusMappings.Add(new LeadStatusMapping("X", null, 42));

        Assert.Contains("'New', (no stage with id 42)", Assert.Single(Diagnose(content, "SM002")).Message);
    }

    [Fact]
    public void Statuses_differing_only_in_case_are_different_statuses()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 2));
        content.LeadStatusMappings.Add(new LeadStatusMapping("working - contacted", null, 3));

        Assert.Empty(Diagnose(content, "SM002"));
    }

    [Fact]
    public void A_sound_configuration_maps_each_status_once()
    {
        Assert.Empty(Diagnose(Sound(), "SM002"));
    }
}
