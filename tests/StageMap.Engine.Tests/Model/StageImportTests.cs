using System;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>Import-OutreachStage: replace or merge the stages, keeping lead status mappings by stage name.</summary>
public class StageImportTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    private static OutreachStageFile File(params OutreachStageRecord[] stages) => new("/x/stages.json", OutreachStageFormat.JsonArray, stages, Array.Empty<string>());

    private static OutreachStageRecord Record(int? id, string name, int? order = null, string? color = null) => new(id, name, order, color, 1);

    private string[] Stages() => _configuration.Stages.Select(s => $"{s.Id}:{s.Name}:{s.Order}:{s.Color}").ToArray();

    private string[] Mappings() => _configuration.LeadStatusMappings.Select(m => $"{m.CrmStatus}>{m.StageId}:{m.Stage}").ToArray();

    [Fact]
    public void Replace_makes_the_stages_the_files_with_Outreachs_ids_and_mappings_follow_by_name()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        var result = _configuration.ImportStages(File(Record(11, "new", 1, "#4fb0ff"), Record(12, "Approaching", 2), Record(13, "Nurturing", 3)), merge: false, force: false);

        Assert.Equal(new[] { "11:new:1:#4fb0ff", "12:Approaching:2:", "13:Nurturing:3:" }, Stages());
        Assert.Equal(new[] { "Working - Contacted>12:Approaching", "Open - Not Contacted>11:new" }, Mappings());
        Assert.Equal(_configuration.Stages, result.Stages);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Replace_refuses_to_lose_a_mapping_with_StageInUse_and_changes_nothing()
    {
        _configuration.AddLeadStatusMapping("Closed - Not Converted", "Unresponsive");
        var before = ConfigurationSerializer.ToBytes(_configuration.GetContent());

        var failure = Assert.Throws<StageMapException>(() => _configuration.ImportStages(File(Record(1, "New"), Record(2, "Approaching")), merge: false, force: false));

        Assert.Equal(ErrorIds.StageInUse, failure.ErrorId);
        Assert.Equal("/x/stages.json", failure.Target);
        Assert.Contains("would remove stage 'Unresponsive'", failure.Message);
        Assert.Contains("'Closed - Not Converted' -> 'Unresponsive'", failure.Message);
        Assert.Contains("-Force", failure.Message);
        Assert.Equal(before, ConfigurationSerializer.ToBytes(_configuration.GetContent()));
    }

    [Fact]
    public void Replace_with_force_drops_the_lost_mapping_with_a_warning()
    {
        _configuration.AddLeadStatusMapping("Closed - Not Converted", "Unresponsive");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        var result = _configuration.ImportStages(File(Record(1, "New"), Record(2, "Approaching")), merge: false, force: true);

        Assert.Equal(new[] { "Open - Not Contacted>1:New" }, Mappings());
        Assert.Contains("'Closed - Not Converted' to stage 'Unresponsive' was removed", Assert.Single(result.Warnings));
    }

    [Fact]
    public void Replace_gives_stages_without_an_id_the_id_of_their_namesake_or_the_next_free_one_and_orders_by_place()
    {
        var result = _configuration.ImportStages(File(Record(null, "Replied"), Record(3, "Nurturing"), Record(null, "Meeting")), merge: false, force: false);

        Assert.Equal(new[] { "7:Replied:1:", "3:Nurturing:2:", "8:Meeting:3:" }, Stages());
        Assert.Equal(3, result.Stages.Count);
    }

    [Fact]
    public void Merge_updates_stages_in_both_adds_new_ones_and_keeps_the_configurations_own()
    {
        _configuration.AddStage("Meeting", 7, "#111");
        _configuration.AddLeadStatusMapping("Meeting Set", "Meeting");
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");

        var result = _configuration.ImportStages(File(Record(22, "APPROACHING", 9, "#ffbf00"), Record(23, "Nurturing"), Record(1, "New")), merge: true, force: false);

        Assert.Equal(
            new[] { "1:New:1:", "22:APPROACHING:9:#ffbf00", "3:Replied:3:", "4:Unresponsive:4:", "5:Do Not Contact:5:", "6:Bad Data:6:", "7:Meeting:7:#111", "23:Nurturing:10:" },
            Stages());
        Assert.Equal(new[] { "Meeting Set>7:Meeting", "Working - Contacted>22:APPROACHING" }, Mappings());
        Assert.Equal(new[] { "APPROACHING", "Nurturing", "New" }, result.Stages.Select(s => s.Name));
        Assert.Equal(
            new[] { "Stage 'Nurturing' (Outreach id 23) was added: the configuration did not have it. If it is not one of yours, remove it: Remove-OutreachStage -Name 'Nurturing'." },
            result.Warnings);
    }

    [Fact]
    public void Merge_warns_once_per_stage_it_adds_naming_the_command_that_removes_it()
    {
        var result = _configuration.ImportStages(File(Record(1, "New"), Record(31, "Legacy"), Record(null, "Old Outbound"), Record(32, "Bob's")), merge: true, force: false);

        Assert.Equal(
            new[]
            {
                "Stage 'Legacy' (Outreach id 31) was added: the configuration did not have it. If it is not one of yours, remove it: Remove-OutreachStage -Name 'Legacy'.",
                "Stage 'Old Outbound' of 'stages.json' was added: the configuration did not have it. If it is not one of yours, remove it: Remove-OutreachStage -Name 'Old Outbound'.",
                "Stage 'Bob's' (Outreach id 32) was added: the configuration did not have it. If it is not one of yours, remove it: Remove-OutreachStage -Name 'Bob''s'.",
            },
            result.Warnings);
    }

    [Fact]
    public void Merge_of_stages_the_configuration_has_warns_of_nothing()
    {
        var result = _configuration.ImportStages(File(Record(1, "New"), Record(2, "approaching", 2)), merge: true, force: false);

        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Merge_moves_a_stage_of_the_configuration_whose_id_Outreach_gives_another_stage_and_its_mappings_follow()
    {
        _configuration.AddStage("Meeting");
        _configuration.AddLeadStatusMapping("Meeting Set", "Meeting");

        var result = _configuration.ImportStages(File(Record(7, "Nurturing", 7)), merge: true, force: false);

        Assert.Equal(new[] { "8:Meeting:7:", "7:Nurturing:7:" }, Stages().Skip(6));
        Assert.Equal(new[] { "Meeting Set>8:Meeting" }, Mappings());
        Assert.Equal(
            new[]
            {
                "Stage 'Meeting' is not in 'stages.json', which gives its id 7 to stage 'Nurturing', so it now has id 8.",
                "Stage 'Nurturing' (Outreach id 7) was added: the configuration did not have it. If it is not one of yours, remove it: Remove-OutreachStage -Name 'Nurturing'.",
            },
            result.Warnings.OrderBy(w => w, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Merge_keeps_the_order_and_colour_a_file_leaves_out()
    {
        _configuration.UpdateStage("Replied", color: "#3cc878");

        _configuration.ImportStages(File(Record(null, "Replied")), merge: true, force: false);

        Assert.Contains("3:Replied:3:#3cc878", Stages());
    }

    [Fact]
    public void A_mapping_that_pointed_at_no_stage_is_left_as_it_was()
    {
        var content = StageMapConfiguration.CreateDefault().GetContent();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Ghost", null, 99));
        var configuration = new StageMapConfiguration(content);

        configuration.ImportStages(File(Record(1, "New")), merge: false, force: false);

        Assert.Equal(new[] { "Ghost>99:" }, configuration.LeadStatusMappings.Select(m => $"{m.CrmStatus}>{m.StageId}:{m.Stage}"));
    }

    [Fact]
    public void The_imported_stages_survive_the_configuration_file()
    {
        _configuration.ImportStages(File(Record(11, "New", 1, "#4fb0ff"), Record(12, "Nurturing", 2)), merge: false, force: false);

        var reloaded = ConfigurationSerializer.FromBytes(ConfigurationSerializer.ToBytes(_configuration.GetContent()), "m.json");

        Assert.Equal(_configuration.Stages, reloaded.Stages);
    }
    [Fact]
    public void Imported_stages_with_an_id_are_recorded_as_Outreach_has_them_and_a_rename_shows_as_a_difference()
    {
        _configuration.ImportStages(File(Record(11, "New", 1), Record(null, "Nurturing", 2)), merge: false, force: false);

        Assert.True(_configuration.FindStage("New")!.IsInOutreach);
        Assert.False(_configuration.FindStage("Nurturing")!.IsInOutreach);

        _configuration.UpdateStage("New", newName: "Fresh");

        var renamed = _configuration.FindStage("Fresh")!;
        Assert.True(renamed.DiffersFromOutreach);
        Assert.Equal("New", renamed.Outreach!.Name);
    }

    [Fact]
    public void Merge_forgets_the_Outreach_state_of_a_stage_whose_id_the_file_gives_to_another()
    {
        _configuration.ImportStages(File(Record(3, "Replied", 3)), merge: true, force: false);
        _configuration.ImportStages(File(Record(3, "Nurturing", 3)), merge: true, force: false);

        Assert.True(_configuration.FindStage("Nurturing")!.IsInOutreach);
        var moved = _configuration.FindStage("Replied")!;
        Assert.NotEqual(3, moved.Id);
        Assert.False(moved.IsInOutreach);
    }

    [Fact]
    public void New_and_default_stages_are_local()
    {
        _configuration.AddStage("Nurturing");

        Assert.All(_configuration.Stages, s => Assert.False(s.IsInOutreach));
    }
}
