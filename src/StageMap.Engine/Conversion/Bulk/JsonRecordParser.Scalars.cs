using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>The numbers and literals of <see cref="JsonRecordParser"/>, each the value Json.NET's reader makes of it.</summary>
internal sealed partial class JsonRecordParser
{
    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    /// <summary>true, false or null at <paramref name="p"/>, followed by what may follow a value; the position just past it.</summary>
    private int ReadLiteral(int p, string literal)
    {
        var after = p + literal.Length;
        if (after >= _end)
        {
            return _ended ? NotSure : NeedMore;
        }

        var bytes = _bytes;
        for (var i = 1; i < literal.Length; i++)
        {
            if (bytes[p + i] != literal[i])
            {
                return NotSure;
            }
        }

        return EndsValue(bytes[after]) ? after : NotSure;
    }

    /// <summary>
    /// A number: the characters Json.NET takes for one (digits, signs, points, exponents, hex letters),
    /// followed by what may follow a value; the position just past it. A whole number of up to 18
    /// digits and a decimal of up to 18 digits with a point are read here, exactly as Json.NET reads
    /// them; any other is read by Json.NET's own reader on its own, and one it refuses is left to
    /// Json.NET to refuse in place.
    /// </summary>
    private int ReadNumber(int p, out object? value)
    {
        value = null;
        var bytes = _bytes;
        var end = _end;
        var i = p;
        while (i < end && IsNumberChar(bytes[i]))
        {
            i++;
        }

        if (i >= end)
        {
            return _ended ? NotSure : NeedMore;
        }

        if (!EndsValue(bytes[i]))
        {
            return NotSure;
        }

        value = PlainNumber(bytes, p, i) ?? NumberByJsonNet(bytes, p, i - p);
        return value is null ? NotSure : i;
    }

    /// <summary>A whole number (a long) or a decimal, as Json.NET's own parsing makes it; null for any other number.</summary>
    private static object? PlainNumber(byte[] chars, int start, int end)
    {
        var negative = chars[start] == '-';
        var i = negative ? start + 1 : start;
        if (i == end || (chars[i] == '0' && i + 1 < end && chars[i + 1] != '.') || (negative && chars[i] == '0'))
        {
            // Nothing after the sign, octal, "-0": Json.NET's own.
            return null;
        }

        ulong digits = 0;
        var count = 0;
        var point = -1;
        for (; i < end; i++)
        {
            var c = chars[i];
            if (c is >= (byte)'0' and <= (byte)'9')
            {
                digits = (digits * 10) + (ulong)(c - '0');
                count++;
            }
            else if (c == '.' && point < 0)
            {
                point = i;
            }
            else
            {
                return null;
            }
        }

        if (count > 18 || point == end - 1 || point == (negative ? start + 1 : start))
        {
            return null;
        }

        if (point < 0)
        {
            var whole = negative ? -(long)digits : (long)digits;
            return whole is >= 0 and < 1024 ? SmallIntegers[whole] : whole;
        }

        // What Json.NET's decimal parsing does with these digits: the mantissa times 10^-scale, then the sign.
        var fraction = (decimal)digits * new decimal(1, 0, 0, false, (byte)(end - point - 1));
        return negative ? -fraction : fraction;
    }

    /// <summary>The number Json.NET's reader makes of this text alone, or null when it refuses it.</summary>
    private static object? NumberByJsonNet(byte[] bytes, int start, int length)
    {
        try
        {
            // A number's characters are all ASCII.
            using var reader = StrictJson.CreateReader(new StringReader(Encoding.ASCII.GetString(bytes, start, length)));
            if (!reader.Read() || reader.TokenType is not (Newtonsoft.Json.JsonToken.Integer or Newtonsoft.Json.JsonToken.Float))
            {
                return null;
            }

            var value = reader.Value;
            return reader.Read() ? null : value;
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or OverflowException or FormatException)
        {
            return null;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumberChar(byte c) =>
        c is >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'x' or (byte)'X' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';

    /// <summary>What Json.NET accepts right after a value that this parser reads too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsValue(byte c) => c is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r';

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[1024];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)i;
        }

        return boxes;
    }
}
