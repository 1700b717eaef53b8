using System;
using System.Collections.Generic;
using System.IO;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// What the CSV and JSON record readers share: the file under them (for progress), its text decoded
/// strictly, and how a byte that text cannot decode is reported (InvalidRecordFile at its offset).
/// </summary>
internal abstract class RecordFileReader : IRecordFileReader
{
    private readonly Stream _stream;

    /// <param name="stream">The file, for progress (its position and length).</param>
    /// <param name="text">The file's text, decoded strictly (<see cref="StrictText"/>).</param>
    /// <param name="encodingNamed">The user named the encoding (so an undecodable byte does not suggest one).</param>
    protected RecordFileReader(Stream stream, TextReader text, string path, bool encodingNamed)
    {
        _stream = stream;
        Text = text;
        FilePath = path;
        EncodingNamed = encodingNamed;
    }

    public abstract IReadOnlyList<string>? Header { get; }

    /// <summary>How far the file has been read (by the thread reading ahead, when there is one).</summary>
    public virtual long Position => Text is DecodeAheadReader ahead ? ahead.SourcePosition : _stream.Position;

    public long Length => _stream.Length;

    public abstract long RecordLine { get; }

    protected TextReader Text { get; }

    protected string FilePath { get; }

    /// <summary>The user named the encoding (so an undecodable byte does not suggest one).</summary>
    protected bool EncodingNamed { get; }

    public abstract IEnumerable<InputItem> Read();

    public virtual void Dispose() => Text.Dispose();

    /// <summary>Runs one step of reading; a byte the text cannot decode stops the file with InvalidRecordFile.</summary>
    protected bool Decoding(Func<bool> step)
    {
        try
        {
            return step();
        }
        catch (UndecodableTextException e)
        {
            throw Failures.UndecodableRecordFile(FilePath, e.Problem, EncodingNamed, e);
        }
    }
}
