using System;
using System.IO;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#endif
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Splits CSV text into rows and fields exactly as CsvHelper's parser did with the settings StageMap
/// has always read record files with (RFC 4180 quotes, ',' between fields, CR, LF or CRLF between
/// rows, blank lines skipped), bad data included, so a file reads as it always has; but it makes no
/// string: a field is a range of the parser's buffer (or, when quotes were taken out, of a scratch
/// buffer), valid until the next <see cref="Read"/>. Ordinary text is skipped with a vectorized
/// search for the next character that matters.
/// </summary>
/// <remarks>
/// CsvHelper's rules, kept here: a field is quoted only when its first character is a quote; in a
/// quoted field a quote toggles the quoting, except that a quote after the closing quote that does
/// not follow another quote is bad data (and from then on quotes are plain characters); a quote in an
/// unquoted field is bad data; a bad field, or a quoted one whose ends are not both quotes, keeps its
/// text with escapes taken out until a quote is followed by something else (see <see cref="BadField"/>).
/// </remarks>
internal sealed class CsvRowParser
{
    private const char Quote = '"';
    private const char Delimiter = ',';

    private readonly TextReader _text;
    private char[] _buffer = new char[64 * 1024];
    private int _end;
    private int _position;
    private bool _ended;
    private long _line = 1;
    private Field[] _fields = new Field[32];
    private char[] _scratch = new char[1024];
    private int _scratchUsed;

    public CsvRowParser(TextReader text)
    {
        _text = text;
    }

    private enum Outcome
    {
        Row,
        NoRow,
        NeedMore,
    }

    /// <summary>The fields of the row read last.</summary>
    public int Count { get; private set; }

    /// <summary>The line the row read last starts on (1-based), line breaks inside quoted fields counted.</summary>
    public long RowLine { get; private set; }

    /// <summary>Some field of the row read last is bad data (CsvHelper's BadDataFound).</summary>
    public bool RowHasBadData { get; private set; }

    /// <summary>Reads the next row; false at the end of the text.</summary>
    /// <exception cref="Text.UndecodableTextException">The text reader met a byte it cannot decode.</exception>
    public bool Read()
    {
        while (true)
        {
            switch (ParseRow())
            {
                case Outcome.Row:
                    ProcessFields();
                    return true;
                case Outcome.NoRow:
                    Count = 0;
                    return false;
                default:
                    if (!Fill())
                    {
                        _ended = true;
                    }

                    break;
            }
        }
    }

    /// <summary>Field <paramref name="index"/> of the row, quotes taken out, into <paramref name="slice"/>.</summary>
    public void GetField(int index, TextSlice slice)
    {
        ref var field = ref _fields[index];
        slice.Set(field.Value, field.ValueStart, field.ValueLength);
    }

    public ReadOnlySpan<char> FieldSpan(int index)
    {
        ref var field = ref _fields[index];
        return new ReadOnlySpan<char>(field.Value, field.ValueStart, field.ValueLength);
    }

    public string FieldString(int index)
    {
        ref var field = ref _fields[index];
        return field.ValueLength == 0 ? string.Empty : new string(field.Value, field.ValueStart, field.ValueLength);
    }

    /// <summary>One row from <see cref="_position"/>; blank lines before it are passed (and counted) for good.</summary>
    private Outcome ParseRow()
    {
        var buffer = _buffer;
        var end = _end;

        // Blank lines: a line break as the first character of a row.
        while (_position < end)
        {
            var first = buffer[_position];
            if (first == '\n')
            {
                _position++;
                _line++;
            }
            else if (first == '\r')
            {
                if (_position + 1 >= end && !_ended)
                {
                    return Outcome.NeedMore;
                }

                _position += _position + 1 < end && buffer[_position + 1] == '\n' ? 2 : 1;
                _line++;
            }
            else
            {
                break;
            }
        }

        if (_position >= end)
        {
            return _ended ? Outcome.NoRow : Outcome.NeedMore;
        }

#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated && TryPlainRow(_position))
        {
            return Outcome.Row;
        }
#endif

        var p = _position;
        var fieldStart = p;
        var line = _line;
        var count = 0;
        var quotes = 0;
        var bad = false;
        var quoted = false;
        var inQuotes = false;
        var c = '\0';
        while (p < end)
        {
            var previous = c;
            c = buffer[p++];
            var firstOfField = fieldStart == p - 1;
            if (firstOfField)
            {
                quoted = c == Quote;
            }

            if (quoted)
            {
                if (c == Quote)
                {
                    quotes++;
                    if (!inQuotes && !firstOfField && previous != Quote)
                    {
                        bad = true;
                    }
                    else if (!bad)
                    {
                        inQuotes = !inQuotes;
                    }
                }

                if (inQuotes)
                {
                    if (c == '\r' || (c == '\n' && previous != '\r'))
                    {
                        line++;
                    }

                    // Inside quotes only a quote or a line break matters.
                    var skip = buffer.AsSpan(p, end - p).IndexOfAny(Quote, '\r', '\n');
                    if (skip > 0)
                    {
                        p += skip;
                        c = buffer[p - 1];
                    }
                    else if (skip < 0)
                    {
                        p = end;
                        c = buffer[p - 1];
                    }

                    continue;
                }
            }
            else if (c == Quote)
            {
                bad = true;
            }

            if (c == Delimiter)
            {
                count = Add(count, fieldStart, p - fieldStart - 1, quotes, bad);
                fieldStart = p;
                quotes = 0;
                bad = false;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                var lineEnd = 1;
                if (c == '\r')
                {
                    if (p >= end && !_ended)
                    {
                        return Outcome.NeedMore;
                    }

                    if (p < end && buffer[p] == '\n')
                    {
                        lineEnd = 2;
                        p++;
                    }
                }

                count = Add(count, fieldStart, p - fieldStart - lineEnd, quotes, bad);
                return Complete(count, p, line + 1, 0);
            }

            // Outside quotes, ordinary characters up to the next delimiter, quote or line break.
            if (!quoted || !firstOfField)
            {
                var skip = IndexOfSpecial(buffer.AsSpan(p, end - p));
                if (skip > 0)
                {
                    p += skip;
                    c = buffer[p - 1];
                }
                else if (skip < 0)
                {
                    p = end;
                    c = buffer[p - 1];
                }
            }
        }

        if (!_ended)
        {
            return Outcome.NeedMore;
        }

        // The text ends inside the row: its last field ends there. CsvHelper, which told the line from
        // the row's text, named such a row one line later when that text ends with a (quoted) line break.
        count = Add(count, fieldStart, p - fieldStart, quotes, bad);
        var last = buffer[p - 1];
        return Complete(count, p, line, last is '\r' or '\n' ? 1 : 0);
    }

    private static ReadOnlySpan<char> Specials => ",\"\r\n".AsSpan();

#if NET8_0_OR_GREATER
    private enum PlainField
    {
        Unquoted,
        Opening,
        InQuotes,
        Closed,
    }

    /// <summary>
    /// The row at <paramref name="p"/> when it is a plain one, read from where its delimiters, quotes and
    /// line breaks are, 64 characters at a time: each field unquoted without a quote in it, or quoted
    /// with no CR or LF inside, quotes inside only doubled, and a delimiter or line break right after its closing quote; the
    /// row ends on one line, 64 characters before the end of the buffer. False for anything else, with
    /// nothing read: the character-by-character parse takes the row, and its fields come out the same.
    /// </summary>
    private bool TryPlainRow(int p)
    {
        var buffer = _buffer;
        var end = _end;
        var count = 0;
        var quotes = 0;
        var fieldStart = p;
        var state = buffer[p] == Quote ? PlainField.Opening : PlainField.Unquoted;
        var block = p;
        if (end - block < 64)
        {
            return false;
        }

        var specials = SpecialsAt(buffer, block);
        while (true)
        {
            while (specials == 0)
            {
                block += 64;
                if (end - block < 64)
                {
                    return false;
                }

                specials = SpecialsAt(buffer, block);
            }

            var at = block + BitOperations.TrailingZeroCount(specials);
            specials &= specials - 1;
            var c = buffer[at];
            if (c is not (Delimiter or Quote or '\r' or '\n'))
            {
                // A character whose low byte only looks like one of them.
                continue;
            }

            switch (state)
            {
                case PlainField.Opening:
                    state = PlainField.InQuotes;
                    quotes = 1;
                    continue;
                case PlainField.InQuotes:
                    if (c == Quote)
                    {
                        state = PlainField.Closed;
                        quotes++;
                        continue;
                    }

                    if (c != Delimiter)
                    {
                        return false;
                    }

                    continue;
                case PlainField.Closed:
                    if (buffer[at - 1] != Quote)
                    {
                        // Text after the closing quote.
                        return false;
                    }

                    if (c == Quote)
                    {
                        // Two quotes: an escaped one, and the field goes on.
                        state = PlainField.InQuotes;
                        quotes++;
                        continue;
                    }

                    break;
                default:
                    if (c == Quote)
                    {
                        return false;
                    }

                    break;
            }

            count = Add(count, fieldStart, at - fieldStart, state == PlainField.Closed ? quotes : 0, bad: false);
            if (at + 1 == end)
            {
                // What follows is not read yet.
                return false;
            }

            if (c == Delimiter)
            {
                fieldStart = at + 1;
                state = buffer[fieldStart] == Quote ? PlainField.Opening : PlainField.Unquoted;
                continue;
            }

            if (c == '\r' && buffer[at + 1] == '\n')
            {
                at++;
            }

            Complete(count, at + 1, _line + 1, 0);
            return true;
        }
    }

    /// <summary>A bit for each of the 64 characters from <paramref name="start"/> whose low byte is a delimiter, a quote, a CR or an LF.</summary>
    private static ulong SpecialsAt(char[] buffer, int start)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref buffer[start]);
        var delimiter = Vector128.Create((byte)Delimiter);
        var quote = Vector128.Create((byte)Quote);
        var cr = Vector128.Create((byte)'\r');
        var lf = Vector128.Create((byte)'\n');
        ulong bits = 0;
        for (var i = 0; i < 64; i += 16)
        {
            var low = Vector128.Narrow(Vector128.LoadUnsafe(ref first, (nuint)i), Vector128.LoadUnsafe(ref first, (nuint)(i + 8)));
            var found = Vector128.Equals(low, delimiter) | Vector128.Equals(low, quote) | Vector128.Equals(low, cr) | Vector128.Equals(low, lf);
            bits |= (ulong)found.ExtractMostSignificantBits() << i;
        }

        return bits;
    }
#endif

    /// <summary>Where the first delimiter, quote or line break of <paramref name="text"/> is; -1 when it has none (<see cref="SpanSearch.IndexOfAny"/>).</summary>
    internal static int IndexOfSpecial(ReadOnlySpan<char> text) => SpanSearch.IndexOfAny(text, Specials);

    private Outcome Complete(int count, int next, long nextLine, int lineShift)
    {
        Count = count;
        RowLine = _line + lineShift;
        _position = next;
        _line = nextLine;
        return Outcome.Row;
    }

    private int Add(int count, int start, int length, int quotes, bool bad)
    {
        if (count == _fields.Length)
        {
            Array.Resize(ref _fields, count * 2);
        }

        ref var field = ref _fields[count];
        field.Start = start;
        field.Length = length;
        field.Quotes = quotes;
        field.Bad = bad;
        return count + 1;
    }

    /// <summary>Each field's text as CsvHelper gave it, and whether it reported bad data for the row.</summary>
    private void ProcessFields()
    {
        _scratchUsed = 0;
        var badData = false;
        for (var i = 0; i < Count; i++)
        {
            ref var field = ref _fields[i];
            var start = field.Start;
            var length = field.Length;
            if (length == 0)
            {
                Keep(ref field, _buffer, start, 0);
            }
            else if (field.Bad)
            {
                badData = true;
                BadField(ref field, start, length);
            }
            else if (field.Quotes == 0)
            {
                Keep(ref field, _buffer, start, length);
            }
            else if (_buffer[start] != Quote || _buffer[start + length - 1] != Quote || length == 1)
            {
                // Quoted, but the closing quote is not its last character.
                badData = true;
                BadField(ref field, start, length);
            }
            else if (field.Quotes == 2)
            {
                Keep(ref field, _buffer, start + 1, length - 2);
            }
            else
            {
                Unescape(ref field, start + 1, length - 2);
            }
        }

        RowHasBadData = badData;
    }

    private static void Keep(ref Field field, char[] buffer, int start, int length)
    {
        // Mostly the buffer the field had in the row before: compared, the reference is not stored again (no write barrier).
        if (!ReferenceEquals(field.Value, buffer))
        {
            field.Value = buffer;
        }

        field.ValueStart = start;
        field.ValueLength = length;
    }

    /// <summary>A well-quoted field's inside: each quote escapes the character after it.</summary>
    private void Unescape(ref Field field, int start, int length)
    {
        var output = Reserve(length);
        var at = _scratchUsed;
        var escaped = false;
        for (var i = start; i < start + length; i++)
        {
            var c = _buffer[i];
            if (escaped)
            {
                escaped = false;
            }
            else if (c == Quote)
            {
                escaped = true;
                continue;
            }

            output[at++] = c;
        }

        Keep(ref field, output, _scratchUsed, at - _scratchUsed);
        _scratchUsed = at;
    }

    /// <summary>
    /// A bad field: kept as it is unless it starts with a quote; then the characters after that quote,
    /// escapes taken out until an escaping quote is followed by another character, the rest as it is.
    /// </summary>
    private void BadField(ref Field field, int start, int length)
    {
        if (_buffer[start] != Quote)
        {
            Keep(ref field, _buffer, start, length);
            return;
        }

        var output = Reserve(length);
        var at = _scratchUsed;
        var escaped = false;
        var done = false;
        var c = '\0';
        for (var i = start + 1; i < start + length; i++)
        {
            var previous = c;
            c = _buffer[i];
            if (escaped)
            {
                escaped = false;
                if (c == Quote)
                {
                    continue;
                }

                if (previous == Quote)
                {
                    done = true;
                }
            }

            if (c == Quote && !done)
            {
                escaped = true;
                continue;
            }

            output[at++] = c;
        }

        Keep(ref field, output, _scratchUsed, at - _scratchUsed);
        _scratchUsed = at;
    }

    /// <summary>Room for <paramref name="length"/> more characters of this row in the scratch buffer (a new buffer when full: the row's earlier fields keep the old one).</summary>
    private char[] Reserve(int length)
    {
        if (_scratchUsed + length > _scratch.Length)
        {
            _scratch = new char[Math.Max(_scratch.Length * 2, length + 16)];
            _scratchUsed = 0;
        }

        return _scratch;
    }

    /// <summary>Moves the unread text to the buffer's start (a row that fills the buffer doubles it) and reads more after it.</summary>
    private bool Fill()
    {
        if (_ended)
        {
            return false;
        }

        var left = _end - _position;
        if (_position == 0 && _end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        else if (left > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, left);
        }

        _position = 0;
        _end = left;
        var read = _text.Read(_buffer, _end, _buffer.Length - _end);
        if (read <= 0)
        {
            return false;
        }

        _end += read;
        return true;
    }

    private struct Field
    {
        public int Start;
        public int Length;
        public int Quotes;
        public bool Bad;
        public char[] Value;
        public int ValueStart;
        public int ValueLength;
    }
}
