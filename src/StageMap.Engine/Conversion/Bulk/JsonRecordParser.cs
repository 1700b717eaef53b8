using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The fast path of <see cref="JsonRecordReader"/>: the records of plain JSON read straight from the
/// file's UTF-8 bytes (<see cref="JsonBytes"/>), with no string made for a value and no object made per
/// record (<see cref="JsonObjectRecord"/>, its lists and texts are reused from record to record). The
/// structure, names, numbers and literals are read as bytes (all of JSON's own characters are ASCII);
/// only strings are decoded to UTF-16, into one buffer per record, and a name the parser expects is
/// compared with its UTF-8 and not decoded.
/// </summary>
/// <remarks>
/// <para>
/// It reads what <see cref="JsonNetRecordReader"/> reads, in the same order, but only JSON it is sure
/// Json.NET reads the same way: objects, arrays, strings with the standard escapes, whole numbers of up
/// to 18 digits, decimals, true, false and null, spaces, tabs and line ends between them. At anything
/// else (a comment, a single quote, an unquoted name, a trailing comma, a number Json.NET parses in a
/// way of its own, the end of the text where a value should be, a byte the text cannot decode) it
/// answers <see cref="Step.Unsure"/> before handing out the record it is in, and the reader hands the
/// file to Json.NET, which then says what it makes of it (and reports any error, with its line and
/// position, from the same code as before).
/// </para>
/// <para>
/// Reading ahead: it asks its text for more only where Json.NET would, and then for one block of the
/// file, checked whole as decoding it would be (<see cref="JsonBytes"/>), so any failure to read the
/// text (an undecodable byte, an unpaired surrogate escape) reaches it no later than it reaches
/// Json.NET. A record is read as one unit: when the text in hand ends inside it, the parser reads
/// more and reads the record again from its start.
/// </para>
/// </remarks>
internal sealed class JsonRecordParser
{
    /// <summary>One read of the text: one block of the file (<see cref="JsonBytes.Read"/>).</summary>
    private const int BlockSize = JsonBytes.BlockSize;

    /// <summary>
    /// Deeper nesting is left to Json.NET, which refuses more than <see cref="Text.ReadLimits.MaxDepth"/>
    /// levels with its own message; this stays well inside that limit so the message is always Json.NET's.
    /// </summary>
    private const int MaxDepth = Text.ReadLimits.MaxDepth - 16;

    /// <summary>A record (or anything between records) longer than this is left to Json.NET.</summary>
    private const int MaxUnit = 8 * 1024 * 1024;

    /// <summary>A unit this long is read on in reads that fill the buffer (see <see cref="Refill"/>).</summary>
    private const int LongUnit = 8 * BlockSize;

    private static readonly object True = true;
    private static readonly object False = false;
    private static readonly object[] SmallIntegers = CreateSmallIntegers();

    /// <summary>Text already checked (<see cref="JsonBytes"/>) is decoded without a second check.</summary>
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly JsonBytes _text;
    private readonly List<Frame> _frames = new();
    private readonly JsonNameSets _sets = new();
    private readonly Pool<TextSlice> _texts = new(() => new TextSlice());
    private readonly Pool<ValueList> _lists = new(() => new ValueList());
    private readonly Pool<JsonObjectRecord> _objects = new(() => new JsonObjectRecord());
    private readonly List<JsonMembers> _levels = new();
    private byte[] _bytes = new byte[4 * BlockSize];

    /// <summary>The strings of the unit being read (values and names read), decoded to UTF-16.</summary>
    private char[] _decoded = new char[4096];
    private int _decodedUsed;
    private int _pos;
    private int _end;
    private bool _ended;
    private long _line = 1;
    private bool _sawValue;
    private bool _finished;
    private bool _resultPending;

    /// <param name="text">The file's text as UTF-8, checked as Json.NET's reading checks it.</param>
    public JsonRecordParser(JsonBytes text)
    {
        _text = text;
    }

    public enum Step
    {
        /// <summary><see cref="Record"/> holds the next record.</summary>
        Record,

        /// <summary>The text ended after a last complete value.</summary>
        End,

        /// <summary>The parser is not sure the text reads as Json.NET reads it: Json.NET reads the file.</summary>
        Unsure,
    }

    private enum Parse
    {
        Ok,
        More,
        Unsure,
        End,
    }

    /// <summary>The record of the last <see cref="Step.Record"/>, valid until the next <see cref="Next"/>.</summary>
    public JsonObjectRecord Record { get; private set; } = new();

    /// <summary>The line the last record starts on (1-based), as Json.NET counts lines.</summary>
    public long RecordLine { get; private set; }

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="Text.UndecodableTextException">A byte the text cannot decode.</exception>
    /// <exception cref="Newtonsoft.Json.JsonReaderException">An unpaired surrogate escape (<see cref="SurrogateEscapeCheck"/>).</exception>
    public Step Next()
    {
        while (true)
        {
            switch (NextUnit(out var record))
            {
                case Parse.Ok when record:
                    return Step.Record;
                case Parse.Ok:
                    if (_finished)
                    {
                        return Step.End;
                    }

                    break;
                case Parse.More:
                    if (!Refill())
                    {
                        return Step.Unsure;
                    }

                    break;
                default:
                    return Step.Unsure;
            }
        }
    }

    /// <summary>
    /// Reads one unit from the position: a record, or one step between records (into or out of an
    /// array of records or an object that holds them, past a member of such an object). Changes
    /// nothing unless it returns <see cref="Parse.Ok"/>.
    /// </summary>
    private Parse NextUnit(out bool record)
    {
        record = false;
        _texts.Reset();
        _lists.Reset();
        _objects.Reset();
        _decodedUsed = 0;
        var p = _pos;
        var line = _line;
        var space = SkipSpace(ref p, ref line);
        if (space is Parse.More or Parse.Unsure)
        {
            return space;
        }

        if (_frames.Count == 0 && !_resultPending)
        {
            // Between top-level values.
            if (space == Parse.End)
            {
                if (!_sawValue)
                {
                    // An empty file: Json.NET's reader says so.
                    return Parse.Unsure;
                }

                Commit(p, line);
                _finished = true;
                return Parse.Ok;
            }

            switch ((char)_bytes[p])
            {
                case '{':
                    return TopObject(p, line, allowResult: true, out record);
                case '[':
                    _sawValue = true;
                    _frames.Add(new Frame(FrameKind.Records));
                    Commit(p + 1, line);
                    return Parse.Ok;
                default:
                    return Parse.Unsure;
            }
        }

        if (space == Parse.End)
        {
            return Parse.Unsure;
        }

        if (_resultPending)
        {
            // The value of a top-level object's "result", an object: it holds records, or is one.
            _resultPending = false;
            var result = TopObject(p, line, allowResult: false, out record);
            _resultPending = result != Parse.Ok;
            return result;
        }

        var frame = _frames[_frames.Count - 1];
        var c = (char)_bytes[p];
        if (frame.Kind == FrameKind.Records)
        {
            if (frame.Items > 0 && !frame.AfterComma)
            {
                if (c == ',')
                {
                    _frames[_frames.Count - 1] = frame with { AfterComma = true };
                    Commit(p + 1, line);
                    return Parse.Ok;
                }

                return c == ']' ? Close(p, line) : Parse.Unsure;
            }

            if (c == ']' && frame.Items == 0)
            {
                return Close(p, line);
            }

            if (c != '{')
            {
                return Parse.Unsure;
            }

            var start = line;
            var read = ReadObject(ref p, ref line, _frames.Count + 1, out var value);
            if (read != Parse.Ok)
            {
                return read;
            }

            _frames[_frames.Count - 1] = frame with { Items = frame.Items + 1, AfterComma = false };
            return Hand((JsonObjectRecord)value!, start, p, line, out record);
        }

        // An object that holds records, after one of its members.
        if (c == '}')
        {
            return Close(p, line);
        }

        if (c != ',')
        {
            return Parse.Unsure;
        }

        p++;
        if (SkipSpace(ref p, ref line) is var before and not Parse.Ok)
        {
            return before == Parse.More ? Parse.More : Parse.Unsure;
        }

        var member = ReadMemberName(ref p, ref line, null, out var nameStart, out var nameLength, out _);
        if (member != Parse.Ok)
        {
            return member;
        }

        switch (Holds(new ReadOnlySpan<char>(_decoded, nameStart, nameLength), (char)_bytes[p], frame.AllowResult))
        {
            case Holding.Records:
                _frames.Add(new Frame(FrameKind.Records));
                Commit(p + 1, line);
                return Parse.Ok;
            case Holding.Result:
                _resultPending = true;
                Commit(p, line);
                return Parse.Ok;
            default:
                var skipped = ReadValue(ref p, ref line, _frames.Count + 1, out _);
                if (skipped == Parse.Ok)
                {
                    Commit(p, line);
                }

                return skipped;
        }
    }

    /// <summary>A top-level object (or a top-level object's result): one record, or the start of the records it holds.</summary>
    private Parse TopObject(int p, long line, bool allowResult, out bool record)
    {
        record = false;
        var start = line;
        var depth = _frames.Count + 1;
        var members = Level(depth);
        p++;
        var space = SkipSpace(ref p, ref line);
        if (space != Parse.Ok)
        {
            return space == Parse.More ? Parse.More : Parse.Unsure;
        }

        if ((char)_bytes[p] != '}')
        {
            while (true)
            {
                var name = ReadMemberName(ref p, ref line, members.Expected, out var nameStart, out var nameLength, out var expected);
                if (name != Parse.Ok)
                {
                    return name;
                }

                var holding = _bytes[p] is (byte)'[' or (byte)'{'
                    ? Holds(expected ? members.ExpectedName.AsSpan() : new ReadOnlySpan<char>(_decoded, nameStart, nameLength), (char)_bytes[p], allowResult)
                    : Holding.None;
                if (holding != Holding.None)
                {
                    // It holds records: the members read so far are not a record (Json.NET's reader drops them too).
                    _sawValue = true;
                    _frames.Add(new Frame(FrameKind.Holder) { AllowResult = allowResult });
                    if (holding == Holding.Records)
                    {
                        _frames.Add(new Frame(FrameKind.Records));
                        p++;
                    }
                    else
                    {
                        _resultPending = true;
                    }

                    Commit(p, line);
                    return Parse.Ok;
                }

                var read = ReadValue(ref p, ref line, depth, out var value);
                if (read != Parse.Ok)
                {
                    return read;
                }

                AddMember(members, expected, nameStart, nameLength, value);
                var next = AfterMember(ref p, ref line);
                if (next != Parse.Ok)
                {
                    return next;
                }

                if ((char)_bytes[p - 1] == '}')
                {
                    break;
                }
            }
        }
        else
        {
            p++;
        }

        _sawValue = true;
        return Hand(Build(members), start, p, line, out record);
    }

    private Parse Hand(JsonObjectRecord value, long start, int p, long line, out bool record)
    {
        Record = value;
        RecordLine = start;
        Commit(p, line);
        record = true;
        return Parse.Ok;
    }

    private Parse Close(int p, long line)
    {
        _frames.RemoveAt(_frames.Count - 1);
        Commit(p + 1, line);
        return Parse.Ok;
    }

    private void Commit(int p, long line)
    {
        _pos = p;
        _line = line;
    }

    /// <summary>What a member of an object that may hold records holds: a records or data array, a result object (at the top only), or neither.</summary>
    private static Holding Holds(ReadOnlySpan<char> name, char value, bool allowResult) =>
        value == '[' && (name.SequenceEqual("records".AsSpan()) || name.SequenceEqual("data".AsSpan())) ? Holding.Records
        : value == '{' && allowResult && name.SequenceEqual("result".AsSpan()) ? Holding.Result
        : Holding.None;

    /// <summary>A member's name and its colon: <paramref name="p"/> on the opening quote, then on the value.</summary>
    /// <param name="expected">The UTF-8 of the name the member most likely has (<see cref="JsonMembers.Expected"/>), or null.</param>
    /// <param name="start">Unless the name is <paramref name="expected"/>: where it is decoded, in <see cref="_decoded"/>.</param>
    /// <param name="isExpected">True when the name read is <paramref name="expected"/>.</param>
    private Parse ReadMemberName(ref int p, ref long line, byte[]? expected, out int start, out int length, out bool isExpected)
    {
        start = length = 0;
        isExpected = false;
        if (_bytes[p] != '"')
        {
            return Parse.Unsure;
        }

        // The expected name holds no quote, backslash, line end or NUL: text equal to it and closed by a
        // quote is that name, as ReadString would read it, at the cost of one comparison.
        var close = expected is null ? -1 : p + 1 + expected.Length;
        if (close >= 0 && close < _end && _bytes[close] == '"' && new ReadOnlySpan<byte>(_bytes, p + 1, expected!.Length).SequenceEqual(expected))
        {
            isExpected = true;
            p = close + 1;
        }
        else
        {
            var read = ReadString(ref p, ref line, out start, out length);
            if (read != Parse.Ok)
            {
                return read;
            }
        }

        var space = SkipSpace(ref p, ref line);
        if (space != Parse.Ok)
        {
            return space == Parse.More ? Parse.More : Parse.Unsure;
        }

        if ((char)_bytes[p] != ':')
        {
            return Parse.Unsure;
        }

        p++;
        space = SkipSpace(ref p, ref line);
        return space == Parse.Ok ? Parse.Ok : space == Parse.More ? Parse.More : Parse.Unsure;
    }

    private void AddMember(JsonMembers members, bool expected, int nameStart, int nameLength, object? value)
    {
        if (expected)
        {
            members.AddExpected(value);
        }
        else
        {
            members.Add(_decoded, nameStart, nameLength, value);
        }
    }

    /// <summary>After a member's value: its comma (and <paramref name="p"/> on the next name) or the closing brace (and <paramref name="p"/> past it).</summary>
    private Parse AfterMember(ref int p, ref long line)
    {
        var space = SkipSpace(ref p, ref line);
        if (space != Parse.Ok)
        {
            return space == Parse.More ? Parse.More : Parse.Unsure;
        }

        switch ((char)_bytes[p])
        {
            case '}':
                p++;
                return Parse.Ok;
            case ',':
                p++;
                space = SkipSpace(ref p, ref line);
                return space == Parse.Ok ? ((char)_bytes[p] == '"' ? Parse.Ok : Parse.Unsure) : space == Parse.More ? Parse.More : Parse.Unsure;
            default:
                return Parse.Unsure;
        }
    }

    /// <summary>A value at <paramref name="p"/> (not white space); <paramref name="p"/> then just past it.</summary>
    private Parse ReadValue(ref int p, ref long line, int depth, out object? value)
    {
        value = null;
        switch ((char)_bytes[p])
        {
            case '"':
                var read = ReadString(ref p, ref line, out var start, out var length);
                if (read == Parse.Ok)
                {
                    var text = _texts.Rent();
                    text.Set(_decoded, start, length);
                    value = text;
                }

                return read;
            case '{':
                return ReadObject(ref p, ref line, depth + 1, out value);
            case '[':
                return ReadArray(ref p, ref line, depth + 1, out value);
            case 't':
                value = True;
                return ReadLiteral(ref p, "true");
            case 'f':
                value = False;
                return ReadLiteral(ref p, "false");
            case 'n':
                return ReadLiteral(ref p, "null");
            case '-':
            case >= '0' and <= '9':
                return ReadNumber(ref p, out value);
            default:
                return Parse.Unsure;
        }
    }

    private Parse ReadObject(ref int p, ref long line, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return Parse.Unsure;
        }

        var members = Level(depth);
        p++;
        var space = SkipSpace(ref p, ref line);
        if (space != Parse.Ok)
        {
            return space == Parse.More ? Parse.More : Parse.Unsure;
        }

        if ((char)_bytes[p] == '}')
        {
            p++;
        }
        else
        {
            do
            {
                var name = ReadMemberName(ref p, ref line, members.Expected, out var nameStart, out var nameLength, out var expected);
                if (name != Parse.Ok)
                {
                    return name;
                }

                var read = ReadValue(ref p, ref line, depth, out var item);
                if (read != Parse.Ok)
                {
                    return read;
                }

                AddMember(members, expected, nameStart, nameLength, item);
                var next = AfterMember(ref p, ref line);
                if (next != Parse.Ok)
                {
                    return next;
                }
            }
            while ((char)_bytes[p - 1] != '}');
        }

        value = Build(members);
        return Parse.Ok;
    }

    private Parse ReadArray(ref int p, ref long line, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return Parse.Unsure;
        }

        var list = _lists.Rent();
        list.Clear();
        p++;
        while (true)
        {
            var space = SkipSpace(ref p, ref line);
            if (space != Parse.Ok)
            {
                return space == Parse.More ? Parse.More : Parse.Unsure;
            }

            if ((char)_bytes[p] == ']' && list.Count == 0)
            {
                p++;
                break;
            }

            var read = ReadValue(ref p, ref line, depth, out var item);
            if (read != Parse.Ok)
            {
                return read;
            }

            list.Add(item);
            space = SkipSpace(ref p, ref line);
            if (space != Parse.Ok)
            {
                return space == Parse.More ? Parse.More : Parse.Unsure;
            }

            var c = (char)_bytes[p++];
            if (c == ']')
            {
                break;
            }

            if (c != ',')
            {
                return Parse.Unsure;
            }

            // A value must follow the comma ("[1,]" is Json.NET's to read).
            space = SkipSpace(ref p, ref line);
            if (space != Parse.Ok)
            {
                return space == Parse.More ? Parse.More : Parse.Unsure;
            }

            if ((char)_bytes[p] == ']')
            {
                return Parse.Unsure;
            }
        }

        value = list;
        return Parse.Ok;
    }

    /// <summary>
    /// A string at its opening quote; <paramref name="p"/> then past its closing quote. Its text is
    /// decoded (and unescaped) into <see cref="_decoded"/>, from <paramref name="start"/>.
    /// </summary>
    private Parse ReadString(ref int p, ref long line, out int start, out int length)
    {
        var bytes = _bytes;
        var end = _end;
        start = _decodedUsed;
        length = 0;
        var i = p + 1;
        while (true)
        {
            // Here all the text before i is decoded.
            var run = i;
#if NET8_0_OR_GREATER
            i = CopyAscii(bytes, i, end);
            run = i;
#endif
            var found = i < end && IsStringStop(bytes[i]) ? i : FindStringStop(bytes, i, end);
            if (found < 0)
            {
                return _ended ? Parse.Unsure : Parse.More;
            }

            i = found;
            switch ((char)bytes[i])
            {
                case '"':
                    Decode(bytes, run, i - run);
                    length = _decodedUsed - start;
                    p = i + 1;
                    return Parse.Ok;
                case '\n':
                    line++;
                    i++;
                    Decode(bytes, run, i - run);
                    continue;
                case '\r':
                    // Json.NET looks at the character after a carriage return, to count CR LF as one line end.
                    if (i + 1 >= end && !_ended)
                    {
                        return Parse.More;
                    }

                    line++;
                    i += i + 1 < end && bytes[i + 1] == '\n' ? 2 : 1;
                    Decode(bytes, run, i - run);
                    continue;
                case '\0':
                    return Parse.Unsure;
            }

            // A backslash.
            if (i + 1 >= end)
            {
                return _ended ? Parse.Unsure : Parse.More;
            }

            Decode(bytes, run, i - run);
            var escape = Escape(bytes, i, end, out var first, out var second, out var width);
            if (escape != Parse.Ok)
            {
                return escape;
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

#if NET8_0_OR_GREATER
    /// <summary>
    /// Plain ASCII text from <paramref name="i"/> copied onto the end of <see cref="_decoded"/> sixteen
    /// bytes at a time as it is searched, up to the first byte that may be a string's stop or is past
    /// ASCII (or the last whole block before <paramref name="end"/>); where it stopped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CopyAscii(byte[] bytes, int i, int end)
    {
        if (!Vector128.IsHardwareAccelerated)
        {
            return i;
        }

        var quote = Vector128.Create((byte)'"');
        var backslash = Vector128.Create((byte)'\\');
        var controls = Vector128.Create((byte)'\r');
        ref var from = ref MemoryMarshal.GetArrayDataReference(bytes);
        while (i + Vector128<byte>.Count <= end)
        {
            var block = Vector128.LoadUnsafe(ref from, (nuint)i);
            var hits = (Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | Vector128.LessThanOrEqual(block, controls)).ExtractMostSignificantBits()
                | block.ExtractMostSignificantBits();
            var plain = hits == 0 ? Vector128<byte>.Count : BitOperations.TrailingZeroCount(hits);
            if (plain > 0)
            {
                if (_decodedUsed + Vector128<byte>.Count > _decoded.Length)
                {
                    MakeRoom(Vector128<byte>.Count);
                }

                // All sixteen are written; only the plain ones count.
                ref var to = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(_decoded));
                var (lower, upper) = Vector128.Widen(block);
                lower.StoreUnsafe(ref to, (nuint)_decodedUsed);
                upper.StoreUnsafe(ref to, (nuint)(_decodedUsed + Vector128<ushort>.Count));
                _decodedUsed += plain;
                i += plain;
            }

            if (hits != 0)
            {
                break;
            }
        }

        return i;
    }
#endif

    /// <summary>The escape at the backslash at <paramref name="at"/>: the characters it stands for (<paramref name="second"/> is the low half of a surrogate pair, or '\0') and its length.</summary>
    private Parse Escape(byte[] bytes, int at, int end, out char first, out char second, out int width)
    {
        second = '\0';
        width = 2;
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
            return Parse.Ok;
        }

        if (bytes[at + 1] != 'u')
        {
            return Parse.Unsure;
        }

        if (at + 6 > end)
        {
            return _ended ? Parse.Unsure : Parse.More;
        }

        if (!TryHex(bytes, at + 2, out first) || first == '\0' || char.IsLowSurrogate(first))
        {
            // Not four hex digits, a NUL, or a low surrogate alone: Json.NET's to read (and refuse).
            return Parse.Unsure;
        }

        width = 6;
        if (!char.IsHighSurrogate(first))
        {
            return Parse.Ok;
        }

        // A high surrogate is text only with its low half right after it.
        if (at + 12 > end)
        {
            return _ended ? Parse.Unsure : Parse.More;
        }

        if (bytes[at + 6] != '\\' || bytes[at + 7] != 'u' || !TryHex(bytes, at + 8, out second) || !char.IsLowSurrogate(second))
        {
            return Parse.Unsure;
        }

        width = 12;
        return Parse.Ok;
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

    /// <summary>true, false or null, followed by what may follow a value.</summary>
    private Parse ReadLiteral(ref int p, string literal)
    {
        var after = p + literal.Length;
        if (after >= _end)
        {
            return _ended ? Parse.Unsure : Parse.More;
        }

        for (var i = 1; i < literal.Length; i++)
        {
            if (_bytes[p + i] != literal[i])
            {
                return Parse.Unsure;
            }
        }

        if (!EndsValue((char)_bytes[after]))
        {
            return Parse.Unsure;
        }

        p = after;
        return Parse.Ok;
    }

    /// <summary>
    /// A number: the characters Json.NET takes for one (digits, signs, points, exponents, hex letters),
    /// followed by what may follow a value. A whole number of up to 18 digits and a decimal of up to
    /// 18 digits with a point are read here, exactly as Json.NET reads them; any other is read by
    /// Json.NET's own reader on its own, and one it refuses is left to Json.NET to refuse in place.
    /// </summary>
    private Parse ReadNumber(ref int p, out object? value)
    {
        value = null;
        var bytes = _bytes;
        var i = p;
        while (i < _end && IsNumberChar((char)bytes[i]))
        {
            i++;
        }

        if (i >= _end)
        {
            return _ended ? Parse.Unsure : Parse.More;
        }

        if (!EndsValue((char)bytes[i]))
        {
            return Parse.Unsure;
        }

        value = PlainNumber(bytes, p, i) ?? NumberByJsonNet(bytes, p, i - p);
        if (value is null)
        {
            return Parse.Unsure;
        }

        p = i;
        return Parse.Ok;
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
            var c = (char)chars[i];
            if (c is >= '0' and <= '9')
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
    private static bool IsNumberChar(char c) =>
        c is >= '0' and <= '9' or '-' or '+' or '.' or 'x' or 'X' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

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
            var quote = Vector128.Create((byte)'"');
            var backslash = Vector128.Create((byte)'\\');
            var controls = Vector128.Create((byte)'\r');
            ref var text = ref MemoryMarshal.GetArrayDataReference(bytes);
            for (; from < end && from <= bytes.Length - Vector128<byte>.Count; from += Vector128<byte>.Count)
            {
                var block = Vector128.LoadUnsafe(ref text, (nuint)from);
                var hits = (Vector128.Equals(block, quote) | Vector128.Equals(block, backslash) | Vector128.LessThanOrEqual(block, controls)).ExtractMostSignificantBits();
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

    /// <summary>What Json.NET accepts right after a value that this parser reads too.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EndsValue(char c) => c is ',' or '}' or ']' or ' ' or '\t' or '\n' or '\r';

    /// <summary>
    /// Past spaces, tabs and line ends (counting lines as Json.NET does: LF, CR LF and a lone CR each
    /// end one). <see cref="Parse.End"/> at the end of the text, <see cref="Parse.Unsure"/> at other
    /// white space Json.NET skips (and a NUL, which it treats in ways of its own).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Parse SkipSpace(ref int p, ref long line)
    {
        // Most often there is none: a character from '!' up to U+0084 is never white space.
        return p < _end && (uint)((char)_bytes[p] - '!') < 0x85 - '!' ? Parse.Ok : SkipSpaces(ref p, ref line);
    }

    private Parse SkipSpaces(ref int p, ref long line)
    {
        var chars = _bytes;
        while (true)
        {
            if (p >= _end)
            {
                return _ended ? Parse.End : Parse.More;
            }

            switch ((char)chars[p])
            {
                case ' ':
                case '\t':
                    p++;
                    continue;
                case '\n':
                    line++;
                    p++;
                    continue;
                case '\r':
                    if (p + 1 >= _end && !_ended)
                    {
                        return Parse.More;
                    }

                    line++;
                    p += p + 1 < _end && chars[p + 1] == '\n' ? 2 : 1;
                    continue;
                case '\0':
                    return Parse.Unsure;
                default:
                    // Past ASCII: white space or not, what follows a value or a name is ASCII, so Json.NET reads on.
                    return chars[p] >= 0x80 || char.IsWhiteSpace((char)chars[p]) ? Parse.Unsure : Parse.Ok;
            }
        }
    }

    /// <summary>
    /// Reads once more into the buffer, keeping the text from the position on (the unit being read):
    /// one block of the file. False at the end of the text, at text Json.NET refuses, or when a unit
    /// has grown past <see cref="MaxUnit"/>.
    /// </summary>
    private bool Refill()
    {
        if (_ended)
        {
            return false;
        }

        var kept = _end - _pos;
        if (kept > MaxUnit)
        {
            return false;
        }

        var target = _bytes.Length - kept < BlockSize ? new byte[Math.Max(_bytes.Length * 2, kept + BlockSize)] : _bytes;
        Buffer.BlockCopy(_bytes, _pos, target, 0, kept);
        _bytes = target;
        _pos = 0;
        _end = kept;
        // A unit is read again from its start after each read, so a long one is read in reads that double:
        // past LongUnit, the buffer (twice the last) is filled whole. Reading that far ahead of Json.NET
        // changes nothing: the text read lies more than one of its reads past the last record handed out.
        do
        {
            var read = _text.Read(_bytes, _end);
            if (read == JsonBytes.NotText)
            {
                return false;
            }

            if (read == 0)
            {
                _ended = true;
                break;
            }

            _end += read;
        }
        while (kept > LongUnit && _bytes.Length - _end >= BlockSize);

        return true;
    }

    private JsonMembers Level(int depth)
    {
        while (_levels.Count <= depth)
        {
            _levels.Add(new JsonMembers(_sets));
        }

        var members = _levels[depth];
        members.Clear();
        return members;
    }

    /// <summary>The object of the members just read, named by the names of every object like it.</summary>
    private JsonObjectRecord Build(JsonMembers members)
    {
        var record = _objects.Rent();
        var values = record.Reset(_sets.NamesOf(members));
        Array.Copy(members.Values, values, members.Count);
        return record;
    }

    private static object[] CreateSmallIntegers()
    {
        var boxes = new object[1024];
        for (var i = 0; i < boxes.Length; i++)
        {
            boxes[i] = (long)i;
        }

        return boxes;
    }

    private enum FrameKind
    {
        /// <summary>An array of records: at the top, or a records or data member.</summary>
        Records,

        /// <summary>An object that holds records (a records, data or result member).</summary>
        Holder,
    }

    private enum Holding
    {
        None,
        Records,
        Result,
    }

    /// <summary>A container the parser is inside, between records.</summary>
    private readonly record struct Frame(FrameKind Kind)
    {
        public int Items { get; init; }

        public bool AfterComma { get; init; }

        public bool AllowResult { get; init; }
    }

    /// <summary>Objects handed out for one record and taken back for the next.</summary>
    private sealed class Pool<T>
        where T : class
    {
        private readonly Func<T> _create;
        private T[] _items = Array.Empty<T>();
        private int _used;

        public Pool(Func<T> create)
        {
            _create = create;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public T Rent()
        {
            var used = _used;
            var items = _items;
            if (used < items.Length)
            {
                _used = used + 1;
                return items[used];
            }

            return RentNew();
        }

        public void Reset() => _used = 0;

        private T RentNew()
        {
            Array.Resize(ref _items, Math.Max(8, _items.Length * 2));
            for (var i = _used; i < _items.Length; i++)
            {
                _items[i] = _create();
            }

            return _items[_used++];
        }
    }
}
