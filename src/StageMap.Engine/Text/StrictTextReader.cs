using System;
using System.IO;
using System.Text;

namespace StageMap.Engine.Text;

/// <summary>
/// A TextReader that decodes a stream strictly: bytes invalid in the encoding raise
/// <see cref="UndecodableTextException"/> with their offset in the stream, never U+FFFD. Reads in
/// blocks, so a large file is never held whole. UTF-8 text may instead be read as the bytes it is
/// (<see cref="ReadCheckedUtf8"/>), checked as strictly, block by block, as it would be decoded.
/// </summary>
internal sealed class StrictTextReader : TextReader
{
    /// <summary>What one read of the stream asks for: the text of one block is decoded (or checked) at a time.</summary>
    public const int BlockSize = 16 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Decoder _decoder;
    private readonly string _encodingName;
    private readonly byte[] _bytes = new byte[BlockSize];
    private readonly char[] _chars;
    private readonly bool _utf8;
    private char[]? _checked;
    private bool _charsRead;
    private bool _bytesRead;

    /// <summary>True while the decoder may hold the start of a sequence the next block ends (<see cref="ReadCheckedUtf8"/>).</summary>
    private bool _sequenceOpen;
    private long _streamOffset;
    private int _charPosition;
    private int _charLength;
    private bool _ended;

    /// <param name="preambleLength">Bytes already read from the stream before it reached this reader (a byte order mark), counted in offsets.</param>
    public StrictTextReader(Stream stream, Encoding strictEncoding, long preambleLength, bool leaveOpen)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _decoder = strictEncoding.GetDecoder();
        _encodingName = StrictText.DisplayName(strictEncoding);
        _chars = new char[strictEncoding.GetMaxCharCount(BlockSize)];
        _streamOffset = preambleLength;
        _utf8 = strictEncoding.CodePage == Encoding.UTF8.CodePage;
    }

    /// <summary>True when the text is UTF-8 and none of it has been read as characters: <see cref="ReadCheckedUtf8"/> may read it.</summary>
    public bool CanReadUtf8 => _utf8 && !_charsRead;

    /// <summary>
    /// The next block of the stream's bytes (the same reads of the stream as decoding them would make),
    /// into <paramref name="buffer"/> at <paramref name="offset"/>, which has room for <see cref="BlockSize"/>
    /// bytes; 0 at the end. Each block is checked as the decoder checks it when it decodes it, so a byte
    /// the text cannot decode fails the same read that would decode it. Only while <see cref="CanReadUtf8"/>.
    /// </summary>
    /// <exception cref="UndecodableTextException">A byte is not valid UTF-8.</exception>
    public int ReadCheckedUtf8(byte[] buffer, int offset)
    {
        if (!CanReadUtf8)
        {
            throw new InvalidOperationException("The text has been read as characters, or is not UTF-8.");
        }

        _bytesRead = true;
        if (_ended)
        {
            return 0;
        }

        var read = _stream.Read(buffer, offset, BlockSize);
        var flush = read == 0;
        CheckUtf8(buffer, offset, read, flush);
        _streamOffset += read;
        _ended = flush;
        return read;
    }
    public override int Peek() => Fill() ? _chars[_charPosition] : -1;

    public override int Read() => Fill() ? _chars[_charPosition++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (count == 0 || !Fill())
        {
            return 0;
        }

        var n = Math.Min(count, _charLength - _charPosition);
        Array.Copy(_chars, _charPosition, buffer, index, n);
        _charPosition += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var text = new StringBuilder();
        while (Fill())
        {
            text.Append(_chars, _charPosition, _charLength - _charPosition);
            _charPosition = _charLength;
        }

        return text.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>True when a character is ready at <see cref="_charPosition"/>; false at the end of the stream.</summary>
    private bool Fill()
    {
        if (_bytesRead)
        {
            throw new InvalidOperationException("The text has been read as bytes.");
        }

        _charsRead = true;
        while (_charPosition >= _charLength)
        {
            if (_ended)
            {
                return false;
            }

            var read = _stream.Read(_bytes, 0, _bytes.Length);
            var flush = read == 0;
            try
            {
                _charLength = _decoder.GetChars(_bytes, 0, read, _chars, 0, flush);
            }
            catch (DecoderFallbackException e)
            {
                // Index is relative to this block; negative when the bad sequence began in the previous one.
                throw new UndecodableTextException(_streamOffset + e.Index, e.BytesUnknown ?? Array.Empty<byte>(), _encodingName);
            }

            _charPosition = 0;
            _streamOffset += read;
            _ended = flush;
        }

        return true;
    }

    /// <summary>
    /// What decoding the block would refuse: only the runs of bytes past ASCII are given to the decoder
    /// (ASCII decodes as itself and cannot fail), each with the ASCII byte after it, which ends any
    /// sequence the run left open. A run that reaches the block's end may leave a sequence open in the
    /// decoder, as decoding would; the next block is then given to it from its first byte.
    /// </summary>
    /// <exception cref="UndecodableTextException">A byte is not valid UTF-8.</exception>
    private void CheckUtf8(byte[] buffer, int offset, int count, bool flush)
    {
        _checked ??= new char[BlockSize + 4];
        var end = offset + count;
        var i = offset;
        while (i < end)
        {
            if (!_sequenceOpen)
            {
                var next = IndexOfNonAscii(new ReadOnlySpan<byte>(buffer, i, end - i));
                if (next < 0)
                {
                    break;
                }

                i += next;
            }

            var ascii = i;
            while (ascii < end && buffer[ascii] >= 0x80)
            {
                ascii++;
            }

            var fed = Math.Min(ascii + 1, end) - i;
            Check(buffer, i, fed, flush: false, blockOffset: i - offset);
            _sequenceOpen = ascii >= end;
            i += fed;
        }

        if (flush)
        {
            Check(buffer, offset, 0, flush: true, blockOffset: 0);
        }
    }

    private void Check(byte[] buffer, int index, int count, bool flush, int blockOffset)
    {
        try
        {
            _decoder.GetChars(buffer, index, count, _checked!, 0, flush);
        }
        catch (DecoderFallbackException e)
        {
            // Index is relative to the bytes given; negative when the bad sequence began before them.
            throw new UndecodableTextException(_streamOffset + blockOffset + e.Index, e.BytesUnknown ?? Array.Empty<byte>(), _encodingName);
        }
    }

    private static int IndexOfNonAscii(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
#else
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return i;
            }
        }

        return -1;
#endif
    }
}
