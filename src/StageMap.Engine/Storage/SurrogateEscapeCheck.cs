using System;
using System.IO;
using Newtonsoft.Json;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>
/// JSON text as Json.NET reads it, refusing an unpaired UTF-16 surrogate escape ("\ud800" alone, or a
/// low surrogate first): valid JSON syntax, but not text, and Json.NET would turn it into U+FFFD
/// silently. It raises a JsonReaderException with line and position, which every JSON reader already
/// turns into its own StageMap failure. Streams: it looks at each block as Json.NET asks for it.
/// </summary>
internal sealed class SurrogateEscapeCheck : TextReader
{
    private readonly TextReader _inner;
    private SurrogateEscapes _escapes;
    private int _line = 1;
    private int _position;

    public SurrogateEscapeCheck(TextReader inner)
    {
        _inner = inner;
    }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        var c = _inner.Read();
        if (c >= 0)
        {
            Check((char)c);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var read = _inner.Read(buffer, index, count);
        for (var i = index; i < index + read; i++)
        {
            // Most text has no backslash at all: skip to the next one.
            if (_escapes.InText)
            {
                var next = Array.IndexOf(buffer, '\\', i, index + read - i);
                var to = next < 0 ? index + read : next;
                CountLines(buffer, i, to);
                if (next < 0)
                {
                    break;
                }

                i = next;
            }

            Check(buffer[i]);
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>What <see cref="Check"/> counts, for text with no backslash: the line ends, and the characters after the last.</summary>
    private void CountLines(char[] buffer, int from, int to)
    {
        var text = new ReadOnlySpan<char>(buffer, from, to - from);
        var last = text.LastIndexOf('\n');
        if (last < 0)
        {
            _position += text.Length;
            return;
        }

        _line += SpanSearch.Count(text.Slice(0, last), '\n') + 1;
        _position = text.Length - last - 1;
    }

    private void Check(char c)
    {
        if (c == '\n')
        {
            _line++;
            _position = 0;
        }
        else
        {
            _position++;
        }

        if (!_escapes.Next(c))
        {
            throw Unpaired();
        }
    }

    private JsonReaderException Unpaired() => new(
        $"An unpaired UTF-16 surrogate escape (such as \\ud800 without its low half) is not text. Line {_line}, position {_position}.",
        "", _line, _position, null);
}

/// <summary>
/// What <see cref="SurrogateEscapeCheck"/> looks for, one character at a time: a \u escape of a UTF-16
/// surrogate that is not the high half followed at once by an escape of the low half.
/// </summary>
internal struct SurrogateEscapes
{
    private State _state;
    private int _hexDigits;
    private int _unit;

    private enum State
    {
        Text,
        Escape,
        Hex,
        AfterHighSurrogate,
        AfterHighSurrogateBackslash,
        LowSurrogateHex,
    }

    /// <summary>True outside an escape: the text may be passed over up to its next backslash.</summary>
    public readonly bool InText => _state == State.Text;

    /// <summary>
    /// Looks at UTF-8 bytes (a JSON text's escapes are ASCII; a byte of a longer sequence is, like the
    /// character it is part of, none of a backslash, a 'u' or a hex digit). False at an unpaired surrogate escape.
    /// </summary>
    public bool Next(ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (_state == State.Text)
            {
                var next = bytes.Slice(i).IndexOf((byte)'\\');
                if (next < 0)
                {
                    return true;
                }

                i += next;
            }

            if (!Next((char)bytes[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>False at the character that makes a surrogate escape unpaired.</summary>
    public bool Next(char c)
    {
        switch (_state)
        {
            case State.Text:
                _state = c == '\\' ? State.Escape : State.Text;
                break;
            case State.Escape:
                _state = c == 'u' ? State.Hex : State.Text;
                _hexDigits = 0;
                _unit = 0;
                break;
            case State.Hex:
            case State.LowSurrogateHex:
                if (!Uri.IsHexDigit(c))
                {
                    // Not an escape Json.NET accepts either; it reports it.
                    _state = State.Text;
                    break;
                }

                _unit = (_unit * 16) + Uri.FromHex(c);
                if (++_hexDigits < 4)
                {
                    break;
                }

                var low = char.IsLowSurrogate((char)_unit);
                if (_state == State.LowSurrogateHex ? !low : low)
                {
                    return false;
                }

                _state = _state == State.Hex && char.IsHighSurrogate((char)_unit) ? State.AfterHighSurrogate : State.Text;
                break;
            case State.AfterHighSurrogate:
                if (c != '\\')
                {
                    return false;
                }

                _state = State.AfterHighSurrogateBackslash;
                break;
            case State.AfterHighSurrogateBackslash:
                if (c != 'u')
                {
                    return false;
                }

                _state = State.LowSurrogateHex;
                _hexDigits = 0;
                _unit = 0;
                break;
        }

        return true;
    }
}
