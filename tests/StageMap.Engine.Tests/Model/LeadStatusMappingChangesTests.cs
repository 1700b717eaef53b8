using System.Linq;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>One command's rows of Set-LeadStatusMapping: 1:1 checked on the state at the end.</summary>
public class LeadStatusMappingChangesTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public LeadStatusMappingChangesTests()
    {
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Nurturing", "Replied");
    }

    [Fact]
    public void Two_rows_swapping_two_stages_both_land()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Approaching");
        changes.Add("Working - Contacted", "New");

        var result = changes.Apply();

        Assert.Empty(result.Rejected);
        Assert.Equal("Approaching", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
        Assert.Equal("New", _configuration.FindLeadStatusMapping("Working - Contacted")!.Stage);
        Assert.Equal(new[] { "Approaching", "New" }, result.Applied.Select(m => m.Stage));
    }

    [Fact]
    public void A_row_taking_a_stage_that_stays_mapped_is_StageAlreadyMapped_and_only_it_is_left_out()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Replied");
        changes.Add("Working - Contacted", "Unresponsive");

        var result = changes.Apply();

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(new LeadStatusMapping("Open - Not Contacted", "Replied", 3), rejected.Row);
        Assert.Equal(ErrorIds.StageAlreadyMapped, rejected.Failure.ErrorId);
        Assert.Contains("Nurturing", rejected.Failure.Message);
        Assert.Equal("New", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
        Assert.Equal("Unresponsive", _configuration.FindLeadStatusMapping("Working - Contacted")!.Stage);
    }

    [Fact]
    public void A_row_whose_stage_is_freed_only_by_a_left_out_row_is_left_out_too()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Replied");
        changes.Add("Working - Contacted", "New");

        var result = changes.Apply();

        Assert.Equal(new[] { "Open - Not Contacted", "Working - Contacted" }, result.Rejected.Select(r => r.Row.CrmStatus));
        Assert.Empty(result.Applied);
        Assert.Equal("New", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
        Assert.Equal("Approaching", _configuration.FindLeadStatusMapping("Working - Contacted")!.Stage);
    }

    [Fact]
    public void Of_two_rows_claiming_one_free_stage_the_first_keeps_it()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Bad Data");
        changes.Add("Working - Contacted", "Bad Data");

        var result = changes.Apply();

        Assert.Equal("Working - Contacted", Assert.Single(result.Rejected).Row.CrmStatus);
        Assert.Equal("Bad Data", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
    }

    [Fact]
    public void A_status_given_two_stages_in_one_command_is_CrmStatusAlreadyMapped_at_its_second_row()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Bad Data");

        var failure = Assert.Throws<StageMapException>(() => changes.Add("Open - Not Contacted", "Unresponsive"));

        Assert.Equal(ErrorIds.CrmStatusAlreadyMapped, failure.ErrorId);
        Assert.Empty(changes.Apply().Rejected);
        Assert.Equal("Bad Data", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
    }

    [Fact]
    public void Rows_that_are_checked_at_the_end_change_nothing_before_it()
    {
        var changes = _configuration.BeginLeadStatusMappingChanges();
        changes.Add("Open - Not Contacted", "Approaching");

        Assert.Equal("New", _configuration.FindLeadStatusMapping("Open - Not Contacted")!.Stage);
        Assert.Equal(ErrorIds.StageNotFound, Assert.Throws<StageMapException>(() => changes.Add("Nurturing", "Nowhere")).ErrorId);
        Assert.Equal(ErrorIds.CrmStatusNotMapped, Assert.Throws<StageMapException>(() => changes.Add("Unmapped", "New")).ErrorId);
    }
}
