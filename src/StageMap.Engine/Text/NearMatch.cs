using System;
using System.Collections.Generic;
using System.Globalization;

namespace StageMap.Engine.Text;

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
/// Built once in linear time; each look-up costs at most three dictionary probes. Loose keys are
/// compared by <see cref="LooseComparer"/> in place, so no key string is allocated.
/// </summary>
public sealed class NearMatch
{
    private readonly Index _byLooseValue;
    private readonly Index _byLabel;
    private readonly Index _byLooseLabel;
    private readonly IReadOnlyList<(string Value, string? Label)> _entries;

    /// <param name="entries">Each known value with its label (null when it has none).</param>
    public NearMatch(IReadOnlyList<(string Value, string? Label)> entries)
    {
        _entries = entries;
        _byLooseValue = new Index(entries.Count, LooseComparer.Instance);
        _byLabel = new Index(0, StringComparer.Ordinal);
        _byLooseLabel = new Index(0, LooseComparer.Instance);
        foreach (var (value, label) in entries)
        {
            _byLooseValue.Add(value, value);
            if (!NullableText.IsNullOrEmpty(label) && !string.Equals(label, value, StringComparison.Ordinal))
            {
                _byLabel.Add(label, value);
                _byLooseLabel.Add(label, value);
            }
        }
    }

    /// <summary>A near match over <paramref name="items"/>.</summary>
    public static NearMatch Of<T>(IReadOnlyList<T> items, Func<T, string> value, Func<T, string?> label)
    {
        var entries = new (string, string?)[items.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = (value(items[i]), label(items[i]));
        }

        return new NearMatch(entries);
    }

    /// <summary>
    /// The value <paramref name="text"/> was most likely meant to be: the value of an exact label
    /// first, then a value equal but for case, white space and dashes, then a near label. Null when
    /// none fits. Callers ask only for text that is not itself a known value.
    /// </summary>
    public NearMatchResult? Find(string text)
    {
        if (_byLabel.Find(text) is { } byLabel)
        {
            return new NearMatchResult(byLabel, NearMatchKind.Label);
        }

        if (_byLooseValue.Find(text) is { } byValue)
        {
            return new NearMatchResult(byValue, NearMatchKind.CaseSpaceOrDash);
        }

        return _byLooseLabel.Find(text) is { } byLooseLabel ? new NearMatchResult(byLooseLabel, NearMatchKind.Label) : null;
    }

    /// <summary>
    /// For names only (a field, a column), never for CRM values: <see cref="Find"/>'s value, else the
    /// one value (or label) within one single-character edit of <paramref name="text"/> (two for a
    /// name of more than six characters): 'Stagee' for 'Stage', 'Stauts' for 'Status', but not
    /// 'State' for 'Status'. Compared by their <see cref="Loosen"/> keys; null when none is that
    /// close or two are equally close. A name typed wrong is only ever refused or warned about with
    /// this, never replaced.
    /// </summary>
    public string? FindName(string text)
    {
        if (Find(text)?.Single is { } near)
        {
            return near;
        }

        var key = Loosen(text);
        var maxEdits = key.Length > 6 ? 2 : 1;
        string? best = null;
        var bestDistance = maxEdits + 1;
        var tie = false;
        foreach (var (value, label) in _entries)
        {
            var distance = Math.Min(EditDistance(key, Loosen(value)), label is null ? int.MaxValue : EditDistance(key, Loosen(label)));
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (value, distance, false);
            }
            else if (distance == bestDistance && !string.Equals(best, value, StringComparison.Ordinal))
            {
                tie = true;
            }
        }

        return tie ? null : best;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The comparison key, spelled out: no white space (any, including non-breaking), every dash
    /// (hyphen, en and em dash, ...) a hyphen, lower case (invariant). Two texts nearly match when
    /// their keys are equal.
    /// </summary>
    public static string Loosen(string text)
    {
        var key = new char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                key[length++] = LooseComparer.Fold(c);
            }
        }

        return new string(key, 0, length);
    }

    /// <summary>Compares and hashes texts by their <see cref="Loosen"/> key, without building it.</summary>
    public sealed class LooseComparer : IEqualityComparer<string>
    {
        public static LooseComparer Instance { get; } = new();

        public bool Equals(string? x, string? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null)
            {
                return false;
            }

            int i = 0, j = 0;
            while (true)
            {
                while (i < x.Length && char.IsWhiteSpace(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsWhiteSpace(y[j]))
                {
                    j++;
                }

                if (i == x.Length || j == y.Length)
                {
                    return i == x.Length && j == y.Length;
                }

                if (Fold(x[i++]) != Fold(y[j++]))
                {
                    return false;
                }
            }
        }

        /// <summary>FNV-1a over the key's characters.</summary>
        public int GetHashCode(string text)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in text)
                {
                    if (!char.IsWhiteSpace(c))
                    {
                        hash = (hash ^ Fold(c)) * 16777619u;
                    }
                }

                return (int)hash;
            }
        }

        /// <summary>True when the text's key is empty (it is empty or white space only).</summary>
        public static bool IsBlank(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        internal static char Fold(char c)
        {
            if (c < 128)
            {
                return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
            }

            return CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation ? '-' : char.ToLowerInvariant(c);
        }
    }

    /// <summary>Key to values: the first value of a key inline, further ones (an ambiguity, rare) apart.</summary>
    private sealed class Index
    {
        private readonly Dictionary<string, string> _first;
        private Dictionary<string, List<string>>? _all;

        public Index(int capacity, IEqualityComparer<string> comparer) => _first = new Dictionary<string, string>(capacity, comparer);

        public void Add(string key, string value)
        {
            if (LooseComparer.IsBlank(key))
            {
                return;
            }

            if (!_first.TryGetValue(key, out var first))
            {
                _first[key] = value;
                return;
            }

            if (string.Equals(first, value, StringComparison.Ordinal))
            {
                return;
            }

            _all ??= new Dictionary<string, List<string>>(_first.Comparer);
            if (!_all.TryGetValue(key, out var values))
            {
                _all[key] = values = new List<string> { first };
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        public IReadOnlyList<string>? Find(string key) =>
            LooseComparer.IsBlank(key) ? null
            : _all is not null && _all.TryGetValue(key, out var values) ? values
            : _first.TryGetValue(key, out var first) ? new[] { first }
            : null;
    }
}
