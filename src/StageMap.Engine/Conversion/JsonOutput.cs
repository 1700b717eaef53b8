using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif
using Newtonsoft.Json;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion;

/// <summary>
/// Compact JSON onto a <see cref="TextOut"/>, character for character as Json.NET's JsonTextWriter
/// writes it (StageMap's files have always been written by it): the same escapes (control characters,
/// quote, backslash, U+0085, U+2028, U+2029; \uXXXX in lower case) and Json.NET's own text for the
/// numbers it formats (decimals, doubles). Top-level values get no separator: the caller writes it.
/// </summary>
internal sealed class JsonOutput
{
    private static readonly bool[] Escaped = CreateEscaped();
    private readonly TextOut _out;
    private readonly Utf8TextOut? _utf8;
    private readonly char[] _digits = new char[20];
    private bool[] _hasItems = new bool[16];
    private int _depth = -1;
    private bool _afterName;

    public JsonOutput(TextOut output)
    {
        _out = output;
        _utf8 = output as Utf8TextOut;
    }

    public void StartObject()
    {
        BeforeValue();
        _out.Write('{');
        Push();
    }

    public void EndObject()
    {
        _depth--;
        _out.Write('}');
    }

    public void StartArray()
    {
        BeforeValue();
        _out.Write('[');
        Push();
    }

    public void EndArray()
    {
        _depth--;
        _out.Write(']');
    }

    /// <summary>A property name, given also as the UTF-8 bytes of <c>"name":</c> (<see cref="EncodeName"/>) to copy into a file.</summary>
    public void Name(string name, byte[] encoded)
    {
        if (_utf8 is null || !_utf8.TryReserve(encoded.Length + 1, out var bytes, out var at))
        {
            Name(name);
            return;
        }

        if (_hasItems[_depth])
        {
            bytes[at++] = (byte)',';
            _utf8.Advance(1);
        }

        _hasItems[_depth] = true;
        Buffer.BlockCopy(encoded, 0, bytes, at, encoded.Length);
        _utf8.Advance(encoded.Length);
        _afterName = true;
    }

    /// <summary>The UTF-8 bytes <see cref="Name(string)"/> writes for <paramref name="name"/>: <c>"name":</c>, escaped.</summary>
    public static byte[] EncodeName(string name)
    {
        using var bytes = new MemoryStream();
        var text = new Utf8TextOut(bytes);
        var json = new JsonOutput(text);
        json.StartObject();
        json.Name(name);
        text.Flush();
        return bytes.ToArray().Skip(1).ToArray();
    }

    public void Name(string name)
    {
        if (_hasItems[_depth])
        {
            _out.Write(',');
        }

        _hasItems[_depth] = true;
        Quoted(name.AsSpan());
        _out.Write(':');
        _afterName = true;
    }

    public void Null()
    {
        BeforeValue();
        _out.Write("null");
    }

    public void String(string? text)
    {
        if (text is null)
        {
            Null();
            return;
        }

        String(text.AsSpan());
    }

    public void String(ReadOnlySpan<char> text)
    {
        BeforeValue();
        Quoted(text);
    }

    public void Integer(long value)
    {
        BeforeValue();
        _out.Write(FormatInteger(value));
    }

    /// <summary>A whole number's digits, as Json.NET writes them, in a buffer of this writer's.</summary>
    private ReadOnlySpan<char> FormatInteger(long value)
    {
        var negative = value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var at = _digits.Length;
        do
        {
            _digits[--at] = (char)('0' + (int)(magnitude % 10));
            magnitude /= 10;
        }
        while (magnitude != 0);

        if (negative)
        {
            _digits[--at] = '-';
        }

        return new ReadOnlySpan<char>(_digits, at, _digits.Length - at);
    }

    /// <summary>A normalized value: null, text, a primitive, a list or a nested record; file text where the reader holds it.</summary>
    public void Value(object? value)
    {
        switch (value)
        {
            case null:
                Null();
                break;
            case string s:
                String(s.AsSpan());
                break;
            case TextSlice t:
                String(t.Span);
                break;
            case int i:
                Integer(i);
                break;
            case long l:
                Integer(l);
                break;
            case bool b:
                BeforeValue();
                _out.Write(b ? "true" : "false");
                break;
            case TextList items:
                StartArray();
                var text = items.Source.Span;
                for (var at = 0; ListText.Next(text, ref at, out var start, out var length);)
                {
                    String(text.Slice(start, length));
                }

                EndArray();
                break;
            case IInputRecord nested:
                Record(nested);
                break;
            case IReadOnlyList<object?> list:
                StartArray();
                foreach (var item in list)
                {
                    Value(item);
                }

                EndArray();
                break;
            case decimal or double or short or byte or sbyte or uint or ulong or ushort or float:
                BeforeValue();
                _out.Write(JsonNetText(value));
                break;
            case IFormattable formattable:
                String(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                String(value.ToString());
                break;
        }
    }

    /// <summary>
    /// A converted record as a flat object, straight into the file's bytes in one reservation, when it
    /// is written at the top level of a file and every value is text, a whole number, a boolean, null or
    /// a list read off file text; false, with nothing written, otherwise (the caller writes it field by
    /// field). The bytes are those <see cref="Name(string)"/> and <see cref="Value"/> write.
    /// </summary>
    /// <param name="names">The UTF-8 of each field's <c>"name":</c> (<see cref="EncodeName"/>).</param>
    internal unsafe bool TryFlatObject(ConvertedRecord record, byte[][] names)
    {
        if (_utf8 is null || _depth != -1)
        {
            return false;
        }

        var values = record.Values;
        var bound = 2;
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (!ReferenceEquals(value, ConvertedRecord.Omitted))
            {
                var size = FlatBound(value);
                if (size < 0)
                {
                    return false;
                }

                bound += names[i].Length + 1 + size;
            }
        }

        if (bound > 60_000 || !_utf8.TryReserve(bound, out var bytes, out var start))
        {
            return false;
        }

        fixed (byte* first = &bytes[start])
        {
            var output = first;
            *output++ = (byte)'{';
            var comma = false;
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (ReferenceEquals(value, ConvertedRecord.Omitted))
                {
                    continue;
                }

                if (comma)
                {
                    *output++ = (byte)',';
                }

                comma = true;
                var name = names[i];
                fixed (byte* encoded = name)
                {
                    CopyName(encoded, name.Length, output);
                }

                output += name.Length;

                output = FlatValue(value, output, first, start);
            }

            *output++ = (byte)'}';
            _utf8.Advance((int)(output - first));
        }

        return true;
    }

    /// <summary>
    /// A field's <c>"name":</c> bytes, eight (or four) at a time, the last group overlapping the one before:
    /// names are short, and a call to copy a dozen bytes costs more than the copy.
    /// </summary>
    private static unsafe void CopyName(byte* from, int length, byte* to)
    {
        if (length >= 8)
        {
            var at = 0;
            for (; at + 8 <= length; at += 8)
            {
                *(ulong*)(to + at) = *(ulong*)(from + at);
            }

            if (at < length)
            {
                *(ulong*)(to + length - 8) = *(ulong*)(from + length - 8);
            }
        }
        else if (length >= 4)
        {
            *(uint*)to = *(uint*)from;
            *(uint*)(to + length - 4) = *(uint*)(from + length - 4);
        }
        else
        {
            for (var at = 0; at < length; at++)
            {
                to[at] = from[at];
            }
        }
    }

    /// <summary>The most bytes <see cref="FlatValue"/> writes for a value (an escape is at most 6 bytes a character), or -1 when it does not write that kind.</summary>
    private static int FlatBound(object? value) => value switch
    {
        TextSlice t => (t.Length * 6) + 2,
        string s => (s.Length * 6) + 2,
        null => 4,
        bool => 5,
        int => 11,
        long => 20,
        TextList items => (items.Source.Length * 9) + 2,
        _ => -1,
    };

    /// <summary>One value of <see cref="TryFlatObject"/> at <paramref name="output"/>, in the reservation that starts at <paramref name="first"/> (index <paramref name="start"/> of the output's bytes); where it ends.</summary>
    private unsafe byte* FlatValue(object? value, byte* output, byte* first, int start)
    {
        switch (value)
        {
            case TextSlice t:
                return QuotedUtf8(t.Span, output, first, start);
            case string s:
                return QuotedUtf8(s.AsSpan(), output, first, start);
            case null:
                return Ascii("null", output);
            case bool b:
                return Ascii(b ? "true" : "false", output);
            case int i:
                return Ascii(FormatInteger(i), output);
            case long l:
                return Ascii(FormatInteger(l), output);
            default:
                var items = (TextList)value;
                var text = items.Source.Span;
                *output++ = (byte)'[';
                var comma = false;
                for (var from = 0; ListText.Next(text, ref from, out var itemStart, out var length);)
                {
                    if (comma)
                    {
                        *output++ = (byte)',';
                    }

                    comma = true;
                    output = QuotedUtf8(text.Slice(itemStart, length), output, first, start);
                }

                *output++ = (byte)']';
                return output;
        }
    }

    private static unsafe byte* Ascii(ReadOnlySpan<char> text, byte* output)
    {
        foreach (var c in text)
        {
            *output++ = (byte)c;
        }

        return output;
    }

    /// <summary>An input record as it was read, plus extra fields (a rejected record with its reason).</summary>
    public void Record(IInputRecord record, params KeyValuePair<string, object?>[] extra)
    {
        StartObject();
        foreach (var field in record.Fields)
        {
            Name(field.Key);
            Value(field.Value);
        }

        foreach (var field in extra)
        {
            Name(field.Key);
            Value(field.Value);
        }

        EndObject();
    }

    private static bool NeedsEscape(char c) => c < 128 ? Escaped[c] : c is '\u0085' or '\u2028' or '\u2029';

    /// <summary>The text Json.NET writes for a number it formats itself.</summary>
    private static string JsonNetText(object value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None })
        {
            switch (value)
            {
                case decimal d:
                    writer.WriteValue(d);
                    break;
                case double f:
                    writer.WriteValue(f);
                    break;
                default:
                    writer.WriteValue(value);
                    break;
            }
        }

        return text.ToString();
    }

    private static bool[] CreateEscaped()
    {
        var escaped = new bool[128];
        for (var c = 0; c < ' '; c++)
        {
            escaped[c] = true;
        }

        escaped['"'] = true;
        escaped['\\'] = true;
        return escaped;
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
        }
        else if (_depth >= 0)
        {
            if (_hasItems[_depth])
            {
                _out.Write(',');
            }

            _hasItems[_depth] = true;
        }
    }

    private void Push()
    {
        if (++_depth == _hasItems.Length)
        {
            Array.Resize(ref _hasItems, _hasItems.Length * 2);
        }

        _hasItems[_depth] = false;
    }

    private void Quoted(ReadOnlySpan<char> text)
    {
        // Into a file: escaped and encoded in one pass, straight into the output's bytes (an escape is at most 6 bytes).
        if (_utf8 is not null && text.Length < 10_000 && _utf8.TryReserve(text.Length * 6 + 2, out var bytes, out var start))
        {
            _utf8.Advance(QuotedUtf8(text, bytes, start) - start);
            return;
        }

        _out.Write('"');
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c))
            {
                continue;
            }

            if (i > run)
            {
                _out.Write(text.Slice(run, i - run));
            }

            run = i + 1;
            switch (c)
            {
                case '\t':
                    _out.Write("\\t");
                    break;
                case '\n':
                    _out.Write("\\n");
                    break;
                case '\r':
                    _out.Write("\\r");
                    break;
                case '\f':
                    _out.Write("\\f");
                    break;
                case '\b':
                    _out.Write("\\b");
                    break;
                case '\\':
                    _out.Write("\\\\");
                    break;
                case '"':
                    _out.Write("\\\"");
                    break;
                default:
                    _out.Write("\\u");
                    _out.Write(Hex((c >> 12) & 0xF));
                    _out.Write(Hex((c >> 8) & 0xF));
                    _out.Write(Hex((c >> 4) & 0xF));
                    _out.Write(Hex(c & 0xF));
                    break;
            }
        }

        if (text.Length > run)
        {
            _out.Write(text.Slice(run));
        }

        _out.Write('"');
    }

    private unsafe int QuotedUtf8(ReadOnlySpan<char> text, byte[] bytes, int at)
    {
        fixed (byte* start = &bytes[at])
        {
            return at + (int)(QuotedUtf8(text, start, start, at) - start);
        }
    }

    /// <summary>
    /// <paramref name="text"/> quoted and escaped as UTF-8 at <paramref name="output"/>, in a reservation of
    /// the output's bytes that starts at <paramref name="first"/> (index <paramref name="start"/>); where it ends.
    /// </summary>
    private unsafe byte* QuotedUtf8(ReadOnlySpan<char> text, byte* output, byte* first, int start)
    {
        fixed (char* chars = text)
        {
            var input = chars;
            var end = chars + text.Length;
            *output++ = (byte)'"';
            while (input < end)
            {
#if NET8_0_OR_GREATER
                output = PlainAsciiVectors(chars, ref input, end, output);
#endif

                // Four characters at a time while they are all printable ASCII but the quote and the
                // backslash (most of every file): each one's low byte.
                while (end - input >= 4)
                {
                    if (!IsPlainAscii(*(ulong*)input, out var four))
                    {
                        break;
                    }

                    *(uint*)output = four;
                    output += 4;
                    input += 4;
                }

                // The last one to three characters, as the last four of the text when those are all plain:
                // the ones before them are plain too, written a byte each, so the four end where the text does.
                var left = (int)(end - input);
                if (left > 0 && left < 4 && end - chars >= 4 && IsPlainAscii(*(ulong*)(end - 4), out var last))
                {
                    *(uint*)(output + left - 4) = last;
                    output += left;
                    break;
                }

                if (input == end)
                {
                    break;
                }

                // Printable ASCII but the quote and the backslash: the byte itself.
                uint c = *input;
                if (c - 0x20u < 0x60u && c != '"' && c != '\\')
                {
                    *output++ = (byte)c;
                    input++;
                    continue;
                }

                if (c >= 128 && c is not ('\u0085' or '\u2028' or '\u2029'))
                {
                    // Non-ASCII: the run up to the next ASCII or escaped character, through the UTF-8 encoder.
                    var run = input + 1;
                    while (run < end && *run >= 128 && *run is not ('\u0085' or '\u2028' or '\u2029'))
                    {
                        run++;
                    }

                    output += _utf8!.EncodeAt(text.Slice((int)(input - chars), (int)(run - input)), start + (int)(output - first));
                    input = run;
                    continue;
                }

                *output++ = (byte)'\\';
                switch (c)
                {
                    case '\t':
                        *output++ = (byte)'t';
                        break;
                    case '\n':
                        *output++ = (byte)'n';
                        break;
                    case '\r':
                        *output++ = (byte)'r';
                        break;
                    case '\f':
                        *output++ = (byte)'f';
                        break;
                    case '\b':
                        *output++ = (byte)'b';
                        break;
                    case '\\':
                        *output++ = (byte)'\\';
                        break;
                    case '"':
                        *output++ = (byte)'"';
                        break;
                    default:
                        *output++ = (byte)'u';
                        *output++ = (byte)Hex((int)(c >> 12) & 0xF);
                        *output++ = (byte)Hex((int)(c >> 8) & 0xF);
                        *output++ = (byte)Hex((int)(c >> 4) & 0xF);
                        *output++ = (byte)Hex((int)c & 0xF);
                        break;
                }

                input++;
            }

            *output++ = (byte)'"';
            return output;
        }
    }

    /// <summary>Four characters (<paramref name="lanes"/>) are printable ASCII but the quote and the backslash; <paramref name="bytes"/> their low bytes.</summary>
    private static bool IsPlainAscii(ulong lanes, out uint bytes)
    {
        bytes = (uint)((lanes & 0xFF) | ((lanes >> 8) & 0xFF00) | ((lanes >> 16) & 0xFF0000) | ((lanes >> 24) & 0xFF000000));
        return (lanes & 0xFF80FF80FF80FF80UL) == 0 && !HasLaneBelow(lanes, 0x20) && !HasLaneBelow(lanes ^ 0x0022002200220022UL, 1) && !HasLaneBelow(lanes ^ 0x005C005C005C005CUL, 1);
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// Sixteen, then eight characters at a time, as long as they are all printable ASCII but the quote and
    /// the backslash: each one's low byte, the same bytes the four-at-a-time loop writes. Returns where
    /// the output is; <paramref name="input"/> stops at the first group holding anything else, or at the
    /// end of the text (<paramref name="first"/> is its start).
    /// </summary>
    private static unsafe byte* PlainAsciiVectors(char* first, ref char* input, char* end, byte* output)
    {
        if (!Vector128.IsHardwareAccelerated || end - first < 8)
        {
            return output;
        }

        if (Vector256.IsHardwareAccelerated)
        {
            while (end - input >= 16)
            {
                var sixteen = Vector256.Load((ushort*)input);
                if (!IsPlainAscii(sixteen))
                {
                    break;
                }

                Vector128.Narrow(sixteen.GetLower(), sixteen.GetUpper()).Store(output);
                output += 16;
                input += 16;
            }
        }

        while (end - input >= 8)
        {
            if (!IsPlainAscii(input, out var bytes))
            {
                return output;
            }

            *(ulong*)output = bytes;
            output += 8;
            input += 8;
        }

        // The last one to seven characters, as the last eight of the text when those are all plain: the
        // ones before this group were written one byte each, so its bytes end where the text's do.
        var left = (int)(end - input);
        if (left > 0 && IsPlainAscii(end - 8, out var last))
        {
            *(ulong*)(output + left - 8) = last;
            output += left;
            input = end;
        }

        return output;
    }

    /// <summary>The eight characters at <paramref name="chars"/> are printable ASCII but the quote and the backslash; <paramref name="bytes"/> their low bytes.</summary>
    private static unsafe bool IsPlainAscii(char* chars, out ulong bytes)
    {
        var eight = Vector128.Load((ushort*)chars);
        var other = Vector128.GreaterThan(eight - Vector128.Create((ushort)' '), Vector128.Create((ushort)(0x7F - ' ')))
            | Vector128.Equals(eight, Vector128.Create((ushort)'"'))
            | Vector128.Equals(eight, Vector128.Create((ushort)'\\'));
        bytes = Vector128.Narrow(eight, eight).AsUInt64().ToScalar();
        return other == Vector128<ushort>.Zero;
    }

    /// <summary>Sixteen characters are printable ASCII but the quote and the backslash.</summary>
    private static bool IsPlainAscii(Vector256<ushort> sixteen)
    {
        var other = Vector256.GreaterThan(sixteen - Vector256.Create((ushort)' '), Vector256.Create((ushort)(0x7F - ' ')))
            | Vector256.Equals(sixteen, Vector256.Create((ushort)'"'))
            | Vector256.Equals(sixteen, Vector256.Create((ushort)'\\'));
        return other == Vector256<ushort>.Zero;
    }
#endif

    /// <summary>Some 16-bit lane of <paramref name="lanes"/> (each under 0x80) is below <paramref name="limit"/>: the borrow of the subtraction shows in its top bit.</summary>
    private static bool HasLaneBelow(ulong lanes, ulong limit) =>
        ((lanes - (limit * 0x0001000100010001UL)) & ~lanes & 0x8000800080008000UL) != 0;

    private static char Hex(int n) => (char)(n < 10 ? '0' + n : 'a' + n - 10);
}
