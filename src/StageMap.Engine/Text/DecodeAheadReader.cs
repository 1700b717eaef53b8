using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Threading;

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
/// thread, so a small file makes no thread. <see cref="Dispose"/> stops the thread and waits for it before
/// the inner reader is closed.
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
    private readonly object _gate = new();
    private readonly Queue<Block> _ready = new(Blocks);
    private readonly Stack<char[]> _free = new(Blocks);
    private Thread? _thread;
    private bool _closing;
    private char[] _current = new char[BlockSize];
    private int _position;
    private int _length;
    private int _readHere;
    private ExceptionDispatchInfo? _failure;
    private bool _ended;
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
    internal bool ReadsAhead => _thread is not null;

    public override int Peek() => Fill() ? _current[_position] : -1;

    public override int Read() => Fill() ? _current[_position++] : -1;

    public override int Read(char[] buffer, int index, int count)
    {
        if (count == 0 || !Fill())
        {
            return 0;
        }

        var n = Math.Min(count, _length - _position);
        Array.Copy(_current, _position, buffer, index, n);
        _position += n;
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_thread is not null)
            {
                lock (_gate)
                {
                    _closing = true;
                    Monitor.PulseAll(_gate);
                }

                _thread.Join();
            }

            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static long PositionOf(Stream stream) => stream.CanSeek ? stream.Position : 0;

    /// <summary>True when a character is ready at <see cref="_position"/>; false at the end of the text.</summary>
    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }

        _failure?.Throw();
        if (_ended)
        {
            return false;
        }

        if (_thread is null && _readHere < ReadHereFirst)
        {
            _readHere++;
            _length = _inner.Read(_current, 0, BlockSize);
            Volatile.Write(ref _sourcePosition, PositionOf(_source));
            _position = 0;
            _ended = _length <= 0;
            return !_ended;
        }

        var next = Next();
        _current = next.Chars;
        _position = 0;
        _length = next.Length;
        _failure = next.Failure;
        _ended = next.Last;
        if (_length > 0)
        {
            return true;
        }

        _failure?.Throw();
        return false;
    }

    /// <summary>The next block read ahead; the block read out goes back to be filled again.</summary>
    private Block Next()
    {
        lock (_gate)
        {
            _free.Push(_current);
            Monitor.PulseAll(_gate);
            if (_thread is null)
            {
                for (var i = 1; i < Blocks; i++)
                {
                    _free.Push(new char[BlockSize]);
                }

                _thread = new Thread(ReadBlocks) { IsBackground = true, Name = "StageMap file reader" };
                _thread.Start();
            }

            while (_ready.Count == 0)
            {
                Monitor.Wait(_gate);
            }

            return _ready.Dequeue();
        }
    }

    private void ReadBlocks()
    {
        while (true)
        {
            char[] chars;
            lock (_gate)
            {
                while (_free.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_closing)
                {
                    return;
                }

                chars = _free.Pop();
            }

            var block = new Block(chars, 0, null, last: false);
            try
            {
                while (block.Length < chars.Length)
                {
                    var read = _inner.Read(chars, block.Length, chars.Length - block.Length);
                    Volatile.Write(ref _sourcePosition, PositionOf(_source));
                    if (read <= 0)
                    {
                        block.Last = true;
                        break;
                    }

                    block.Length += read;
                }
            }
            catch (Exception e)
            {
                // Handed to the caller's thread, which throws it where its own read would have: after the text before it.
                block.Failure = ExceptionDispatchInfo.Capture(e);
                block.Last = true;
            }

            lock (_gate)
            {
                _ready.Enqueue(block);
                Monitor.PulseAll(_gate);
            }

            if (block.Last)
            {
                // The end of the text, or a failure: nothing more to read.
                return;
            }
        }
    }

    /// <summary>What reads of the inner reader gave: their characters, then the failure of the next read or the end of the text (<see cref="Last"/>).</summary>
    private struct Block
    {
        public char[] Chars;
        public int Length;
        public ExceptionDispatchInfo? Failure;
        public bool Last;

        public Block(char[] chars, int length, ExceptionDispatchInfo? failure, bool last)
        {
            Chars = chars;
            Length = length;
            Failure = failure;
            Last = last;
        }
    }
}
