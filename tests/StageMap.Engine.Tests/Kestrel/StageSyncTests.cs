using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

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

    [Fact]
    public async Task Against_a_server_that_counts_only_with_count_true_an_empty_stage_is_deleted_and_a_held_one_refused_until_force()
    {
        // The loopback server answers meta.count only when asked with count=true, as Outreach does.
        var sync = new StageSync(new OutreachClient(new LiveHttpClient(new RecordingLog()), _servers.OutreachWithToken()));
        _servers.Outreach.SetProspects(5, 3);
        var empty = new StageSyncStep(StageSyncAction.Delete, "Bad Data", 6, null, "");
        var held = new StageSyncStep(StageSyncAction.Delete, "Do Not Contact", 5, null, "");

        Assert.Null(await sync.CheckDeleteAsync(empty, force: false, CancellationToken.None));
        await sync.ApplyAsync(empty, force: false, CancellationToken.None);
        var refusal = await sync.CheckDeleteAsync(held, force: false, CancellationToken.None);
        await Assert.ThrowsAsync<StageMapException>(() => sync.ApplyAsync(held, force: false, CancellationToken.None));
        await sync.ApplyAsync(held, force: true, CancellationToken.None);

        Assert.Equal(ErrorIds.StageHasProspects, refusal!.ErrorId);
        Assert.Contains("is held by 3 prospect(s)", refusal.Message);
        Assert.Equal(new[] { "GET", "GET", "DELETE", "GET", "GET", "GET", "DELETE" }, _servers.Outreach.Recorder.Calls.Select(c => c.Method));
        Assert.All(_servers.Outreach.Recorder.Calls.Where(c => c.Method == "GET"), c => Assert.EndsWith("&count=true", c.Path));
        Assert.DoesNotContain(_servers.Outreach.Stages, s => s.Id is 5 or 6);
    }

    [Fact]
    public void The_failure_summary_says_plainly_when_nothing_succeeded()
    {
        Assert.Equal("1 call(s) to Outreach failed: POST https://x/api/v2/stages. No call succeeded. Run Sync-OutreachStage again once the cause is fixed.",
            StageSync.FailureSummary(new[] { "POST https://x/api/v2/stages" }, 0));
        Assert.Equal("1 call(s) to Outreach failed: POST https://x/api/v2/stages. The configuration records the 2 that succeeded. Run Sync-OutreachStage again once the cause is fixed.",
            StageSync.FailureSummary(new[] { "POST https://x/api/v2/stages" }, 2));
    }
}
