using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>Streams the records of a file, one at a time.</summary>
internal interface IRecordFileReader : IDisposable
{
    /// <summary>The CSV header, or null for JSON.</summary>
    IReadOnlyList<string>? Header { get; }

    /// <summary>Bytes read so far (the reader buffers ahead, so this runs a little early).</summary>
    long Position { get; }

    long Length { get; }

    /// <summary>The line the record last read starts on (1-based).</summary>
    long RecordLine { get; }

    IEnumerable<InputItem> Read();
}

/// <summary>Opens the reader for a record file's format.</summary>
internal static class RecordFileReaders
{
    /// <summary>A reader over <paramref name="stream"/> (left open), its text decoded strictly: a byte order mark, else <paramref name="encoding"/>, else UTF-8.</summary>
    /// <exception cref="StageMapException">InvalidRecordFile: a CSV header that is empty, or has a column without a name or a name twice.</exception>
    public static IRecordFileReader Open(Stream stream, string path, RecordFileFormat format, Encoding? encoding)
    {
        var text = StrictText.OpenReader(stream, encoding, leaveOpen: true);
        return format == RecordFileFormat.Csv
            ? new CsvRecordReader(stream, text, path, encodingNamed: encoding is not null)
            : new JsonRecordReader(stream, text, path, encodingNamed: encoding is not null);
    }
}
