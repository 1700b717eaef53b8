using System.Linq;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

public class StageOrderTests
{
    [Fact]
    public void Stages_come_by_order_and_stages_of_one_order_by_id_whatever_their_place_in_the_list()
    {
        var stages = new[]
        {
            new Stage(7, "Replied", 3),
            new Stage(5, "Approaching", 2),
            new Stage(2, "Nurture", 2),
            new Stage(9, "New", 1),
        };

        Assert.Equal(new[] { "New", "Nurture", "Approaching", "Replied" }, stages.InStageOrder().Select(s => s.Name));
        Assert.Equal(new[] { "New", "Nurture", "Approaching", "Replied" }, stages.Reverse().InStageOrder().Select(s => s.Name));
    }

    [Fact]
    public void No_stage_gives_no_stage()
    {
        Assert.Empty(System.Array.Empty<Stage>().InStageOrder());
    }
}
