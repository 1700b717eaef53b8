using System;
using System.Linq;
using StageMap.Engine.Report;
using Xunit;

namespace StageMap.Engine.Tests.Report;

public class FlowLayoutTests
{
    [Fact]
    public void Crossings_are_counted_pair_by_pair()
    {
        var edges = new[] { (0, 2), (1, 1), (2, 0) };

        Assert.Equal(3, FlowLayout.CountCrossings(new[] { 0, 1, 2 }, new[] { 0, 1, 2 }, edges));
        Assert.Equal(0, FlowLayout.CountCrossings(new[] { 0, 1, 2 }, new[] { 2, 1, 0 }, edges));
        Assert.Equal(0, FlowLayout.CountCrossings(new[] { 0, 0 }, new[] { 0, 1 }, new[] { (0, 0), (1, 1) }.Take(1).ToArray()));
    }

    [Fact]
    public void A_one_to_one_mapping_in_any_order_is_untangled_at_fifty_by_fifty()
    {
        var random = new Random(11);
        var stages = Enumerable.Range(0, 50).OrderBy(_ => random.Next()).ToArray();
        var edges = Enumerable.Range(0, 50).Select(s => (s, stages[s])).ToArray();

        var layout = FlowLayout.Arrange(50, 50, edges);

        Assert.True(layout.InitialCrossings > 300, $"the shuffled order crosses {layout.InitialCrossings} times");
        Assert.Equal(0, layout.Crossings);
        Assert.Equal(Enumerable.Range(0, 50), layout.LeftOrder.OrderBy(i => i));
        Assert.Equal(Enumerable.Range(0, 50), layout.RightOrder.OrderBy(i => i));
    }

    [Fact]
    public void A_tangle_that_cannot_vanish_is_never_made_worse()
    {
        var random = new Random(5);
        for (var round = 0; round < 20; round++)
        {
            var edges = Enumerable.Range(0, 60).Select(_ => (random.Next(30), random.Next(25))).Distinct().ToArray();

            var layout = FlowLayout.Arrange(30, 25, edges);

            Assert.True(layout.Crossings <= layout.InitialCrossings, $"{layout.Crossings} > {layout.InitialCrossings}");
            Assert.True(layout.Crossings < layout.InitialCrossings * 0.8, $"{layout.Crossings} of {layout.InitialCrossings}");
        }
    }

    [Fact]
    public void Boxes_without_lines_go_to_the_bottom_in_their_order()
    {
        var layout = FlowLayout.Arrange(4, 4, new[] { (3, 0), (1, 2) });

        Assert.Equal(new[] { 3, 1, 0, 2 }, layout.LeftOrder);
        Assert.Equal(new[] { 0, 2, 1, 3 }, layout.RightOrder);
        Assert.Equal(0, layout.Crossings);
    }
}
