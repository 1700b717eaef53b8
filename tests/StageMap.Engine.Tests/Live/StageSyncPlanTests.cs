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

    [Fact]
    public void A_new_stage_whose_order_Outreach_uses_gets_the_lowest_order_above_every_order_in_use()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.AddStage("Nurturing");
        configuration.AddStage("Qualified");
        configuration.AddStage("Recycled", order: 20);
        var outreach = DefaultsInOutreach().Concat(new[] { There(7, "Legacy", 7), There(8, "Old Outbound", 8) }).ToList();

        var creates = StageSync.Plan(configuration.Stages, outreach, removeExtra: true).Where(s => s.Action == StageSyncAction.Create).ToList();

        Assert.Equal(new[] { ("Nurturing", 9), ("Qualified", 10), ("Recycled", 20) }, creates.Select(s => (s.Stage, s.Attributes!.Order!.Value)));
        Assert.Equal("Outreach has no stage 'Nurturing'. Its order 7 is taken in Outreach (by 'Legacy'), so it is created with order 9, which the configuration then records.", creates[0].Details);
    }

    [Fact]
    public void A_created_stage_is_recorded_with_the_order_Outreach_holds()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.AddStage("Nurturing");
        var step = StageSync.Plan(configuration.Stages, DefaultsInOutreach().Append(There(7, "Legacy", 7)).ToList(), removeExtra: false).Single(s => s.Action == StageSyncAction.Create);

        StageSync.Record(configuration, step, 101);

        var recorded = configuration.GetStage("Nurturing");
        Assert.Equal((101, 8, "7"), (recorded.Id, recorded.Order, recorded.Key));
        Assert.Equal(new OutreachStageState("Nurturing", 8), recorded.Outreach);
    }

    private static System.Collections.Generic.IEnumerable<OutreachStageRecord> DefaultsInOutreach() =>
        StageMapConfiguration.CreateDefault().Stages.Select(s => There(s.Id, s.Name, s.Order));
}
