using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A read-only table from text to a value, compared ordinally, that a span can look up without a
/// string being made of it: what the bulk path looks CSV text up in (statuses, stage names, ids).
/// </summary>
internal sealed class TextTable<T>
    where T : class
{
    private readonly string?[] _keys;
    private readonly T?[] _values;
    private readonly int _mask;

    public TextTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = new List<KeyValuePair<string, T>>(entries);
        var size = 8;
        while (size < list.Count * 2)
        {
            size <<= 1;
        }

        _keys = new string?[size];
        _values = new T?[size];
        _mask = size - 1;
        foreach (var entry in list)
        {
            var slot = Hash(entry.Key.AsSpan()) & _mask;
            while (_keys[slot] is not null)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = entry.Key;
            _values[slot] = entry.Value;
        }
    }

    public T? Find(ReadOnlySpan<char> key)
    {
        for (var slot = Hash(key) & _mask; _keys[slot] is { } candidate; slot = (slot + 1) & _mask)
        {
            if (key.SequenceEqual(candidate.AsSpan()))
            {
                return _values[slot];
            }
        }

        return null;
    }

    private static int Hash(ReadOnlySpan<char> text)
    {
        // FNV-1a over the UTF-16 code units: keys are few, so a simple hash does.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
