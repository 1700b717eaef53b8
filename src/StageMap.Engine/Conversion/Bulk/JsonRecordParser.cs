using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
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
/// <para>
/// The reading steps take a position in the buffer and return the position after what they read, or
/// one of the codes below it (<see cref="NeedMore"/>, <see cref="NotSure"/>, <see cref="TextEnded"/>),
/// so the loop over an object's members keeps its position in a register; the line count, which only
/// white space and strings with line ends move, is a field (<see cref="_scanLine"/>).
/// </para>
/// </remarks>
internal sealed partial class JsonRecordParser
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

    /// <summary>In place of a position: the text in hand ends inside the unit (read more, and the unit again).</summary>
    private const int NeedMore = -1;

    /// <summary>In place of a position: the parser is not sure the text reads as Json.NET reads it.</summary>
    private const int NotSure = -2;

    /// <summary>In place of a position, from <see cref="SkipSpaces"/> only: the text ended (between units, the end; inside one, <see cref="NotSure"/>).</summary>
    private const int TextEnded = -3;

    /// <summary>In place of a position, from a top-level object: it holds records, and the parser is now inside it (<see cref="HoldsRecords"/>).</summary>
    private const int HeldRecords = -4;

    private readonly JsonBytes _text;
    private readonly List<Frame> _frames = new();
    private readonly JsonNameSets _sets = new();
    private readonly Pool<TextSlice> _texts = new(() => new TextSlice());
    private readonly Pool<ValueList> _lists = new(() => new ValueList());
    private readonly Pool<JsonObjectRecord> _objects = new(() => new JsonObjectRecord());
    private readonly List<JsonMembers> _levels = new();
    private byte[] _bytes = new byte[4 * BlockSize];
    private int _pos;
    private int _end;
    private bool _ended;
    private long _line = 1;

    /// <summary>The line of the position being read in the unit (<see cref="_line"/> is that of <see cref="_pos"/>).</summary>
    private long _scanLine;
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
    }

    /// <summary>What a member of an object may hold: records (a records or data array, at the top), and also a result object (at the very top).</summary>
    private enum Holders
    {
        None,
        Records,
        RecordsOrResult,
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

    /// <summary>What a reading step's code means for the unit: read more and the unit again, or hand over.</summary>
    private static Parse Failed(int code) => code == NeedMore ? Parse.More : Parse.Unsure;

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
        _scanLine = _line;
        var p = SkipSpace(_pos);
        if (p is NeedMore or NotSure)
        {
            return Failed(p);
        }

        if (_frames.Count == 0 && !_resultPending)
        {
            // Between top-level values.
            if (p == TextEnded)
            {
                if (!_sawValue)
                {
                    // An empty file: Json.NET's reader says so.
                    return Parse.Unsure;
                }

                Commit(_end);
                _finished = true;
                return Parse.Ok;
            }

            switch (_bytes[p])
            {
                case (byte)'{':
                    return TopObject(p, Holders.RecordsOrResult, out record);
                case (byte)'[':
                    _sawValue = true;
                    _frames.Add(new Frame(FrameKind.Records));
                    Commit(p + 1);
                    return Parse.Ok;
                default:
                    return Parse.Unsure;
            }
        }

        if (p == TextEnded)
        {
            return Parse.Unsure;
        }

        if (_resultPending)
        {
            // The value of a top-level object's "result", an object: it holds records, or is one.
            _resultPending = false;
            var result = TopObject(p, Holders.Records, out record);
            _resultPending = result != Parse.Ok;
            return result;
        }

        var frame = _frames[_frames.Count - 1];
        var c = _bytes[p];
        if (frame.Kind == FrameKind.Records)
        {
            if (frame.Items > 0 && !frame.AfterComma)
            {
                if (c == ',')
                {
                    _frames[_frames.Count - 1] = frame with { AfterComma = true };
                    Commit(p + 1);
                    return Parse.Ok;
                }

                return c == ']' ? Close(p) : Parse.Unsure;
            }

            if (c == ']' && frame.Items == 0)
            {
                return Close(p);
            }

            if (c != '{')
            {
                return Parse.Unsure;
            }

            var start = _scanLine;
            p = ReadObject(p, _frames.Count + 1, Holders.None, out var value);
            if (p < 0)
            {
                return Failed(p);
            }

            _frames[_frames.Count - 1] = frame with { Items = frame.Items + 1, AfterComma = false };
            return Hand(value!, start, p, out record);
        }

        // An object that holds records, after one of its members.
        if (c == '}')
        {
            return Close(p);
        }

        if (c != ',')
        {
            return Parse.Unsure;
        }

        var nameStart = _decodedUsed;
        p = SkipSpace(p + 1);
        p = p < 0 ? p : _bytes[p] != '"' ? NotSure : ReadString(p);
        p = p < 0 ? p : Colon(p);
        if (p < 0)
        {
            return Failed(p);
        }

        switch (Holds(new ReadOnlySpan<char>(_decoded, nameStart, _decodedUsed - nameStart), _bytes[p], frame.AllowResult ? Holders.RecordsOrResult : Holders.Records))
        {
            case Holding.Records:
                _frames.Add(new Frame(FrameKind.Records));
                Commit(p + 1);
                return Parse.Ok;
            case Holding.Result:
                _resultPending = true;
                Commit(p);
                return Parse.Ok;
            default:
                p = ReadValue(p, _frames.Count + 1, out _);
                if (p < 0)
                {
                    return Failed(p);
                }

                Commit(p);
                return Parse.Ok;
        }
    }

    /// <summary>A top-level object (or a top-level object's result): one record, or the start of the records it holds.</summary>
    private Parse TopObject(int p, Holders holders, out bool record)
    {
        record = false;
        var start = _scanLine;
        p = ReadObject(p, _frames.Count + 1, holders, out var value);
        if (p == HeldRecords)
        {
            _sawValue = true;
            return Parse.Ok;
        }

        if (p < 0)
        {
            return Failed(p);
        }

        _sawValue = true;
        return Hand(value!, start, p, out record);
    }

    private Parse Hand(JsonObjectRecord value, long start, int p, out bool record)
    {
        Record = value;
        RecordLine = start;
        Commit(p);
        record = true;
        return Parse.Ok;
    }

    private Parse Close(int p)
    {
        _frames.RemoveAt(_frames.Count - 1);
        Commit(p + 1);
        return Parse.Ok;
    }

    private void Commit(int p)
    {
        _pos = p;
        _line = _scanLine;
    }

    /// <summary>
    /// What a member of an object that may hold records holds (<paramref name="value"/> is the first
    /// byte of its value): a records or data array, a result object (where allowed), or neither.
    /// </summary>
    private static Holding Holds(ReadOnlySpan<char> name, byte value, Holders holders) =>
        value == '[' && (name.SequenceEqual("records".AsSpan()) || name.SequenceEqual("data".AsSpan())) ? Holding.Records
        : value == '{' && holders == Holders.RecordsOrResult && name.SequenceEqual("result".AsSpan()) ? Holding.Result
        : Holding.None;

    /// <summary>
    /// An object, from its opening brace at <paramref name="p"/> to just past its closing one: its
    /// members read in one loop (the name expected compared in one go, the colon and comma checked in
    /// place, a string value read here, any other by <see cref="ReadValue"/>), then named and handed out
    /// as <paramref name="value"/>. At the top of the file (<paramref name="holders"/>), a member that
    /// holds records makes the parser step into it (<see cref="HeldRecords"/>).
    /// </summary>
    private int ReadObject(int p, int depth, Holders holders, out JsonObjectRecord? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return NotSure;
        }

        var members = Level(depth);
        var bytes = _bytes;
        var end = _end;
        p++;
        if (p >= end || !IsToken(bytes[p]))
        {
            p = SkipSpaces(p);
            if (p < 0)
            {
                return p;
            }
        }

        if (bytes[p] == '}')
        {
            value = Build(members);
            return p + 1;
        }

        var expected = members.Expected;
        while (true)
        {
            // Here p is on the member's name (not white space).
            if (bytes[p] != '"')
            {
                return NotSure;
            }

            // The expected name holds no quote, backslash, line end or NUL: text equal to it and its
            // closing quote is that name, as ReadString would read it, at the cost of one comparison.
            var nameStart = _decodedUsed;
            var nameLength = 0;
            var isExpected = expected is not null && p + 1 + expected.Length <= end && expected.IsAt(bytes, p + 1);
            if (isExpected)
            {
                p += 1 + expected!.Length;
            }
            else
            {
                p = ReadString(p);
                if (p < 0)
                {
                    return p;
                }

                nameLength = _decodedUsed - nameStart;
            }

            // The colon, and p on the value.
            if (p + 1 < end && bytes[p] == ':' && IsToken(bytes[p + 1]))
            {
                p++;
            }
            else
            {
                p = Colon(p);
                if (p < 0)
                {
                    return p;
                }
            }

            object? item;
            var first = bytes[p];
            if (first == '"')
            {
                var text = _decodedUsed;
                p = ReadString(p);
                if (p < 0)
                {
                    return p;
                }

                item = TextValue(text);
            }
            else
            {
                if (holders != Holders.None && first is (byte)'[' or (byte)'{')
                {
                    var holding = Holds(isExpected ? members.ExpectedName.AsSpan() : new ReadOnlySpan<char>(_decoded, nameStart, nameLength), first, holders);
                    if (holding != Holding.None)
                    {
                        HoldsRecords(p, holding, holders);
                        return HeldRecords;
                    }
                }

                p = ReadValue(p, depth, out item);
                if (p < 0)
                {
                    return p;
                }
            }

            expected = isExpected ? members.AddExpected(item) : members.Add(_decoded, nameStart, nameLength, item);

            // After the value: a comma and the next name, or the closing brace.
            if (p + 1 < end && bytes[p] == ',' && bytes[p + 1] == '"')
            {
                p++;
                continue;
            }

            if (p < end && bytes[p] == '}')
            {
                p++;
                break;
            }

            p = AfterMember(p);
            if (p < 0)
            {
                return p;
            }

            if (bytes[p - 1] == '}')
            {
                break;
            }
        }

        value = Build(members);
        return p;
    }

    /// <summary>
    /// A top-level object's member holds records, its value at <paramref name="p"/>: the members read so
    /// far are not a record (Json.NET's reader drops them too), and the parser steps into the records.
    /// </summary>
    private void HoldsRecords(int p, Holding holding, Holders holders)
    {
        _frames.Add(new Frame(FrameKind.Holder) { AllowResult = holders == Holders.RecordsOrResult });
        if (holding == Holding.Records)
        {
            _frames.Add(new Frame(FrameKind.Records));
            p++;
        }
        else
        {
            _resultPending = true;
        }

        Commit(p);
    }

    /// <summary>From just past a member's name: past its colon, on its value (not white space).</summary>
    private int Colon(int p)
    {
        p = SkipSpace(p);
        if (p < 0)
        {
            return p;
        }

        return _bytes[p] == ':' ? SkipSpace(p + 1) : NotSure;
    }

    /// <summary>After a member's value: on the next name past its comma, or just past the closing brace.</summary>
    private int AfterMember(int p)
    {
        p = SkipSpace(p);
        if (p < 0)
        {
            return p;
        }

        switch (_bytes[p])
        {
            case (byte)'}':
                return p + 1;
            case (byte)',':
                p = SkipSpace(p + 1);
                return p < 0 || _bytes[p] == '"' ? p : NotSure;
            default:
                return NotSure;
        }
    }

    /// <summary>A value at <paramref name="p"/> (not white space); the position just past it.</summary>
    private int ReadValue(int p, int depth, out object? value)
    {
        value = null;
        switch (_bytes[p])
        {
            case (byte)'"':
                var start = _decodedUsed;
                p = ReadString(p);
                if (p >= 0)
                {
                    value = TextValue(start);
                }

                return p;
            case (byte)'{':
                p = ReadObject(p, depth + 1, Holders.None, out var nested);
                value = nested;
                return p;
            case (byte)'[':
                return ReadArray(p, depth + 1, out value);
            case (byte)'t':
                value = True;
                return ReadLiteral(p, "true");
            case (byte)'f':
                value = False;
                return ReadLiteral(p, "false");
            case (byte)'n':
                return ReadLiteral(p, "null");
            case (byte)'-':
            case >= (byte)'0' and <= (byte)'9':
                return ReadNumber(p, out value);
            default:
                return NotSure;
        }
    }

    private int ReadArray(int p, int depth, out object? value)
    {
        value = null;
        if (depth > MaxDepth)
        {
            return NotSure;
        }

        var list = _lists.Rent();
        list.Clear();
        p = SkipSpace(p + 1);
        if (p >= 0 && _bytes[p] == ']')
        {
            value = list;
            return p + 1;
        }

        while (p >= 0)
        {
            p = ReadValue(p, depth, out var item);
            if (p < 0)
            {
                return p;
            }

            list.Add(item);
            p = SkipSpace(p);
            if (p < 0)
            {
                return p;
            }

            var c = _bytes[p++];
            if (c == ']')
            {
                value = list;
                return p;
            }

            if (c != ',')
            {
                return NotSure;
            }

            // A value must follow the comma ("[1,]" is Json.NET's to read).
            p = SkipSpace(p);
            if (p >= 0 && _bytes[p] == ']')
            {
                return NotSure;
            }
        }

        return p;
    }

    /// <summary>A byte that is not white space JSON or Json.NET skips: a token's (or past ASCII, which no token begins with).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsToken(byte b) => (uint)(b - '!') < 0x85 - '!';

    /// <summary>Past any white space from <paramref name="p"/>: on the next token, or a code (<see cref="SkipSpaces"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipSpace(int p) => p < _end && IsToken(_bytes[p]) ? p : SkipSpaces(p);

    /// <summary>
    /// Past spaces, tabs and line ends (counting lines as Json.NET does: LF, CR LF and a lone CR each
    /// end one). <see cref="TextEnded"/> at the end of the text, <see cref="NotSure"/> at other
    /// white space Json.NET skips (and a NUL, which it treats in ways of its own).
    /// </summary>
    private int SkipSpaces(int p)
    {
        var bytes = _bytes;
        var end = _end;
        while (true)
        {
            if (p >= end)
            {
                return _ended ? TextEnded : NeedMore;
            }

            switch (bytes[p])
            {
                case (byte)' ':
                case (byte)'\t':
                    p++;
                    continue;
                case (byte)'\n':
                    _scanLine++;
                    p++;
                    continue;
                case (byte)'\r':
                    if (p + 1 >= end && !_ended)
                    {
                        return NeedMore;
                    }

                    _scanLine++;
                    p += p + 1 < end && bytes[p + 1] == '\n' ? 2 : 1;
                    continue;
                case 0:
                    return NotSure;
                default:
                    // Past ASCII: white space or not, what follows a value or a name is ASCII, so Json.NET reads on.
                    return bytes[p] >= 0x80 || char.IsWhiteSpace((char)bytes[p]) ? NotSure : p;
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
