using System;
using System.IO;

namespace StageMap.Engine.Text;

/// <summary>A read-only stream: some bytes already read from a stream, then the rest of it.</summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _prefixEnd;
    private readonly Stream _rest;
    private readonly bool _leaveOpen;
    private int _prefixPosition;

    public PrefixedStream(byte[] prefix, int prefixStart, int prefixEnd, Stream rest, bool leaveOpen)
    {
        _prefix = prefix;
        _prefixPosition = prefixStart;
        _prefixEnd = prefixEnd;
        _rest = rest;
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_prefixPosition < _prefixEnd)
        {
            var n = Math.Min(count, _prefixEnd - _prefixPosition);
            Array.Copy(_prefix, _prefixPosition, buffer, offset, n);
            _prefixPosition += n;
            return n;
        }

        return _rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _rest.Dispose();
        }

        base.Dispose(disposing);
    }
}
