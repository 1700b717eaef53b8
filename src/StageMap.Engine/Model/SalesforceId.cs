using System;
using System.Diagnostics.CodeAnalysis;

namespace StageMap.Engine.Model;

/// <summary>
/// Salesforce record ids: 15 characters (case-sensitive) or the same 15 plus a 3-character suffix that
/// encodes their case (18 characters, what the API returns). Both name the same record.
/// </summary>
public static class SalesforceId
{
    /// <summary>The suffix character of each five bits of case (see <see cref="HasValidSuffix"/>).</summary>
    internal const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    /// <summary>15 or 18 letters and digits.</summary>
    public static bool IsWellFormed([NotNullWhen(true)] string? id) => id is not null && IsWellFormed(id.AsSpan());

    internal static bool IsWellFormed(ReadOnlySpan<char> id)
    {
        if (id.Length != 15 && id.Length != 18)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The 15-character form of a well-formed id, or null. An 18-character id whose suffix does not
    /// match its first 15 characters is not an id (its case was changed), so it gives null too.
    /// </summary>
    public static string? ToShort(string? id)
    {
        if (!IsWellFormed(id))
        {
            return null;
        }

        return HasValidSuffix(id.AsSpan()) ? id.Substring(0, 15) : null;
    }

    /// <summary>The 15-character form of a well-formed id as a part of it, or false (see <see cref="ToShort(string?)"/>).</summary>
    internal static bool TryShort(ReadOnlySpan<char> id, out ReadOnlySpan<char> shortId)
    {
        shortId = default;
        if (!IsWellFormed(id) || !HasValidSuffix(id))
        {
            return false;
        }

        shortId = id.Slice(0, 15);
        return true;
    }

    /// <summary>A well-formed id's suffix, if it has one, encodes the case of its first 15 characters (compared ignoring case).</summary>
    private static bool HasValidSuffix(ReadOnlySpan<char> id)
    {
        if (id.Length != 18)
        {
            return true;
        }

        for (var block = 0; block < 3; block++)
        {
            if (char.ToUpperInvariant(id[15 + block]) != SuffixAlphabet[SuffixBits(id, block)])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 18-character form of a well-formed id, or null.</summary>
    public static string? ToLong(string? id)
    {
        var shortId = ToShort(id);
        return shortId is null ? null : shortId + Suffix(shortId);
    }

    private static string Suffix(string shortId)
    {
        var suffix = new char[3];
        for (var block = 0; block < 3; block++)
        {
            suffix[block] = SuffixAlphabet[SuffixBits(shortId.AsSpan(), block)];
        }

        return new string(suffix);
    }

    private static int SuffixBits(ReadOnlySpan<char> id, int block)
    {
        var bits = 0;
        for (var i = 0; i < 5; i++)
        {
            var c = id[block * 5 + i];
            if (c >= 'A' && c <= 'Z')
            {
                bits |= 1 << i;
            }
        }

        return bits;
    }
}
