using System;
using System.IO;
using System.Text;

namespace StageMap.Engine.Text;

/// <summary>
/// A TextReader that decodes a stream strictly: bytes invalid in the encoding raise
/// <see cref="UndecodableTextException"/> with their offset in the stream, never U+FFFD. Reads in
/// blocks, so a large file is never held whole.
/// </summary>
internal sealed class StrictTextReader : TextReader
{
    private const int ByteBufferSize = 16 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Decoder _decoder;
    private readonly string _encodingName;
    private readonly byte[] _bytes = new byte[ByteBufferSize];
    private readonly char[] _chars;
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
        _chars = new char[strictEncoding.GetMaxCharCount(ByteBufferSize)];
        _streamOffset = preambleLength;
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
}
