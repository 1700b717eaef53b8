using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

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
        // The length and the first and last four characters: the same few steps whatever a key's length
        // (a status is looked up for every record). Keys that share all three are told apart by the
        // probe's comparison.
        var hash = (ulong)text.Length * 0x9E3779B97F4A7C15UL;
        if (text.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(text);
            var first = MemoryMarshal.Read<ulong>(bytes);
            var last = MemoryMarshal.Read<ulong>(bytes.Slice(bytes.Length - 8));
            hash ^= (first * 0xC2B2AE3D27D4EB4FUL) ^ RotateLeft(last * 0x165667B19E3779F9UL, 31);
        }
        else
        {
            foreach (var c in text)
            {
                hash = (hash ^ c) * 0x100000001B3UL;
            }
        }

        hash ^= hash >> 29;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 32;
        return (int)hash;
    }

    private static ulong RotateLeft(ulong value, int by) => (value << by) | (value >> (64 - by));
}
