using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>The sets of field names <see cref="JsonRecordParser"/> has seen (the most recent 256), each made once.</summary>
internal sealed class JsonNameSets
{
    private const int MostSets = 256;

    /// <summary>Names kept as one string each across the sets, so sets are compared name by name by reference; cleared when it grows past this.</summary>
    private const int MostNames = 4096;

    private readonly List<JsonNameSet> _sets = new();
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>
    /// After the name <paramref name="name"/> at <see cref="JsonMembers.Count"/>, which is not
    /// <paramref name="members"/>' next name: a set seen whose names begin as those read, with this name
    /// next, becomes its <see cref="JsonMembers.Previous"/>. False when there is none (the object's
    /// set is then looked up when it ends, <see cref="NamesOf"/>).
    /// </summary>
    public bool Follow(JsonMembers members, ReadOnlySpan<char> name)
    {
        var previous = members.Previous!.Names; // only called while matching, which implies a Previous
        var at = members.Count;
        if (at < previous.Length && name.SequenceEqual(previous[at].AsSpan()))
        {
            return true;
        }

        for (var s = _sets.Count - 1; s >= 0; s--)
        {
            var names = _sets[s].Names;
            if (names.Length > at && name.SequenceEqual(names[at].AsSpan()) && SameStart(names, previous, at))
            {
                members.Previous = _sets[s];
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The names of an object like the one just read: its <see cref="JsonMembers.Previous"/> when the
    /// names read are all those; else a set seen of the same names (found by a hash of the names in
    /// order), or a new one.
    /// </summary>
    public FieldNameIndex NamesOf(JsonMembers members)
    {
        if (members.SameAsPrevious)
        {
            return members.Previous!.Index; // SameAsPrevious says there is one
        }

        var hash = Hash(members);
        for (var i = _sets.Count - 1; i >= 0; i--)
        {
            if (_sets[i].Hash == hash && SameNames(members, _sets[i].Names))
            {
                members.Previous = _sets[i];
                return _sets[i].Index;
            }
        }

        var set = new JsonNameSet(new FieldNameIndex(NameStrings(members)), hash);
        if (_sets.Count == MostSets)
        {
            _sets.RemoveAt(0);
        }

        _sets.Add(set);
        members.Previous = set;
        return set.Index;
    }

    private static bool SameStart(string[] names, string[] previous, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!string.Equals(names[i], previous[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the names in order, to find objects of the same names.</summary>
    private static int Hash(JsonMembers members)
    {
        var hash = 17;
        for (var n = 0; n < members.Count; n++)
        {
            var name = members.NameAt(n);
            hash = (hash * 31) + name.Length;
            foreach (var c in name)
            {
                hash = (hash * 31) + c;
            }
        }

        return hash;
    }

    private static bool SameNames(JsonMembers members, string[] names)
    {
        if (names.Length != members.Count)
        {
            return false;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (!members.NameAt(i).SequenceEqual(names[i].AsSpan()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names read, each the one string already made of it where there is one.</summary>
    private string[] NameStrings(JsonMembers members)
    {
        if (_names.Count > MostNames)
        {
            _names.Clear();
        }

        var strings = new string[members.Count];
        for (var i = 0; i < strings.Length; i++)
        {
            var name = members.NameAt(i).ToString();
            if (!_names.TryGetValue(name, out var kept))
            {
                kept = name;
                _names.Add(name, name);
            }

            strings[i] = kept;
        }

        return strings;
    }
}
