using System.Linq;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

public class StageTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    [Fact]
    public void A_new_configuration_has_the_six_default_stages_in_order()
    {
        Assert.Equal(
            new[] { "New", "Approaching", "Replied", "Unresponsive", "Do Not Contact", "Bad Data" },
            _configuration.Stages.OrderBy(s => s.Order).Select(s => s.Name));
        Assert.Equal(Enumerable.Range(1, 6), _configuration.Stages.Select(s => s.Id));
    }

    [Fact]
    public void A_new_stage_takes_the_next_id_and_goes_last()
    {
        var stage = _configuration.AddStage("  Meeting Booked ", color: "#2e7d32");

        Assert.Equal(new Stage(7, "Meeting Booked", 7, "#2e7d32"), stage);
    }

    [Fact]
    public void Stage_names_are_unique_ignoring_case()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.AddStage("approaching"));

        Assert.Equal(ErrorIds.StageAlreadyExists, failure.ErrorId);
        Assert.Equal(6, _configuration.Stages.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_stage_name_is_refused(string name)
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.AddStage(name));

        Assert.Equal(ErrorIds.InvalidStageName, failure.ErrorId);
    }

    [Fact]
    public void A_rename_keeps_the_mappings_that_point_at_the_stage()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        _configuration.UpdateStage("approaching", newName: "Working");

        var mapping = Assert.Single(_configuration.LeadStatusMappings);
        Assert.Equal(new LeadStatusMapping("Working - Contacted", "Working", 2), mapping);
    }

    [Fact]
    public void A_rename_may_change_only_the_case()
    {
        var renamed = _configuration.UpdateStage("Bad Data", newName: "Bad data");

        Assert.Equal("Bad data", renamed.Name);
    }

    [Fact]
    public void A_rename_to_another_stages_name_is_refused()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.UpdateStage("New", newName: "REPLIED"));

        Assert.Equal(ErrorIds.StageAlreadyExists, failure.ErrorId);
        Assert.NotNull(_configuration.FindStage("New"));
    }

    [Fact]
    public void Updating_a_missing_stage_is_StageNotFound()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.UpdateStage("Nurture", order: 3));

        Assert.Equal(ErrorIds.StageNotFound, failure.ErrorId);
        Assert.Equal("Nurture", failure.Target);
    }

    [Fact]
    public void An_empty_colour_clears_it()
    {
        _configuration.UpdateStage("New", color: "#fff");
        var cleared = _configuration.UpdateStage("New", color: "");

        Assert.Null(cleared.Color);
    }

    [Fact]
    public void A_mapped_stage_is_not_removed_without_force()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var failure = Assert.Throws<StageMapException>(() => _configuration.RemoveStage("Approaching"));

        Assert.Equal(ErrorIds.StageInUse, failure.ErrorId);
        Assert.NotNull(_configuration.FindStage("Approaching"));
        Assert.Single(_configuration.LeadStatusMappings);
    }

    [Fact]
    public void Force_removes_the_stage_and_its_mappings()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        _configuration.RemoveStage("Approaching", force: true);

        Assert.Null(_configuration.FindStage("Approaching"));
        Assert.Equal(new[] { "Open - Not Contacted" }, _configuration.LeadStatusMappings.Select(m => m.CrmStatus));
    }
}
