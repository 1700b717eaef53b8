using System;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>The strings of <see cref="JsonRecordParser"/>: their text decoded to UTF-16.</summary>
internal sealed partial class JsonRecordParser
{
    /// <summary>Text already checked (<see cref="JsonBytes"/>) is decoded without a second check.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The strings of the unit being read (values and names read), decoded to UTF-16.</summary>
    private char[] _decoded = new char[4096];
    private int _decodedUsed;

    /// <summary>The string just read, from <paramref name="start"/> in <see cref="_decoded"/>, as a value of the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TextSlice TextValue(int start)
    {
        var text = _texts.Rent();
        text.Set(_decoded, start, _decodedUsed - start);
        return text;
    }

    /// <summary>
    /// A string at its opening quote at <paramref name="p"/>; the position past its closing quote. Its
    /// text is decoded (and unescaped) onto the end of <see cref="_decoded"/>. Plain ASCII is copied as
    /// it is searched for the closing quote (sixteen bytes at a time where vectors are); an escape, a
    /// line end or a byte past ASCII is left to <see cref="ReadStringRest"/>.
    /// </summary>
    private int ReadString(int p)
    {
        var bytes = _bytes;
        var end = _end;
        var decoded = _decoded;
        var used = _decodedUsed;
        var i = p + 1;
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated)
        {
            // Sixteen bytes searched for a string's stops (StringStops) and for bytes past ASCII, and
            // written widened whatever they are: only the plain ones before the first hit count.
            ref var from = ref MemoryMarshal.GetArrayDataReference(bytes);
            while (i + Vector128<byte>.Count <= end)
            {
                if (used + Vector128<byte>.Count > decoded.Length)
                {
                    _decodedUsed = used;
                    MakeRoom(Vector128<byte>.Count);
                    decoded = _decoded;
                }

                var block = Vector128.LoadUnsafe(ref from, (nuint)i);
                var hits = StringStops(block) | block.ExtractMostSignificantBits();
                ref var to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(decoded));
                var (lower, upper) = Vector128.Widen(block);
                lower.StoreUnsafe(ref to, (nuint)used);
                upper.StoreUnsafe(ref to, (nuint)(used + Vector128<ushort>.Count));
                if (hits == 0)
                {
                    i += Vector128<byte>.Count;
                    used += Vector128<byte>.Count;
                    continue;
                }

                var plain = BitOperations.TrailingZeroCount(hits);
                i += plain;
                used += plain;
                var hit = bytes[i];
                if (hit == '"')
                {
                    _decodedUsed = used;
                    return i + 1;
                }

                if (hit >= 0x80 || IsStringStop(hit))
                {
                    break;
                }

                // A tab or another control character: text like any other, written already.
                i++;
                used++;
            }
        }
#endif
        for (; i < end; i++)
        {
            var b = bytes[i];
            if (b == '"')
            {
                _decodedUsed = used;
                return i + 1;
            }

            if (b >= 0x80 || IsStringStop(b))
            {
                break;
            }

            if (used == decoded.Length)
            {
                _decodedUsed = used;
                MakeRoom(1);
                decoded = _decoded;
            }

            decoded[used++] = (char)b;
        }

        _decodedUsed = used;
        return ReadStringRest(i);
    }

    /// <summary>
    /// The rest of a string from <paramref name="i"/>, all its text before that decoded: runs of text
    /// between stops (<see cref="IsStringStop"/>) decoded whole, escapes, line ends (counted as Json.NET
    /// counts them). The position past its closing quote.
    /// </summary>
    private int ReadStringRest(int i)
    {
        var bytes = _bytes;
        var end = _end;
        while (true)
        {
            var run = i;
            i = FindStringStop(bytes, i, end);
            if (i < 0)
            {
                return _ended ? NotSure : NeedMore;
            }

            switch (bytes[i])
            {
                case (byte)'"':
                    Decode(bytes, run, i - run);
                    return i + 1;
                case (byte)'\n':
                    _scanLine++;
                    i++;
                    Decode(bytes, run, i - run);
                    continue;
                case (byte)'\r':
                    // Json.NET looks at the character after a carriage return, to count CR LF as one line end.
                    if (i + 1 >= end && !_ended)
                    {
                        return NeedMore;
                    }

                    _scanLine++;
                    i += i + 1 < end && bytes[i + 1] == '\n' ? 2 : 1;
                    Decode(bytes, run, i - run);
                    continue;
                case 0:
                    return NotSure;
            }

            // A backslash.
            if (i + 1 >= end)
            {
                return _ended ? NotSure : NeedMore;
            }

            Decode(bytes, run, i - run);
            var width = Escape(bytes, i, end, out var first, out var second);
            if (width < 0)
            {
                return width;
            }

            MakeRoom(2);
            _decoded[_decodedUsed++] = first;
            if (second != '\0')
            {
                _decoded[_decodedUsed++] = second;
            }

            i += width;
        }
    }

    /// <summary>
    /// The escape at the backslash at <paramref name="at"/>: the characters it stands for
    /// (<paramref name="second"/> is the low half of a surrogate pair, or '\0'); its length, or a code.
    /// </summary>
    private int Escape(byte[] bytes, int at, int end, out char first, out char second)
    {
        second = '\0';
        first = (char)bytes[at + 1] switch
        {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            '\'' => '\'',
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => '\0',
        };
        if (first != '\0')
        {
            return 2;
        }

        if (bytes[at + 1] != 'u')
        {
            return NotSure;
        }

        if (at + 6 > end)
        {
            return _ended ? NotSure : NeedMore;
        }

        if (!TryHex(bytes, at + 2, out first) || first == '\0' || char.IsLowSurrogate(first))
        {
            // Not four hex digits, a NUL, or a low surrogate alone: Json.NET's to read (and refuse).
            return NotSure;
        }

        if (!char.IsHighSurrogate(first))
        {
            return 6;
        }

        // A high surrogate is text only with its low half right after it.
        if (at + 12 > end)
        {
            return _ended ? NotSure : NeedMore;
        }

        if (bytes[at + 6] != '\\' || bytes[at + 7] != 'u' || !TryHex(bytes, at + 8, out second) || !char.IsLowSurrogate(second))
        {
            return NotSure;
        }

        return 12;
    }

    private static bool TryHex(byte[] bytes, int at, out char value)
    {
        var n = 0;
        for (var i = at; i < at + 4; i++)
        {
            var c = bytes[i];
            var digit = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                value = '\0';
                return false;
            }

            n = (n << 4) | digit;
        }

        value = (char)n;
        return true;
    }

    /// <summary>
    /// A run of a string's text with no stop in it, decoded onto the end of <see cref="_decoded"/>: ASCII
    /// a byte a character; a run with longer sequences (whole ones: a stop is ASCII, never inside one) by UTF-8's decoder.
    /// </summary>
    private void Decode(byte[] bytes, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        // Room for the run and a block of eight more, which the widening below may write past it.
        MakeRoom(length + 16);
        var decoded = _decoded;
        var used = _decodedUsed;
        var i = 0;
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated)
        {
            ref var from = ref MemoryMarshal.GetArrayDataReference(bytes);
            ref var to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(decoded));
            for (; i < length && start + i <= bytes.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref from, (nuint)(start + i));
                if (block.ExtractMostSignificantBits() != 0)
                {
                    break;
                }

                var (lower, upper) = Vector128.Widen(block);
                lower.StoreUnsafe(ref to, (nuint)(used + i));
                upper.StoreUnsafe(ref to, (nuint)(used + i + Vector128<ushort>.Count));
            }

            i = Math.Min(i, length);
        }
#endif
        for (; i < length; i++)
        {
            var b = bytes[start + i];
            if (b >= 0x80)
            {
                _decodedUsed = used + i + Utf8.GetChars(bytes, start + i, length - i, decoded, used + i);
                return;
            }

            decoded[used + i] = (char)b;
        }

        _decodedUsed = used + length;
    }

    private void MakeRoom(int length)
    {
        if (_decodedUsed + length > _decoded.Length)
        {
            // A new buffer: texts already read keep pointing into the old one, which stays as it is.
            var larger = new char[Math.Max(_decoded.Length * 2, _decodedUsed + length)];
            Array.Copy(_decoded, larger, _decodedUsed);
            _decoded = larger;
        }
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// A bit for each of the block's sixteen bytes that is the quote, the backslash or anything up to CR
    /// (which holds the other stops; a hit that is not a stop, a tab say, is for the caller to pass over).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint StringStops(Vector128<byte> block) =>
        (Vector128.Equals(block, Vector128.Create((byte)'"'))
            | Vector128.Equals(block, Vector128.Create((byte)'\\'))
            | Vector128.LessThanOrEqual(block, Vector128.Create((byte)'\r'))).ExtractMostSignificantBits();
#endif

    /// <summary>Where the first of a string's stops is from <paramref name="from"/> to <paramref name="end"/> (<see cref="IsStringStop"/>); -1 when none is.</summary>
    private static int FindStringStop(byte[] bytes, int from, int end)
    {
#if NET8_0_OR_GREATER
        // Most strings of a record are a few characters long, shorter than what a general search of five
        // values pays to set itself up: sixteen bytes at a time are compared with the quote, the
        // backslash and everything up to CR (which holds the other stops), and a hit that is not a stop
        // (a tab, say) is passed over.
        if (Vector128.IsHardwareAccelerated)
        {
            ref var text = ref MemoryMarshal.GetArrayDataReference(bytes);
            for (; from < end && from <= bytes.Length - Vector128<byte>.Count; from += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref text, (nuint)from);
                var hits = StringStops(block);
                for (; hits != 0; hits &= hits - 1)
                {
                    var at = from + BitOperations.TrailingZeroCount(hits);
                    if (at >= end)
                    {
                        return -1;
                    }

                    if (IsStringStop(bytes[at]))
                    {
                        return at;
                    }
                }
            }

            if (from >= end)
            {
                return -1;
            }
        }
#endif
        for (var i = from; i < end; i++)
        {
            if (IsStringStop(bytes[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>What ends a run of plain text in a string: its closing quote, an escape, a line end (counted), a NUL (Json.NET's to read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsStringStop(byte b) => b is (byte)'"' or (byte)'\\' or (byte)'\n' or (byte)'\r' or 0;
}
