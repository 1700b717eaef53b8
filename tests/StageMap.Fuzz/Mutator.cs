using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace StageMap.Fuzz;

/// <summary>
/// Turns a well-formed file into a hostile one, reproducibly from a <see cref="Random"/>: one to three
/// mutations stacked, each of a kind a reader must survive (truncation, flipped bytes, splices of other
/// files, duplicated keys and lines, huge numbers, deep nesting, invalid UTF-8, swapped types, blank files).
/// </summary>
public sealed class Mutator
{
    private static readonly string[] HugeNumbers =
    {
        "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999999999", "1e99999", "-1E+400",
        "88888888888888888888888888888e0", "-99999999999999999999999999999e1", "6.6", "1.0000000000000000000000001", "0.5e1", "-0", "NaN", "Infinity", "0x10", "1_000", "+1", "00001",
    };

    private static readonly byte[][] InvalidUtf8 =
    {
        new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xC3, 0x28 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xED, 0xA0, 0x80 },
        new byte[] { 0xC0, 0xAF }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x80 }, new byte[] { 0xEB }, new byte[] { 0xF0, 0x9F, 0x98 },
    };

    private static readonly string[] Blanks = { "", " ", "\n", "\r\n\r\n", " \t \n ", "\uFEFF", "\uFEFF  \n" };

    private static readonly string[] Values = { "null", "0", "-1", "true", "\"\"", "\" \"", "{}", "[]", "[null]", "{\"\":null}", "\"\\u0000\"", "\"\\ud800\"" };

    private static readonly byte[][] ByteOrderMarks =
    {
        new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }, new byte[] { 0xFE, 0xFF }, new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, new byte[] { 0x00, 0x00, 0xFE, 0xFF },
    };

    private readonly IReadOnlyList<byte[]> _pool;
    private readonly (string Name, Func<byte[], Random, byte[]> Apply)[] _mutations;

    /// <param name="pool">Files to splice from (every fixture).</param>
    public Mutator(IReadOnlyList<byte[]> pool)
    {
        _pool = pool;
        _mutations = new (string, Func<byte[], Random, byte[]>)[]
        {
            ("truncate", Truncate), ("flip", Flip), ("splice", Splice), ("duplicate-key", DuplicateKey), ("duplicate-line", DuplicateLine),
            ("huge-number", HugeNumber), ("deep-nesting", DeepNesting), ("invalid-utf8", InvalidUtf8Bytes), ("type-swap", TypeSwap),
            ("blank", Blank), ("byte-order-mark", ByteOrderMark), ("long-text", LongText), ("delete-range", DeleteRange),
        };
    }

    /// <summary>The names of the mutations, for reports.</summary>
    public IEnumerable<string> Kinds => _mutations.Select(m => m.Name);

    /// <summary>A mutated copy of <paramref name="input"/> and what was done to it ("flip+truncate").</summary>
    public (byte[] Bytes, string Mutation) Mutate(byte[] input, Random random)
    {
        var bytes = input;
        var names = new List<string>();
        var count = 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
        for (var i = 0; i < count; i++)
        {
            var (name, apply) = _mutations[random.Next(_mutations.Length)];
            bytes = apply(bytes, random);
            names.Add(name);
        }

        return (bytes, string.Join("+", names));
    }

    /// <summary><paramref name="bytes"/> with [<paramref name="at"/>, <paramref name="at"/> + <paramref name="remove"/>) replaced by <paramref name="insert"/>.</summary>
    private static byte[] Replace(byte[] bytes, int at, int remove, byte[] insert, int insertStart = 0, int insertLength = -1)
    {
        if (insertLength < 0)
        {
            insertLength = insert.Length - insertStart;
        }

        var result = new byte[bytes.Length - remove + insertLength];
        Buffer.BlockCopy(bytes, 0, result, 0, at);
        Buffer.BlockCopy(insert, insertStart, result, at, insertLength);
        Buffer.BlockCopy(bytes, at + remove, result, at + insertLength, bytes.Length - at - remove);
        return result;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] insert) => Replace(bytes, at, 0, insert);

    private static byte[] Truncate(byte[] bytes, Random random) => bytes.AsSpan(0, random.Next(bytes.Length + 1)).ToArray();

    private static byte[] Flip(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        if (copy.Length == 0)
        {
            return copy;
        }

        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips; i++)
        {
            var at = random.Next(copy.Length);
            copy[at] = random.Next(2) == 0 ? (byte)(copy[at] ^ (1 << random.Next(8))) : (byte)random.Next(256);
        }

        return copy;
    }

    private byte[] Splice(byte[] bytes, Random random)
    {
        var other = _pool[random.Next(_pool.Count)];
        var start = random.Next(other.Length + 1);
        var length = random.Next(Math.Min(other.Length - start, 512) + 1);
        var at = random.Next(bytes.Length + 1);
        var cut = random.Next(2) == 0 ? 0 : random.Next(Math.Min(bytes.Length - at, 256) + 1);
        return Replace(bytes, at, cut, other, start, length);
    }

    /// <summary>A JSON property again in the same object, before the original: "name":value,"name":...</summary>
    private static byte[] DuplicateKey(byte[] bytes, Random random)
    {
        var keys = new List<(int Start, int End)>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != (byte)'"')
            {
                continue;
            }

            var close = Array.IndexOf(bytes, (byte)'"', i + 1);
            if (close < 0)
            {
                break;
            }

            var after = close + 1;
            while (after < bytes.Length && bytes[after] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                after++;
            }

            if (after < bytes.Length && bytes[after] == (byte)':')
            {
                keys.Add((i, after + 1));
            }

            i = close;
        }

        if (keys.Count == 0)
        {
            return DuplicateLine(bytes, random);
        }

        var (start, end) = keys[random.Next(keys.Count)];
        var value = Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)] + ",");
        return Insert(bytes, start, bytes.AsSpan(start, end - start).ToArray().Concat(value).ToArray());
    }

    /// <summary>A line again after itself: a CSV header or row, a JSON Lines record, an XML element on its own line.</summary>
    private static byte[] DuplicateLine(byte[] bytes, Random random)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        var line = random.Next(starts.Count);
        var end = line + 1 < starts.Count ? starts[line + 1] : bytes.Length;
        var text = bytes.AsSpan(starts[line], end - starts[line]).ToArray();
        return Insert(bytes, end, text.Length > 0 && text[text.Length - 1] == (byte)'\n' ? text : new[] { (byte)'\n' }.Concat(text).ToArray());
    }

    private static byte[] HugeNumber(byte[] bytes, Random random)
    {
        var runs = new List<(int Start, int End)>();
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] is >= (byte)'0' and <= (byte)'9')
            {
                var start = i;
                while (i < bytes.Length && bytes[i] is >= (byte)'0' and <= (byte)'9')
                {
                    i++;
                }

                runs.Add((start, i));
            }
        }

        var number = Encoding.ASCII.GetBytes(HugeNumbers[random.Next(HugeNumbers.Length)]);
        if (runs.Count == 0)
        {
            return Insert(bytes, random.Next(bytes.Length + 1), number);
        }

        var (from, to) = runs[random.Next(runs.Count)];
        return Replace(bytes, from, to - from, number);
    }

    private static byte[] DeepNesting(byte[] bytes, Random random)
    {
        var depth = new[] { 63, 64, 65, 200, 5_000, 20_000 }[random.Next(6)];
        var (open, close) = random.Next(4) switch
        {
            0 => ("[", "]"),
            1 => ("{\"a\":", "}"),
            2 => ("<a>", "</a>"),
            _ => ("[{\"records\":", "}]"),
        };
        var text = new StringBuilder(depth * (open.Length + close.Length));
        text.Insert(0, open, depth);
        if (random.Next(2) == 0)
        {
            text.Append("1");
            text.Insert(text.Length, close, depth);
        }

        return Insert(bytes, random.Next(bytes.Length + 1), Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static byte[] InvalidUtf8Bytes(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var bad = InvalidUtf8[random.Next(InvalidUtf8.Length)];
        var replace = random.Next(2) == 0 ? Math.Min(bad.Length, bytes.Length - at) : 0;
        return Replace(bytes, at, replace, bad);
    }

    /// <summary>A JSON string or number value replaced by a value of another type (null, object, array ...).</summary>
    private static byte[] TypeSwap(byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var colons = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':')
            {
                colons.Add(i);
            }
        }

        if (colons.Count == 0)
        {
            return HugeNumber(bytes, random);
        }

        var colon = colons[random.Next(colons.Count)];
        var start = colon + 1;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = start;
        if (end < text.Length && text[end] == '"')
        {
            end = text.IndexOf('"', end + 1);
            end = end < 0 ? text.Length : end + 1;
        }
        else
        {
            while (end < text.Length && text[end] is not (',' or '}' or ']' or '\n'))
            {
                end++;
            }
        }

        return Encoding.UTF8.GetBytes(text.Substring(0, start) + Values[random.Next(Values.Length)] + text.Substring(end));
    }

    private static byte[] Blank(byte[] bytes, Random random) => Encoding.UTF8.GetBytes(Blanks[random.Next(Blanks.Length)]);

    private static byte[] ByteOrderMark(byte[] bytes, Random random) => Insert(bytes, 0, ByteOrderMarks[random.Next(ByteOrderMarks.Length)]);

    private static byte[] LongText(byte[] bytes, Random random)
    {
        var length = new[] { 255, 256, 4_096, 70_000 }[random.Next(4)];
        var filler = new[] { "a", "é", "\u0001", "\"", ",", "\n", "🙂" }[random.Next(7)];
        var text = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, filler, length).ToString());
        return Insert(bytes, random.Next(bytes.Length + 1), text);
    }

    private static byte[] DeleteRange(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var length = random.Next(Math.Min(bytes.Length - at, 64) + 1);
        return Replace(bytes, at, length, Array.Empty<byte>());
    }
}
