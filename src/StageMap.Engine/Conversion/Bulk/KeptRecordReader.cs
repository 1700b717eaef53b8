using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A record file reader whose records may be kept: a record the reader reuses for the next one is
/// handed out as its <see cref="IReusedRecord.Snapshot"/>. For callers that hold records (a list of
/// them, a record handed on to a user); the bulk paths read the reused records themselves.
/// </summary>
internal sealed class KeptRecordReader : IRecordFileReader
{
    private readonly IRecordFileReader _reader;

    public KeptRecordReader(IRecordFileReader reader)
    {
        _reader = reader;
    }

    public IReadOnlyList<string>? Header => _reader.Header;

    public long Position => _reader.Position;

    public long Length => _reader.Length;

    public long RecordLine => _reader.RecordLine;

    public IEnumerable<InputItem> Read()
    {
        foreach (var item in _reader.Read())
        {
            yield return item.Record is IReusedRecord reused ? new InputItem(reused.Snapshot(), item.Failure) : item;
        }
    }

    public void Dispose() => _reader.Dispose();
}
