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
    private readonly string[] _askedNames = new string[MostAsked];
    private readonly int[] _askedIndexes = new int[MostAsked];
    private int _asked;
    private int _next;

    public FieldNameIndex(IReadOnlyList<string> names)
    {
        Names = names as string[] ?? CopyOf(names);
        for (var i = 0; i < Names.Length; i++)
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

    /// <summary>The names, in order; not to be changed.</summary>
    public string[] Names { get; }

    /// <summary>The position of the first name that repeats an earlier one (ignoring case), or -1.</summary>
    public int FirstRepeat { get; } = -1;

    /// <summary>The position of the first field of this name (ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        var names = _askedNames;
        var next = _next;
        if (next < _asked && ReferenceEquals(names[next], name))
        {
            _next = next + 1;
            return _askedIndexes[next];
        }

        for (var i = 0; i < _asked; i++)
        {
            if (ReferenceEquals(names[i], name))
            {
                _next = i + 1;
                return _askedIndexes[i];
            }
        }

        var index = _index.TryGetValue(name, out var found) ? found : -1;
        if (_asked < MostAsked)
        {
            names[_asked] = name;
            _askedIndexes[_asked] = index;
            _next = ++_asked;
        }

        return index;
    }

    /// <summary><see cref="IndexOf"/> without remembering the question (the dictionary is only read): safe from several threads at once.</summary>
    public int Find(string name) => _index.TryGetValue(name, out var found) ? found : -1;

    private static string[] CopyOf(IReadOnlyList<string> names)
    {
        var copy = new string[names.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = names[i];
        }

        return copy;
    }
}
