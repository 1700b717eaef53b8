using System.Linq;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Live;

public class StageSyncPlanTests
{
    private static OutreachStageRecord There(int id, string name, int order, string? color = null) => new(id, name, order, color, 0);

    [Fact]
    public void A_local_id_is_never_matched_against_outreach()
    {
        var configuration = StageMapConfiguration.CreateDefault(withDefaultStages: false);
        configuration.AddStage("Nurturing");

        var steps = StageSync.Plan(configuration.Stages, new[] { There(1, "Prospecting", 1) }, removeExtra: false);

        Assert.Equal(new[] { (StageSyncAction.Create, "Nurturing", (int?)null), (StageSyncAction.Extra, "Prospecting", (int?)1) }, steps.Select(s => (s.Action, s.Stage, s.OutreachId)));
    }

    [Fact]
    public void A_stage_known_to_be_in_outreach_matches_by_id_and_is_renamed_there()
    {
        var configuration = StageMapConfiguration.CreateDefault(withDefaultStages: false);
        configuration.AddStage("Warm");
        configuration.RecordStageInOutreach("Warm", 42);
        configuration.UpdateStage("Warm", newName: "Nurturing");

        var step = Assert.Single(StageSync.Plan(configuration.Stages, new[] { There(42, "Warm", 1) }, removeExtra: true));

        Assert.Equal(StageSyncAction.Update, step.Action);
        Assert.Equal(new StageAttributes("Nurturing", null, null), step.Attributes);
        Assert.Equal("name 'Warm' -> 'Nurturing'", step.Details);
    }

    [Fact]
    public void Other_stages_match_by_name_ignoring_case_and_only_what_differs_is_sent()
    {
        var configuration = StageMapConfiguration.CreateDefault();

        var steps = StageSync.Plan(configuration.Stages, new[] { There(11, "NEW", 1, "#4fb0ff"), There(12, "Approaching", 7, "#ffbf00") }, removeExtra: false);

        Assert.Equal(new StageAttributes("New", null, null), steps[0].Attributes);
        Assert.Equal(11, steps[0].OutreachId);
        Assert.Equal(new StageAttributes(null, 2, null), steps[1].Attributes);
        Assert.All(steps.Skip(2), s => Assert.Equal(StageSyncAction.Create, s.Action));
    }

    [Fact]
    public void With_RemoveExtra_the_stages_only_outreach_has_are_deleted()
    {
        var configuration = StageMapConfiguration.CreateDefault(withDefaultStages: false);

        var step = Assert.Single(StageSync.Plan(configuration.Stages, new[] { There(9, "Old", 1) }, removeExtra: true));

        Assert.Equal((StageSyncAction.Delete, "Old", (int?)9), (step.Action, step.Stage, step.OutreachId));
        Assert.True(step.Writes);
    }
}
