using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>Stage ids are whole numbers above zero; a new stage takes the next one.</summary>
internal static class StageIds
{
    /// <summary>One above the largest id in use, or, when that is Int32.MaxValue (an id from a file), the smallest free id.</summary>
    public static int Next(IEnumerable<int> used)
    {
        var ids = new HashSet<int>(used);
        var largest = ids.DefaultIfEmpty(0).Max();
        if (largest < int.MaxValue)
        {
            return largest + 1;
        }

        var id = 1;
        while (ids.Contains(id))
        {
            id++;
        }

        return id;
    }
}
