using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Model;

public class LeadStatusMappingTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    [Fact]
    public void A_mapping_names_the_status_and_the_stage()
    {
        var mapping = _configuration.AddLeadStatusMapping("Working - Contacted", "approaching");

        Assert.Equal(new LeadStatusMapping("Working - Contacted", "Approaching", 2), mapping);
    }

    [Fact]
    public void Mapping_a_stage_already_present_is_StageAlreadyMapped_and_changes_nothing()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        var before = ConfigurationSerializer.ToBytes(_configuration.GetContent());

        var failure = Assert.Throws<StageMapException>(() => _configuration.AddLeadStatusMapping("Open - Not Contacted", "Approaching"));

        Assert.Equal(ErrorIds.StageAlreadyMapped, failure.ErrorId);
        Assert.Equal("Open - Not Contacted", failure.Target);
        Assert.Contains("Working - Contacted", failure.Message);
        Assert.Equal(before, ConfigurationSerializer.ToBytes(_configuration.GetContent()));
    }

    [Fact]
    public void Mapping_a_status_twice_is_CrmStatusAlreadyMapped()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var failure = Assert.Throws<StageMapException>(() => _configuration.AddLeadStatusMapping("Working - Contacted", "Replied"));

        Assert.Equal(ErrorIds.CrmStatusAlreadyMapped, failure.ErrorId);
    }

    [Fact]
    public void Status_api_names_compare_exactly()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var other = _configuration.AddLeadStatusMapping("working - contacted", "Replied");

        Assert.Equal("working - contacted", other.CrmStatus);
        Assert.Null(_configuration.FindLeadStatusMapping("WORKING - CONTACTED"));
    }

    [Fact]
    public void Mapping_to_a_missing_stage_is_StageNotFound()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.AddLeadStatusMapping("Working - Contacted", "Nurture"));

        Assert.Equal(ErrorIds.StageNotFound, failure.ErrorId);
        Assert.Empty(_configuration.LeadStatusMappings);
    }

    [Fact]
    public void A_blank_status_is_InvalidCrmStatus()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.AddLeadStatusMapping(" ", "New"));

        Assert.Equal(ErrorIds.InvalidCrmStatus, failure.ErrorId);
    }

    [Fact]
    public void Set_moves_a_status_to_a_free_stage()
    {
        _configuration.AddLeadStatusMapping("Closed - Not Converted", "Replied");

        var moved = _configuration.UpdateLeadStatusMapping("Closed - Not Converted", "Unresponsive");

        Assert.Equal(new LeadStatusMapping("Closed - Not Converted", "Unresponsive", 4), moved);
    }

    [Fact]
    public void Set_to_a_stage_another_status_maps_is_StageAlreadyMapped()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Closed - Not Converted", "Replied");

        var failure = Assert.Throws<StageMapException>(() => _configuration.UpdateLeadStatusMapping("Closed - Not Converted", "Approaching"));

        Assert.Equal(ErrorIds.StageAlreadyMapped, failure.ErrorId);
        Assert.Equal("Replied", _configuration.FindLeadStatusMapping("Closed - Not Converted")!.Stage);
    }

    [Fact]
    public void Set_to_the_same_stage_is_allowed()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var same = _configuration.UpdateLeadStatusMapping("Working - Contacted", "APPROACHING");

        Assert.Equal("Approaching", same.Stage);
    }

    [Fact]
    public void Set_or_remove_of_an_unmapped_status_is_CrmStatusNotMapped()
    {
        Assert.Equal(ErrorIds.CrmStatusNotMapped, Assert.Throws<StageMapException>(() => _configuration.UpdateLeadStatusMapping("Nope", "New")).ErrorId);
        Assert.Equal(ErrorIds.CrmStatusNotMapped, Assert.Throws<StageMapException>(() => _configuration.RemoveLeadStatusMapping("Nope")).ErrorId);
    }

    [Fact]
    public void Remove_returns_the_removed_mapping()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var removed = _configuration.RemoveLeadStatusMapping("Working - Contacted");

        Assert.Equal("Approaching", removed.Stage);
        Assert.Empty(_configuration.LeadStatusMappings);
    }

    [Fact]
    public void A_mapping_whose_stage_is_gone_shows_no_stage_name()
    {
        var content = new ConfigurationContent();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 42));

        var mapping = Assert.Single(new StageMapConfiguration(content).LeadStatusMappings);

        Assert.Null(mapping.Stage);
        Assert.Equal(42, mapping.StageId);
    }
}
