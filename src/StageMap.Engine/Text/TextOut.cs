using System;
using System.IO;
using System.Text;

namespace StageMap.Engine.Text;

/// <summary>
/// Where the record writers put their text: a file as UTF-8 (<see cref="Utf8TextOut"/>) or a string
/// (<see cref="StringTextOut"/>). Callers hand it runs of text and ASCII separators.
/// </summary>
internal abstract class TextOut : IDisposable
{
    /// <summary>An ASCII character (a quote, a separator, a line end).</summary>
    public abstract void Write(char ascii);

    public abstract void Write(ReadOnlySpan<char> text);

    public void Write(string text) => Write(text.AsSpan());

    public virtual void Flush()
    {
    }

    public virtual void Dispose()
    {
    }
}

/// <summary>Text into a string.</summary>
internal sealed class StringTextOut : TextOut
{
    private readonly StringBuilder _text = new();

    public override void Write(char ascii) => _text.Append(ascii);

    public override void Write(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _text.Append(c);
        }
    }

    public override string ToString() => _text.ToString();
}

/// <summary>
/// Text written straight to a stream as UTF-8 (no byte order mark) through one buffer of bytes:
/// ASCII byte by byte, anything else through the UTF-8 encoder, which writes an unpaired surrogate
/// as U+FFFD as a StreamWriter does. Nothing reaches the stream before <see cref="Flush"/> or a full buffer.
/// Writing behind, a full buffer goes to the stream on a thread of its own (<see cref="WriteBehind"/>),
/// started when the first buffer fills (a small file is written at <see cref="Flush"/>, no thread made).
/// </summary>
internal sealed class Utf8TextOut : TextOut
{
    private const int Size = 64 * 1024;

    // Each UTF-16 code unit is at most 3 bytes of UTF-8.
    private const int LargestRun = Size / 3;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _stream;
    private readonly bool _writeBehind;
    private byte[] _bytes = new byte[Size];
    private WriteBehind? _behind;
    private int _used;

    /// <param name="writeBehind">Full buffers go to the stream on a thread of its own: for a long file the caller disposes of this writer.</param>
    public Utf8TextOut(Stream stream, bool writeBehind = false)
    {
        _stream = stream;
        _writeBehind = writeBehind;
    }

    public override void Write(char ascii)
    {
        if (_used == Size)
        {
            Drain();
        }

        _bytes[_used++] = (byte)ascii;
    }

    public override void Write(ReadOnlySpan<char> text)
    {
        while (text.Length > LargestRun)
        {
            // A long text in pieces, never between the two halves of a surrogate pair.
            var piece = char.IsHighSurrogate(text[LargestRun - 1]) ? LargestRun - 1 : LargestRun;
            Write(text.Slice(0, piece));
            text = text.Slice(piece);
        }

        if (Size - _used < text.Length * 3)
        {
            Drain();
        }

        var bytes = _bytes;
        var used = _used;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                bytes[used++] = (byte)c;
            }
            else
            {
                used += Encode(text.Slice(i), used);
                break;
            }
        }

        _used = used;
    }

    /// <summary>Bytes already UTF-8 (text another writer formatted), appended as they are.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            if (_used == Size)
            {
                Drain();
            }

            var n = Math.Min(bytes.Length, Size - _used);
            bytes.Slice(0, n).CopyTo(_bytes.AsSpan(_used));
            _used += n;
            bytes = bytes.Slice(n);
        }
    }

    public override void Flush()
    {
        if (_behind is null)
        {
            // No buffer filled yet (or not writing behind): what there is is written here, on this thread,
            // so a small file makes no writing thread.
            WriteHere();
            _stream.Flush();
            return;
        }

        Drain();
        _behind.Flush();
    }

    /// <summary>Stops the writing thread, if there is one; what was not flushed is not written.</summary>
    public override void Dispose()
    {
        _behind?.Dispose();
        _behind = null;
        base.Dispose();
    }

    /// <summary>
    /// Room for <paramref name="count"/> bytes written straight into <paramref name="bytes"/> from
    /// <paramref name="at"/>, then <see cref="Advance"/>; false when no buffer holds that many.
    /// </summary>
    public bool TryReserve(int count, out byte[] bytes, out int at)
    {
        if (Size - _used < count)
        {
            Drain();
        }

        bytes = _bytes;
        at = _used;
        return count <= Size;
    }

    public void Advance(int count) => _used += count;

    /// <summary>Non-ASCII text into the reserved bytes at <paramref name="at"/>; the bytes written.</summary>
    public int EncodeAt(ReadOnlySpan<char> text, int at) => Encode(text, at);

    private unsafe int Encode(ReadOnlySpan<char> text, int at)
    {
        fixed (char* chars = text)
        fixed (byte* bytes = &_bytes[at])
        {
            return Utf8.GetBytes(chars, text.Length, bytes, Size - at);
        }
    }

    private void Drain()
    {
        if (!_writeBehind)
        {
            WriteHere();
            return;
        }

        if (_used > 0)
        {
            _behind ??= new WriteBehind(_stream, Size);
            _bytes = _behind.Hand(_bytes, _used);
            _used = 0;
        }
    }

    private void WriteHere()
    {
        if (_used > 0)
        {
            _stream.Write(_bytes, 0, _used);
            _used = 0;
        }
    }
}
