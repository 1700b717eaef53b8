using System;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;
using StageMap.Engine.Threading;

namespace StageMap.Engine.Text;

/// <summary>
/// Reads a text reader ahead on a thread of its own: a bulk conversion's file is read and decoded on the
/// second core while the converting thread parses and converts the text before it. A few blocks of
/// characters circulate and are reused; none is made per read.
/// </summary>
/// <remarks>
/// The caller gets the text it would have got from the reader itself, and a read of the inner reader that
/// failed (a byte the text cannot decode, a file that cannot be read) fails the caller's read that reaches
/// it, with the same exception, after every character before it: where the text stops is the same. A block
/// holds several reads of the inner reader, so that the threads hand over a block every 64 Ki characters
/// (some 400 CSV rows), not every read. The first blocks are read on the caller's
/// thread, so a small file makes no thread. The blocks are read in turn on one of
/// <see cref="OrderedBatchThreads{TBatch}"/>: a block read out is given back to be filled again, and the caller takes
/// the oldest. <see cref="Dispose"/> stops the thread and waits for it before the inner reader is closed.
/// </remarks>
internal sealed class DecodeAheadReader : TextReader
{
    /// <summary>Characters a block holds: several reads of a <see cref="StrictTextReader"/> (16 KiB of bytes each).</summary>
    internal const int BlockSize = 64 * 1024;

    /// <summary>Reads done on the caller's thread before reading ahead starts (the first may be only a byte order mark's worth).</summary>
    internal const int ReadHereFirst = 4;

    private const int Blocks = 3;

    private readonly TextReader _inner;
    private readonly Stream _source;
    private OrderedBatchThreads<Block>? _reading;
    private Block _current = new();
    private int _position;
    private int _readHere;
    private long _sourcePosition;

    /// <param name="source">The stream under <paramref name="inner"/>: its position is taken after each read, where the read is done.</param>
    public DecodeAheadReader(TextReader inner, Stream source)
    {
        _inner = inner;
        _source = source;
        _sourcePosition = PositionOf(source);
    }

    /// <summary>How far the source stream has been read, for progress (the stream itself is being read on another thread).</summary>
    public long SourcePosition => Volatile.Read(ref _sourcePosition);

    /// <summary>Whether the thread reading ahead was started (the file was longer than the first blocks).</summary>
    internal bool ReadsAhead => _reading is not null;

    public override int Peek() => Fill() ? _current.Chars[_position] : -1;

    public override int Read() => Fill() ? _current.Chars[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (count == 0 || !Fill())
        {
            return 0;
        }

        var n = Math.Min(count, _current.Length - _position);
        Array.Copy(_current.Chars, _position, buffer, index, n);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reading?.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static long PositionOf(Stream stream) => stream.CanSeek ? stream.Position : 0;

    /// <summary>True when a character is ready at <see cref="_position"/>; false at the end of the text.</summary>
    private bool Fill()
    {
        if (_position < _current.Length)
        {
            return true;
        }

        _current.Failure?.Throw();
        if (_current.Last)
        {
            return false;
        }

        _position = 0;
        if (_reading is null && _readHere < ReadHereFirst)
        {
            _readHere++;
            _current.Length = _inner.Read(_current.Chars, 0, BlockSize);
            Volatile.Write(ref _sourcePosition, PositionOf(_source));
            _current.Last = _current.Length <= 0;
            return !_current.Last;
        }

        _current = Next();
        if (_current.Length > 0)
        {
            return true;
        }

        _current.Failure?.Throw();
        return false;
    }

    /// <summary>The next block read ahead; the block read out goes back to be filled again.</summary>
    private Block Next()
    {
        if (_reading is null)
        {
            _reading = new OrderedBatchThreads<Block>("StageMap file reader", 1, ReadBlocks);
            for (var i = 1; i < Blocks; i++)
            {
                _reading.Give(new Block());
            }
        }

        _reading.Give(_current);
        return _reading.TakeOldest();
    }

    /// <summary>The reading thread's work: fills each block given with the next reads of the inner reader.</summary>
    private Action<Block> ReadBlocks()
    {
        var ended = false; // the end of the text, or a failure: nothing more to read, whatever blocks are given after
        return block =>
        {
            block.Length = 0;
            try
            {
                while (!ended && block.Length < block.Chars.Length)
                {
                    var read = _inner.Read(block.Chars, block.Length, block.Chars.Length - block.Length);
                    Volatile.Write(ref _sourcePosition, PositionOf(_source));
                    if (read <= 0)
                    {
                        ended = true;
                        break;
                    }

                    block.Length += read;
                }
            }
            catch (Exception e)
            {
                // Handed to the caller's thread, which throws it where its own read would have: after the text before it.
                block.Failure = ExceptionDispatchInfo.Capture(e);
                ended = true;
            }

            block.Last = ended;
        };
    }

    /// <summary>What reads of the inner reader gave: their characters, then the failure of the next read or the end of the text (<see cref="Last"/>).</summary>
    private sealed class Block
    {
        public readonly char[] Chars = new char[BlockSize];
        public int Length;
        public ExceptionDispatchInfo? Failure;
        public bool Last;
    }
}
