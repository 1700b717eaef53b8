using System;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>
/// What Remove-OutreachStage -Force and Import-OutreachStage -Force drop, said the same way before
/// (the -WhatIf and confirmation text) and after (one warning per mapping).
/// </summary>
public class DroppedMappingsTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    private static OutreachStageFile File(params string[] names) =>
        new("/x/stages.json", OutreachStageFormat.JsonArray, names.Select((n, i) => new OutreachStageRecord(null, n, null, null, i + 1)).ToList(), Array.Empty<string>());

    [Fact]
    public void Removing_a_stage_names_each_mapping_it_drops()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        var dropped = _configuration.MappingsDroppedByRemoving("approaching");

        Assert.Equal("Remove Outreach stage, and drop 1 lead status mapping(s): 'Working - Contacted' -> 'Approaching'", dropped.Append("Remove Outreach stage"));
        Assert.Equal(
            new[] { "The mapping of lead status 'Working - Contacted' to stage 'Approaching' was removed: stage 'Approaching' was removed." },
            dropped.Warnings);
        Assert.Equal(2, _configuration.LeadStatusMappings.Count);
    }

    [Fact]
    public void An_unmapped_stage_drops_nothing_and_an_unknown_one_is_StageNotFound()
    {
        var dropped = _configuration.MappingsDroppedByRemoving("Replied");

        Assert.False(dropped.Any);
        Assert.Equal("Remove Outreach stage", dropped.Append("Remove Outreach stage"));
        Assert.Empty(dropped.Warnings);
        Assert.Equal(ErrorIds.StageNotFound, Assert.Throws<StageMapException>(() => _configuration.MappingsDroppedByRemoving("Nurture")).ErrorId);
    }

    [Fact]
    public void An_import_plan_names_what_it_drops_and_changes_nothing_until_applied()
    {
        _configuration.AddLeadStatusMapping("Meeting Set", "Replied");
        _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");

        var plan = _configuration.PlanStageImport(File("New", "Approaching"), merge: false);

        Assert.Equal("Replace the configuration's 6 stage(s) with the 2 of 'stages.json', and drop 1 lead status mapping(s): 'Meeting Set' -> 'Replied'", plan.Action);
        Assert.Equal(6, _configuration.Stages.Count);

        var result = _configuration.ImportStages(plan, force: true);

        Assert.Equal(new[] { "New", "Approaching" }, _configuration.Stages.Select(s => s.Name));
        Assert.Equal(new[] { "The mapping of lead status 'Meeting Set' to stage 'Replied' was removed: 'stages.json' has no stage 'Replied'." }, result.Warnings);
    }

    [Fact]
    public void A_plan_is_worked_out_again_when_the_configuration_changed_since()
    {
        var plan = _configuration.PlanStageImport(File("New", "Approaching"), merge: false);
        _configuration.AddLeadStatusMapping("Closed", "Bad Data");

        var failure = Assert.Throws<StageMapException>(() => _configuration.ImportStages(plan, force: false));

        Assert.Equal(ErrorIds.StageInUse, failure.ErrorId);
        Assert.Contains("'Closed' -> 'Bad Data'", failure.Message);
        Assert.Equal(6, _configuration.Stages.Count);
    }

    [Fact]
    public void A_merge_drops_nothing()
    {
        _configuration.AddLeadStatusMapping("Meeting Set", "Replied");

        var plan = _configuration.PlanStageImport(File("Nurturing"), merge: true);

        Assert.False(plan.Dropped.Any);
        Assert.Equal("Merge the 1 stage(s) of 'stages.json' into the configuration's 6", plan.Action);
    }
}
