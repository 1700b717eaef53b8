using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The field names of a record file's records (a CSV header, the names of a JSON object), found by name
/// ignoring case; of a name given twice, the first is found.
/// </summary>
/// <remarks>
/// The conversion asks for the same few field names, as the same string instances, in the same order,
/// record after record: each asked name is resolved once, and the next question is looked for first
/// where the last one was answered, so a lookup is a reference comparison.
/// </remarks>
internal sealed class FieldNameIndex
{
    private const int MostAsked = 64;

    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<KeyValuePair<string, int>> _asked = new();
    private int _next;

    public FieldNameIndex(IReadOnlyList<string> names)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            if (!_index.ContainsKey(names[i]))
            {
                _index.Add(names[i], i);
            }
            else if (FirstRepeat < 0)
            {
                FirstRepeat = i;
            }
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The position of the first name that repeats an earlier one (ignoring case), or -1.</summary>
    public int FirstRepeat { get; } = -1;

    /// <summary>The position of the first field of this name (ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        var asked = _asked;
        if (_next < asked.Count && ReferenceEquals(asked[_next].Key, name))
        {
            return asked[_next++].Value;
        }

        for (var i = 0; i < asked.Count; i++)
        {
            if (ReferenceEquals(asked[i].Key, name))
            {
                _next = i + 1;
                return asked[i].Value;
            }
        }

        var index = _index.TryGetValue(name, out var found) ? found : -1;
        if (asked.Count < MostAsked)
        {
            asked.Add(new KeyValuePair<string, int>(name, index));
            _next = asked.Count;
        }

        return index;
    }
}
