using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Model;

/// <summary>
/// How a name the user typed selects things, as Get-Item does: a name without wildcards is a lookup
/// that must find something (the lookup's own error otherwise, such as StageNotFound), while a name
/// with wildcards is a filter over the things' names, ignoring case, that may select nothing.
/// </summary>
public static class NameSelection
{
    /// <param name="items">What a wildcard filters, in the order it is returned.</param>
    /// <param name="name">The name or pattern the user typed.</param>
    /// <param name="namesOf">The names a pattern is matched against (a stage's name; a field's plugin name and API attribute).</param>
    /// <param name="lookUp">The lookup of a literal name; it throws its own error when nothing has the name.</param>
    /// <exception cref="StageMapException">The lookup's error, or InvalidWildcardPattern.</exception>
    public static IReadOnlyList<T> Select<T>(IEnumerable<T> items, string name, Func<T, IEnumerable<string?>> namesOf, Func<string, IReadOnlyList<T>> lookUp)
    {
        if (!NamePattern.HasWildcards(name))
        {
            return lookUp(name);
        }

        var pattern = NamePattern.Parse(name);
        return items.Where(item => namesOf(item).Any(pattern.IsMatch)).ToList();
    }

    /// <summary>
    /// What any of <paramref name="names"/> selects (see <see cref="Select{T}(IEnumerable{T}, string, Func{T, IEnumerable{string}}, Func{string, IReadOnlyList{T}})"/>),
    /// each once, in the order of <paramref name="items"/>. A name whose lookup fails is handed to
    /// <paramref name="failed"/> (the cmdlet writes its error) and the other names go on.
    /// </summary>
    public static IReadOnlyList<T> SelectAll<T>(IReadOnlyList<T> items, IEnumerable<string> names, Func<T, IEnumerable<string?>> namesOf, Func<string, IReadOnlyList<T>> lookUp, Action<StageMapException> failed)
    {
        var selected = new HashSet<T>();
        foreach (var name in names)
        {
            try
            {
                selected.UnionWith(Select(items, name, namesOf, lookUp));
            }
            catch (StageMapException failure)
            {
                failed(failure);
            }
        }

        return items.Where(selected.Contains).ToList();
    }

    /// <summary>The same, for things with one name.</summary>
    public static IReadOnlyList<T> Select<T>(IEnumerable<T> items, string name, Func<T, string?> nameOf, Func<string, IReadOnlyList<T>> lookUp) =>
        Select(items, name, item => new[] { nameOf(item) }, lookUp);
}
