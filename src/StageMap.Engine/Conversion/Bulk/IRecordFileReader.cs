using System;
using System.Collections.Generic;

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

