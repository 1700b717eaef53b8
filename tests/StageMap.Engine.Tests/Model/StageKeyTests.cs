using System;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>A stage's key is its identity: the id it was first given, kept through every change of id.</summary>
public class StageKeyTests
{
    private static OutreachStageFile File(params OutreachStageRecord[] stages) => new("/x/stages.json", OutreachStageFormat.JsonArray, stages, Array.Empty<string>());

    private static OutreachStageRecord Record(int? id, string name, int? order = null) => new(id, name, order, null, 1);

    [Fact]
    public void A_new_stage_is_keyed_by_its_id_and_keeps_the_key_when_Outreach_gives_it_another()
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.AddStage("Nurturing");

        configuration.RecordStageInOutreach("Nurturing", 101);

        Assert.Equal(new[] { "1", "2", "3", "4", "5", "6", "7" }, configuration.Stages.Select(s => s.Key));
        Assert.Equal(101, configuration.GetStage("Nurturing").Id);
    }

    [Fact]
    public void A_local_stage_moved_out_of_the_way_of_an_Outreach_id_keeps_its_key()
    {
        var configuration = StageMapConfiguration.CreateDefault();

        configuration.RecordStageInOutreach("Bad Data", 2);

        Assert.Equal(("6", 2), (configuration.GetStage("Bad Data").Key, configuration.GetStage("Bad Data").Id));
        Assert.Equal(("2", 7), (configuration.GetStage("Approaching").Key, configuration.GetStage("Approaching").Id));
    }

    [Fact]
    public void A_new_stage_whose_id_is_another_stages_key_gets_a_key_of_its_own()
    {
        var configuration = StageMapConfiguration.CreateDefault(withDefaultStages: false);
        configuration.AddStage("A");
        configuration.AddStage("B");
        configuration.AddStage("C");
        configuration.RemoveStage("A");
        configuration.RecordStageInOutreach("C", 1);

        var d = configuration.AddStage("D");

        Assert.Equal((3, "3-2"), (d.Id, d.Key));
        Assert.Equal(new[] { "2", "3", "3-2" }, configuration.Stages.Select(s => s.Key));
    }

    [Fact]
    public void Import_keeps_the_key_of_a_stage_it_matches_by_name_and_gives_new_stages_unique_keys()
    {
        var merged = StageMapConfiguration.CreateDefault();
        merged.ImportStages(File(Record(12, "New", 1), Record(1, "Legacy", 9)), merge: true, force: false);

        Assert.Equal("1", merged.GetStage("New").Key);
        Assert.Equal(12, merged.GetStage("New").Id);
        Assert.Equal("1-2", merged.GetStage("Legacy").Key);

        var replaced = StageMapConfiguration.CreateDefault();
        replaced.ImportStages(File(Record(3, "Approaching", 1), Record(2, "Prospecting", 2)), merge: false, force: true);

        Assert.Equal(new[] { ("Approaching", "2"), ("Prospecting", "2-2") }, replaced.Stages.Select(s => (s.Name, s.Key)));
    }
}
