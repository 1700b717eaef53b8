using System;
using StageMap.Engine.Conversion;

namespace StageMap.Engine.Drift;

/// <summary>
/// A join key as the key set holds it. A Salesforce id is packed into two numbers by its
/// 15-character form (6 bits a character), so a million held ids cost no string each and an
/// 18-character id equals its 15-character spelling; any other key is kept as its text, compared
/// exactly.
/// </summary>
internal readonly struct JoinKey : IEquatable<JoinKey>
{
    private readonly ulong _high;
    private readonly ulong _low;
    private readonly string? _text;

    private JoinKey(ulong high, ulong low, string? text)
    {
        _high = high;
        _low = low;
        _text = text;
    }

    /// <summary>The key of a raw value; null for a blank one.</summary>
    public static JoinKey? From(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var id = SalesforceId.ToShort(text);
        if (id is null)
        {
            return new JoinKey(0, 0, text);
        }

        ulong high = 0, low = 1; // low's extra top bit tells a packed id from a text key
        for (var i = 0; i < 10; i++)
        {
            high = (high << 6) | Code(id[i]);
        }

        for (var i = 10; i < 15; i++)
        {
            low = (low << 6) | Code(id[i]);
        }

        return new JoinKey(high, low, null);
    }

    public bool Equals(JoinKey other) => _high == other._high && _low == other._low && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is JoinKey other && Equals(other);

    public override int GetHashCode() =>
        _text is not null ? StringComparer.Ordinal.GetHashCode(_text) : unchecked((int)_high ^ (int)(_high >> 32) ^ (int)_low * 31);

    private static ulong Code(char c) => c switch
    {
        >= '0' and <= '9' => (ulong)(c - '0'),
        >= 'A' and <= 'Z' => (ulong)(c - 'A' + 10),
        _ => (ulong)(c - 'a' + 36),
    };
}
