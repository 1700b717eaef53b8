using System.Collections.Generic;
using System.Globalization;

namespace StageMap.Engine.Model;

/// <summary>
/// A stage's key is the id it was first given, as text ("7"). Ids change (a sync gives a stage
/// Outreach's id, a local stage moves out of the way of one) and a freed id can be given again, so when
/// that text is already another stage's key, the new stage's key is "7-2", "7-3", and so on.
/// </summary>
public static class StageKeys
{
    /// <summary>The key for a new stage of id <paramref name="id"/>, unique among <paramref name="used"/>.</summary>
    public static string For(int id, IEnumerable<string> used)
    {
        var taken = new HashSet<string>(used, System.StringComparer.Ordinal);
        var key = id.ToString(CultureInfo.InvariantCulture);
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{id.ToString(CultureInfo.InvariantCulture)}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return key;
    }

    /// <summary>
    /// The stages, in order, each with its own key when no key of <paramref name="taken"/> nor an
    /// earlier stage's has it, else with a new one.
    /// </summary>
    public static List<Stage> Unique(IEnumerable<Stage> stages, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, System.StringComparer.Ordinal);
        var unique = new List<Stage>();
        foreach (var stage in stages)
        {
            var key = used.Contains(stage.Key) ? For(stage.Id, used) : stage.Key;
            used.Add(key);
            unique.Add(key == stage.Key ? stage : stage with { Key = key });
        }

        return unique;
    }
}
