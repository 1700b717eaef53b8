using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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

        _out.Write(new ReadOnlySpan<char>(_digits, at, _digits.Length - at));
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
        fixed (char* first = text)
        fixed (byte* start = &bytes[at])
        {
            var output = start;
            var input = first;
            var end = first + text.Length;
            *output++ = (byte)'"';
            while (input < end)
            {
                // Printable ASCII but the quote and the backslash: the byte itself (most of every file).
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

                    output += _utf8!.EncodeAt(text.Slice((int)(input - first), (int)(run - input)), at + (int)(output - start));
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
            return at + (int)(output - start);
        }
    }

    private static char Hex(int n) => (char)(n < 10 ? '0' + n : 'a' + n - 10);
}
