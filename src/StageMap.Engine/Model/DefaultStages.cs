using System.Collections.Generic;

namespace StageMap.Engine.Model;

/// <summary>The stages Outreach provides out of the box, ids 1–6 in this order.</summary>
public static class DefaultStages
{
    public static IReadOnlyList<Stage> All { get; } = new[]
    {
        new Stage(1, "New", 1),
        new Stage(2, "Approaching", 2),
        new Stage(3, "Replied", 3),
        new Stage(4, "Unresponsive", 4),
        new Stage(5, "Do Not Contact", 5),
        new Stage(6, "Bad Data", 6),
    };
}
