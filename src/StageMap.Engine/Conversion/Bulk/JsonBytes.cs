using System;
using System.IO;
using System.Text;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The UTF-8 bytes <see cref="JsonRecordParser"/> reads, checked as Json.NET's reading of the same file
/// would check them (<see cref="StrictTextReader"/>'s decoding, <see cref="SurrogateEscapeCheck"/>), at
/// the same reads of the file or earlier: a UTF-8 file's bytes as they are, block by block; a file in
/// another encoding decoded as before and encoded to UTF-8.
/// </summary>
internal abstract class JsonBytes
{
    /// <summary>What <see cref="Read"/> returns for text that holds an unpaired surrogate escape: Json.NET's to refuse.</summary>
    public const int NotText = -1;

    /// <summary>The room a caller of <see cref="Read"/> gives (one block of the file).</summary>
    public const int BlockSize = StrictTextReader.BlockSize;

    /// <summary>The file's text from its start: its bytes as they are when it is UTF-8 and none of it has been read.</summary>
    public static JsonBytes Over(TextReader text) =>
        text is StrictTextReader { CanReadUtf8: true } utf8 ? new Utf8Blocks(utf8) : new Encoded(new SurrogateEscapeCheck(text));

    /// <summary>
    /// The next bytes, at most <see cref="BlockSize"/>, into <paramref name="buffer"/> at
    /// <paramref name="offset"/>; 0 at the end of the text, <see cref="NotText"/> at an unpaired surrogate escape.
    /// </summary>
    /// <exception cref="UndecodableTextException">A byte the text cannot decode.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public abstract int Read(byte[] buffer, int offset);

    /// <summary>A UTF-8 file's bytes, one block of the file (decoding's block) at a time, each checked whole when it is read.</summary>
    private sealed class Utf8Blocks : JsonBytes
    {
        private readonly StrictTextReader _text;
        private SurrogateEscapes _escapes;

        public Utf8Blocks(StrictTextReader text)
        {
            _text = text;
        }

        public override int Read(byte[] buffer, int offset)
        {
            var read = _text.ReadCheckedUtf8(buffer, offset);
            return _escapes.Next(new ReadOnlySpan<byte>(buffer, offset, read)) ? read : NotText;
        }
    }

    /// <summary>
    /// Text in another encoding: all the text the decoder holds is read at once (as before, so a failure
    /// to read it comes no later than it would to Json.NET), then handed out as UTF-8 a block at a time.
    /// </summary>
    private sealed class Encoded : JsonBytes
    {
        /// <summary>More than <see cref="StrictTextReader"/> decodes from one block, so one read takes all it holds.</summary>
        private const int CharsAtOnce = 32 * 1024;

        private readonly TextReader _text;
        private readonly Encoder _encoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetEncoder();
        private readonly char[] _chars = new char[CharsAtOnce];
        private readonly byte[] _bytes = new byte[(3 * CharsAtOnce) + 4];
        private int _position;
        private int _length;

        public Encoded(TextReader text)
        {
            _text = text;
        }

        public override int Read(byte[] buffer, int offset)
        {
            while (_position == _length)
            {
                // A read may end on a surrogate pair's first half, which the encoder keeps for the next.
                var read = _text.Read(_chars, 0, _chars.Length);
                _length = _encoder.GetBytes(_chars, 0, read, _bytes, 0, flush: read == 0);
                _position = 0;
                if (read == 0)
                {
                    break;
                }
            }

            var n = Math.Min(BlockSize, _length - _position);
            Buffer.BlockCopy(_bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
    }
}
