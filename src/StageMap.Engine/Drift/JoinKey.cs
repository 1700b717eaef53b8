using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>
/// A join key as the key set compares it. A Salesforce id is packed into two numbers by its
/// 15-character form (6 bits a character), so a held id costs no string and an 18-character id
/// equals its 15-character spelling; any other key is its text, compared exactly.
/// </summary>
internal readonly struct JoinKey : IEquatable<JoinKey>
{
    private JoinKey(PackedId id, string? text)
    {
        Id = id;
        Text = text;
    }

    /// <summary>The packed id; meaningful when <see cref="Text"/> is null.</summary>
    public PackedId Id { get; }

    /// <summary>The key's text when it is not a Salesforce id.</summary>
    public string? Text { get; }

    /// <summary>The key of a raw value; null for a blank one.</summary>
    public static JoinKey? From(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return SalesforceId.TryShort(text.AsSpan(), out var id) ? new JoinKey(Pack(id), null) : new JoinKey(default, text);
    }

    /// <summary>
    /// The key of a value as a record holds it (<see cref="DriftRecords.KeyValue"/>); null for a blank one.
    /// Text where the file reader holds it is packed in place: a held or looked-up id makes no string.
    /// </summary>
    public static JoinKey? From(object? value)
    {
        if (value is not TextSlice slice)
        {
            return From(DriftRecords.Text(value));
        }

        var text = slice.Span.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return SalesforceId.TryShort(text, out var id) ? new JoinKey(Pack(id), null) : new JoinKey(default, text.ToString());
    }

    public bool Equals(JoinKey other) => Id.Equals(other.Id) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is JoinKey other && Equals(other);

    public override int GetHashCode() => Text is null ? Id.GetHashCode() : StringComparer.Ordinal.GetHashCode(Text);

    private static PackedId Pack(ReadOnlySpan<char> id)
    {
        ulong high = 0, low = 0;
        for (var i = 0; i < 10; i++)
        {
            high = (high << 6) | Code(id[i]);
        }

        for (var i = 10; i < 15; i++)
        {
            low = (low << 6) | Code(id[i]);
        }

        return new PackedId(high, low);
    }

    private static ulong Code(char c) => c switch
    {
        >= '0' and <= '9' => (ulong)(c - '0'),
        >= 'A' and <= 'Z' => (ulong)(c - 'A' + 10),
        _ => (ulong)(c - 'a' + 36),
    };
}

/// <summary>A 15-character Salesforce id in 16 bytes.</summary>
internal readonly struct PackedId : IEquatable<PackedId>
{
    private readonly ulong _high;
    private readonly ulong _low;

    public PackedId(ulong high, ulong low)
    {
        _high = high;
        _low = low;
    }

    public bool Equals(PackedId other) => _high == other._high && _low == other._low;

    public override bool Equals(object? obj) => obj is PackedId other && Equals(other);

    public override int GetHashCode() => unchecked(((int)_high ^ (int)(_high >> 32)) * 31 ^ (int)_low);
}

/// <summary>
/// The held file's keys, each with a small payload (an interned outcome or stage) and whether a record
/// of the other file took it: ids in one table of 28-byte entries, other keys in another.
/// </summary>
internal sealed class KeySet
{
    private readonly Dictionary<PackedId, int> _ids;
    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);

    public KeySet(int capacity = 0)
    {
        _ids = new Dictionary<PackedId, int>(capacity);
    }

    public int Count => _ids.Count + _texts.Count;

    public bool AllTaken => _ids.Values.All(Taken) && _texts.Values.All(Taken);

    /// <summary>False when the key is held already.</summary>
    public bool TryAdd(JoinKey key, int payload)
    {
        var value = payload << 1;
        if (key.Text is null)
        {
            if (_ids.ContainsKey(key.Id)) return false;
            _ids.Add(key.Id, value);
        }
        else
        {
            if (_texts.ContainsKey(key.Text)) return false;
            _texts.Add(key.Text, value);
        }

        return true;
    }

    public bool TryGet(JoinKey key, out int payload, out bool taken)
    {
        var found = key.Text is null ? _ids.TryGetValue(key.Id, out var value) : _texts.TryGetValue(key.Text, out value);
        payload = value >> 1;
        taken = Taken(value);
        return found;
    }

    public void Take(JoinKey key)
    {
        if (key.Text is null)
        {
            _ids[key.Id] |= 1;
        }
        else
        {
            _texts[key.Text] |= 1;
        }
    }

    private static bool Taken(int value) => (value & 1) != 0;
}
