using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
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

[Collection(LiveCollection.Name)]
[Trait(Support.Needs.Trait, Support.Needs.Kestrel)]
public class StageSyncTests
{
    private readonly LiveServerFixture _servers;

    public StageSyncTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
    }

    [Fact]
    public async Task Applying_the_plan_creates_the_missing_stages_records_their_ids_and_a_second_plan_changes_nothing()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.AddStage("Nurturing");
        configuration.AddLeadStatusMapping("Nurturing", "Nurturing");
        var client = new OutreachClient(new LiveHttpClient(new RecordingLog()), _servers.OutreachWithToken());
        var sync = new StageSync(client);

        foreach (var step in StageSync.Plan(configuration.Stages, (await client.ListStagesAsync(CancellationToken.None)).Stages, removeExtra: false))
        {
            StageSync.Record(configuration, step, await sync.ApplyAsync(step, force: false, CancellationToken.None));
        }

        Assert.Equal(101, configuration.GetStage("Nurturing").Id);
        Assert.True(configuration.Stages.All(s => s.IsInOutreach));
        Assert.Equal(101, configuration.LeadStatusMappings.Single().StageId);
        var again = StageSync.Plan(configuration.Stages, (await client.ListStagesAsync(CancellationToken.None)).Stages, removeExtra: true);
        Assert.All(again, s => Assert.Equal(StageSyncAction.Unchanged, s.Action));
        Assert.Equal(1, _servers.Outreach.Recorder.Calls.Count(c => c.Writes));
    }

    [Fact]
    public async Task A_delete_of_a_stage_prospects_hold_is_refused_without_force()
    {
        var sync = new StageSync(new OutreachClient(new LiveHttpClient(new RecordingLog()), _servers.OutreachWithToken()));
        var step = new StageSyncStep(StageSyncAction.Delete, "Bad Data", 6, null, "");
        _servers.Outreach.SetProspects(6, 3);

        var failure = await Assert.ThrowsAsync<StageMapException>(() => sync.ApplyAsync(step, force: false, CancellationToken.None));
        Assert.Equal(ErrorIds.StageHasProspects, failure.ErrorId);
        Assert.Contains(_servers.Outreach.Stages, s => s.Id == 6);

        await sync.ApplyAsync(step, force: true, CancellationToken.None);
        Assert.DoesNotContain(_servers.Outreach.Stages, s => s.Id == 6);
    }
}
