using System.Linq;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>A stage made in Outreach takes Outreach's id; its mappings follow it, and a local stage in the way moves.</summary>
public class OutreachIdTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    [Fact]
    public void The_stage_takes_Outreachs_id_and_state_and_its_mappings_follow()
    {
        _configuration.AddStage("Nurturing");
        _configuration.AddLeadStatusMapping("Nurture", "Nurturing");

        var recorded = _configuration.RecordStageInOutreach("Nurturing", 42);

        Assert.Equal(42, recorded.Id);
        Assert.Equal(new OutreachStageState("Nurturing", 7), recorded.Outreach);
        Assert.Equal(42, _configuration.LeadStatusMappings.Single(m => m.CrmStatus == "Nurture").StageId);
    }

    [Fact]
    public void A_local_stage_holding_the_id_moves_to_a_free_one_with_its_mappings()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        _configuration.RecordStageInOutreach("New", 2);

        Assert.Equal(2, _configuration.FindStage("New")!.Id);
        var moved = _configuration.FindStage("Approaching")!;
        Assert.Equal(7, moved.Id);
        Assert.False(moved.IsInOutreach);
        Assert.Equal(new[] { "Working - Contacted>7:Approaching", "Open - Not Contacted>2:New" },
            _configuration.LeadStatusMappings.Select(m => $"{m.CrmStatus}>{m.StageId}:{m.Stage}"));
    }

    [Fact]
    public void An_id_held_by_another_stage_Outreach_has_is_refused_and_nothing_changes()
    {
        _configuration.RecordStageInOutreach("New", 1);
        var before = _configuration.GetContent().Stages.ToList();

        var failure = Assert.Throws<StageMapException>(() => _configuration.RecordStageInOutreach("Replied", 1));

        Assert.Equal(ErrorIds.StageAlreadyExists, failure.ErrorId);
        Assert.Equal(before, _configuration.Stages);
    }
}
