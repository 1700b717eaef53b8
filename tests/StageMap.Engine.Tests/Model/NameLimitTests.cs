using System;
using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>What a reader refuses, a cmdlet refuses too: a saved configuration always reads back.</summary>
public class NameLimitTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    [Theory]
    [InlineData("LONG", "The stage name is 256 characters long; names, statuses and labels are at most 255")]
    [InlineData("Re\tplied", "The stage name 'Re\\u0009plied' contains the control character U+0009")]
    [InlineData("Re\u0085plied", "contains the control character U+0085")]
    public void A_stage_name_over_the_limit_or_with_a_control_character_is_refused(string name, string expected)
    {
        name = name.Replace("LONG", new string('n', 256));
        var added = Assert.Throws<StageMapException>(() => _configuration.AddStage(name));
        var renamed = Assert.Throws<StageMapException>(() => _configuration.UpdateStage("New", newName: name));

        Assert.Equal(ErrorIds.InvalidStageName, added.ErrorId);
        Assert.Contains(expected, added.Message);
        Assert.Equal(ErrorIds.InvalidStageName, renamed.ErrorId);
        Assert.Equal(6, _configuration.Stages.Count);
        Assert.NotNull(_configuration.FindStage("New"));
    }

    [Fact]
    public void A_stage_name_of_255_characters_is_taken()
    {
        Assert.Equal(255, _configuration.AddStage(new string('n', 255)).Name.Length);
    }

    [Fact]
    public void A_crm_status_over_the_limit_is_refused()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.AddLeadStatusMapping(new string('s', 256), "New"));

        Assert.Equal(ErrorIds.InvalidCrmStatus, failure.ErrorId);
        Assert.Contains("The CRM status is 256 characters long", failure.Message);
        Assert.Empty(_configuration.LeadStatusMappings);
    }

    [Fact]
    public void After_a_stage_id_of_Int32_MaxValue_a_new_stage_takes_the_smallest_free_id_not_a_negative_one()
    {
        _configuration.UpdateStage("New", order: int.MaxValue);
        _configuration.ImportStages(new OutreachStageFile("/s.json", OutreachStageFormat.JsonArray, new[] { new OutreachStageRecord(int.MaxValue, "Far", int.MaxValue, null, 1) }, Array.Empty<string>()), merge: true, force: false);

        var added = _configuration.AddStage("Next");

        Assert.True(added.Id > 0);
        Assert.Equal(int.MaxValue, added.Order);
        Assert.Equal(added.Id, _configuration.Stages.Select(s => s.Id).Where(id => id != int.MaxValue).Max());
    }

    [Fact]
    public void An_imported_stage_without_an_id_after_Int32_MaxValue_gets_a_positive_id()
    {
        var file = new OutreachStageFile("/s.json", OutreachStageFormat.JsonArray, new[]
        {
            new OutreachStageRecord(int.MaxValue, "Far", int.MaxValue, null, 1),
            new OutreachStageRecord(null, "Fresh", null, null, 2),
        }, Array.Empty<string>());

        _configuration.ImportStages(file, merge: true, force: false);

        Assert.All(_configuration.Stages, s => Assert.True(s.Id > 0));
        Assert.Equal(int.MaxValue, _configuration.GetStage("Fresh").Order);
    }
}
