using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace StageMap.Engine.Validation;

/// <summary>How a value nearly matched: see <see cref="NearMatch"/>.</summary>
public enum NearMatchKind
{
    /// <summary>It differs from the value only in case, white space or dashes.</summary>
    CaseSpaceOrDash,

    /// <summary>It is (nearly) the label of the value, whose API name differs.</summary>
    Label,
}

/// <summary>The values a near match found, in the source's order; one unless the match is ambiguous.</summary>
public sealed record NearMatchResult(IReadOnlyList<string> Candidates, NearMatchKind Kind)
{
    /// <summary>The one value to use, or null when several fit.</summary>
    public string? Single => Candidates.Count == 1 ? Candidates[0] : null;
}

/// <summary>
/// Finds the exact value an admin most likely meant when a mapped value is not exactly one of a known
/// list (CRM API names, stage names): the same value but for case, white space or dashes
/// ('working-contacted', ' Working  - Contacted' for 'Working - Contacted'), or the label of a value
/// whose API name differs. Nothing fuzzier: a guess by edit distance would propose
/// 'Closed - Converted' for 'Closed - Not Converted', and the sync needs the admin's intent, not ours.
/// Built once in linear time; each look-up costs one normalisation and three dictionary probes.
/// </summary>
public sealed class NearMatch
{
    private readonly Dictionary<string, List<string>> _byLooseValue = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byLabel = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byLooseLabel = new(System.StringComparer.Ordinal);

    /// <param name="entries">Each known value with its label (null when it has none).</param>
    public NearMatch(IEnumerable<(string Value, string? Label)> entries)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (value, label) in entries)
        {
            if (!seen.Add(value))
            {
                continue;
            }

            Add(_byLooseValue, Loosen(value), value);
            if (!string.IsNullOrEmpty(label) && !string.Equals(label, value, System.StringComparison.Ordinal))
            {
                Add(_byLabel, label!, value);
                Add(_byLooseLabel, Loosen(label!), value);
            }
        }
    }

    /// <summary>
    /// The value <paramref name="text"/> was most likely meant to be: the value of an exact label
    /// first, then a value equal but for case, white space and dashes, then a near label. Null when
    /// none fits. Callers ask only for text that is not itself a known value.
    /// </summary>
    public NearMatchResult? Find(string text)
    {
        if (_byLabel.TryGetValue(text, out var byLabel))
        {
            return new NearMatchResult(byLabel, NearMatchKind.Label);
        }

        var loose = Loosen(text);
        if (loose.Length == 0)
        {
            return null;
        }

        if (_byLooseValue.TryGetValue(loose, out var byValue))
        {
            return new NearMatchResult(byValue, NearMatchKind.CaseSpaceOrDash);
        }

        return _byLooseLabel.TryGetValue(loose, out var byLooseLabel)
            ? new NearMatchResult(byLooseLabel, NearMatchKind.Label)
            : null;
    }

    /// <summary>
    /// The comparison key: no white space (any, including non-breaking), every dash (hyphen, en and
    /// em dash, ...) a hyphen, lower case (invariant).
    /// </summary>
    public static string Loosen(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            key.Append(CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    private static void Add(Dictionary<string, List<string>> index, string key, string value)
    {
        if (key.Length == 0)
        {
            return;
        }

        if (!index.TryGetValue(key, out var values))
        {
            index[key] = values = new List<string>(1);
        }

        values.Add(value);
    }
}
