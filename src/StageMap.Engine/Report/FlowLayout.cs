using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Report;

/// <summary>
/// Orders the two columns of a bipartite picture (statuses left, stages right) so its lines cross
/// little: barycenter iterations, each column sorted by the mean position of its partners in the
/// other, keeping the best order seen. Nodes without a line go to the bottom of their column, in
/// their first order, so the unmapped ones sit together.
/// </summary>
public sealed class FlowLayout
{
    private FlowLayout(int[] leftOrder, int[] rightOrder, int crossings, int initialCrossings)
    {
        LeftOrder = leftOrder;
        RightOrder = rightOrder;
        Crossings = crossings;
        InitialCrossings = initialCrossings;
    }

    /// <summary>The left nodes (by index) from top to bottom.</summary>
    public IReadOnlyList<int> LeftOrder { get; }

    /// <summary>The right nodes (by index) from top to bottom.</summary>
    public IReadOnlyList<int> RightOrder { get; }

    /// <summary>Line crossings in this order.</summary>
    public int Crossings { get; }

    /// <summary>Line crossings in the first order (index order), for comparison.</summary>
    public int InitialCrossings { get; }

    public static FlowLayout Arrange(int leftCount, int rightCount, IReadOnlyList<(int Left, int Right)> edges, int iterations = 12)
    {
        var leftNeighbours = Neighbours(leftCount, edges.Select(e => (e.Left, e.Right)));
        var rightNeighbours = Neighbours(rightCount, edges.Select(e => (e.Right, e.Left)));
        var left = Enumerable.Range(0, leftCount).ToArray();
        var right = Enumerable.Range(0, rightCount).ToArray();
        var initial = CountCrossings(Positions(left), Positions(right), edges);
        var best = (Left: left, Right: right, Crossings: initial);
        for (var i = 0; i < iterations && best.Crossings > 0; i++)
        {
            left = SortByBarycenter(left, leftNeighbours, Positions(right));
            right = SortByBarycenter(right, rightNeighbours, Positions(left));
            var crossings = CountCrossings(Positions(left), Positions(right), edges);
            if (crossings < best.Crossings)
            {
                best = (left, right, crossings);
            }
        }

        // The unmapped go last even when the first order was already the best.
        left = SortByBarycenter(best.Left, leftNeighbours, Positions(best.Right), keepConnectedOrder: true);
        right = SortByBarycenter(best.Right, rightNeighbours, Positions(left), keepConnectedOrder: true);
        return new FlowLayout(left, right, CountCrossings(Positions(left), Positions(right), edges), initial);
    }

    /// <summary>Pairs of lines that cross: one starts above the other and ends below it.</summary>
    public static int CountCrossings(IReadOnlyList<int> leftPosition, IReadOnlyList<int> rightPosition, IReadOnlyList<(int Left, int Right)> edges)
    {
        var ends = edges.Select(e => (L: leftPosition[e.Left], R: rightPosition[e.Right])).OrderBy(e => e.L).ThenBy(e => e.R).ToArray();
        var crossings = 0;
        for (var i = 0; i < ends.Length; i++)
        {
            for (var j = i + 1; j < ends.Length; j++)
            {
                if (ends[j].L > ends[i].L && ends[j].R < ends[i].R)
                {
                    crossings++;
                }
            }
        }

        return crossings;
    }

    private static int[] SortByBarycenter(int[] order, List<int>[] neighbours, int[] otherPosition, bool keepConnectedOrder = false)
    {
        var position = Positions(order);
        return order
            .OrderBy(n => neighbours[n].Count == 0 ? 1 : 0)
            .ThenBy(n => neighbours[n].Count == 0 || keepConnectedOrder ? position[n] : neighbours[n].Average(o => otherPosition[o]))
            .ThenBy(n => position[n])
            .ToArray();
    }

    private static int[] Positions(int[] order)
    {
        var position = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            position[order[i]] = i;
        }

        return position;
    }

    private static List<int>[] Neighbours(int count, IEnumerable<(int From, int To)> edges)
    {
        var neighbours = new List<int>[count];
        for (var i = 0; i < count; i++)
        {
            neighbours[i] = new List<int>();
        }

        foreach (var (from, to) in edges)
        {
            neighbours[from].Add(to);
        }

        return neighbours;
    }
}
