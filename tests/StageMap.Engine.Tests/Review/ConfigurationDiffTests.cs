using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Review;
using StageMap.Engine.Tests.Conversion;
using Xunit;

namespace StageMap.Engine.Tests.Review;

public class ConfigurationDiffTests
{
    private static ConfigurationContent Sample() =>
        Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Contact("Stage Name", "Contact_Status__c")).GetContent();

    [Fact]
    public void Identical_configurations_have_no_change()
    {
        Assert.Empty(ConfigurationDiff.Compare(Sample(), Sample()));
    }

    [Fact]
    public void A_renamed_stage_is_one_change_matched_by_id_and_its_mappings_do_not_change()
    {
        var after = Sample();
        after.Stages[2] = after.Stages[2] with { Name = "Engaged" };

        var change = Assert.Single(ConfigurationDiff.Compare(Sample(), after));

        Assert.Equal(new ConfigurationChange(ChangeKind.Changed, ChangeArea.Stage, null, "Engaged", "Name", "Replied", "Engaged"), change);
    }

    [Fact]
    public void What_Outreach_has_of_a_stage_is_its_own_property()
    {
        var before = Sample();
        var after = Sample();
        after.Stages[0] = after.Stages[0].AsInOutreach();

        var change = Assert.Single(ConfigurationDiff.Compare(before, after));

        Assert.Equal((ChangeKind.Changed, ChangeArea.Stage, "New", "InOutreach", (object?)"no", (object?)"id 1: 'New', order 1"), (change.Change, change.Area, change.Name, change.Property, change.Before, change.After));
    }

    [Fact]
    public void Stages_that_took_Outreachs_ids_are_the_same_stages_changed_only_in_InOutreach()
    {
        // Outreach's ids are not the local ones: 'New' is 12 there, and 'Approaching' takes 1, the
        // id 'New' had; 'Meeting Booked' (local 7) is created as 101. Its mapping follows it.
        var configuration = new StageMapConfiguration(Sample());
        configuration.AddStage("Meeting Booked");
        configuration.AddLeadStatusMapping("Meeting Booked", "Meeting Booked");
        var before = configuration.GetContent();
        configuration.RecordStageInOutreach("New", 12);
        configuration.RecordStageInOutreach("Approaching", 1);
        configuration.RecordStageInOutreach("Meeting Booked", 101);

        var changes = ConfigurationDiff.Compare(before, configuration.GetContent());

        Assert.Equal(
            new[] { "Changed New InOutreach no->id 12: 'New', order 1", "Changed Approaching InOutreach no->id 1: 'Approaching', order 2", "Changed Meeting Booked InOutreach no->id 101: 'Meeting Booked', order 7" },
            changes.Select(c => $"{c.Change} {c.Name} {c.Property} {c.Before}->{c.After}"));
    }

    [Fact]
    public void Added_and_removed_stages_and_order_and_colour()
    {
        var after = Sample();
        after.Stages.RemoveAt(5);
        after.Stages[4] = after.Stages[4] with { Order = 9, Color = "#ff0000" };
        after.Stages.Add(new Stage(7, "Nurture", 7));

        var changes = ConfigurationDiff.Compare(Sample(), after);

        Assert.Equal(
            new[] { "Changed Do Not Contact Order 5->9", "Changed Do Not Contact Color ->#ff0000", "Added Nurture  ->id 7, order 7", "Removed Bad Data  id 6, order 6->" },
            changes.Select(c => $"{c.Change} {c.Name} {c.Property} {c.Before}->{c.After}"));
    }

    [Fact]
    public void A_remapped_status_is_one_change_naming_both_stages()
    {
        var after = Sample();
        after.LeadStatusMappings[1] = after.LeadStatusMappings[1] with { StageId = 5 };

        var change = Assert.Single(ConfigurationDiff.Compare(Sample(), after));

        Assert.Equal(new ConfigurationChange(ChangeKind.Changed, ChangeArea.LeadStatusMapping, "Lead", "Working - Contacted", "Stage", "Approaching", "Do Not Contact"), change);
    }

    [Fact]
    public void Status_mappings_match_exactly_so_a_case_change_is_a_removal_and_an_addition()
    {
        var after = Sample();
        after.LeadStatusMappings[0] = after.LeadStatusMappings[0] with { CrmStatus = "open - not contacted" };

        var changes = ConfigurationDiff.Compare(Sample(), after);

        Assert.Equal(new[] { (ChangeKind.Added, "open - not contacted"), (ChangeKind.Removed, "Open - Not Contacted") }, changes.Select(c => (c.Change, c.Name)));
    }

    [Fact]
    public void Each_changed_option_of_a_field_mapping_is_its_own_change()
    {
        var after = Sample();
        after.FieldMappings[0] = after.FieldMappings[0] with
        {
            Options = after.FieldMappings[0].Options with { DisplayName = true, InternalEmptyPlaceholder = "New", LookForName = false },
            Direction = SyncDirection.FromCrm,
        };

        var changes = ConfigurationDiff.Compare(Sample(), after);

        Assert.All(changes, c => Assert.Equal((ChangeKind.Changed, ChangeArea.FieldMapping, "Lead", "Stage <> Status"), (c.Change, c.Area, c.Object, c.Name)));
        Assert.Equal(
            new (string, object?, object?)[] { ("Direction", "Bidirectional", "FromCrm"), ("InternalEmptyPlaceholder", null, "New"), ("LookForName", true, false), ("DisplayName", false, true) },
            changes.Select(c => (c.Property!, c.Before, c.After)));
    }

    [Fact]
    public void Field_mappings_match_by_object_and_Outreach_field_by_either_name()
    {
        var after = Sample();
        after.FieldMappings[1] = after.FieldMappings[1] with { OutreachField = "stageName" };
        after.FieldMappings.Add(Configs.Lead("Title", "Title"));

        var change = Assert.Single(ConfigurationDiff.Compare(Sample(), after));

        Assert.Equal((ChangeKind.Added, ChangeArea.FieldMapping, "Lead", "Title <> Title", (object?)"Bidirectional"), (change.Change, change.Area, change.Object, change.Name, change.After));
    }

    [Fact]
    public void Experience_and_metadata_changes_are_their_own_areas()
    {
        var after = Sample();
        after.Experience = Experience.EnhancedCrmSync;
        after.CrmMetadata = after.CrmMetadata with
        {
            LeadStatuses = after.CrmMetadata.LeadStatuses.Select((s, i) => i == 3 ? s with { IsActive = false } : s).ToList(),
            LeadFields = new[] { "Status" },
        };

        var changes = ConfigurationDiff.Compare(Sample(), after);

        Assert.Equal(
            new[] { "Experience  Experience ClassicPlugin->EnhancedCrmSync", "CrmMetadata Lead IsActive True->False", "CrmMetadata Lead Field ->Status" },
            changes.Select(c => $"{c.Area} {c.Object} {c.Property} {c.Before}->{c.After}"));
    }

    [Fact]
    public void A_status_mapped_twice_in_a_hand_edited_file_is_compared_occurrence_by_occurrence()
    {
        var before = Sample();
        before.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 5));
        var after = Sample();
        after.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 6));

        var change = Assert.Single(ConfigurationDiff.Compare(before, after));

        Assert.Equal(("Working - Contacted", (object?)"Do Not Contact", (object?)"Bad Data"), (change.Name, change.Before, change.After));
    }

    [Fact]
    public void Json_text_reads_like_a_file_and_a_bad_one_names_line_and_position()
    {
        var json = System.Text.Encoding.UTF8.GetString(StageMap.Engine.Storage.ConfigurationSerializer.ToBytes(Sample()));

        Assert.True(ConfigurationInput.IsJson("\n  " + json));
        Assert.Empty(ConfigurationDiff.Compare(Sample(), ConfigurationInput.FromJson(json)));
        var failure = Assert.Throws<StageMapException>(() => ConfigurationInput.FromJson("{\n  \"schemaVersion\": 2,\n  \"stages\": [ oops ]\n}"));
        Assert.Equal(ErrorIds.InvalidConfigurationFile, failure.ErrorId);
        Assert.Contains("line 3", failure.Message);
    }
}
