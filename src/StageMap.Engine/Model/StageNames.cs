using System;

namespace StageMap.Engine.Model;

/// <summary>Stage names are unique ignoring case, as Outreach compares them.</summary>
public static class StageNames
{
    public static StringComparer Comparer { get; } = StringComparer.OrdinalIgnoreCase;

    public static bool AreSame(string? left, string? right) => Comparer.Equals(left, right);
}
