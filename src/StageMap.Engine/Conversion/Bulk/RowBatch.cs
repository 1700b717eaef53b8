using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A run of consecutive records read from a file, held so that another thread can convert them while
/// the reader goes on, and what converting them gave (<see cref="BatchConverter"/>): the converted
/// records' bytes, the rejects, the missing fields. A CSV row is held as its fields' text
/// (<see cref="CopiedRows"/>, no string made); a record of another reader as its
/// <see cref="IReusedRecord.Snapshot"/>. The buffers grow to the largest batch and are kept for the next
/// one (<see cref="Clear"/>).
/// </summary>
internal sealed class RowBatch
{
    /// <summary>Characters of CSV text after which a batch takes no more rows (so a file of very long rows keeps batches small).</summary>
    internal const int MostText = 1 << 20;

    private readonly int _capacity;
    private readonly CopiedRows _rows = new();
    private readonly int[] _rowOf;
    private readonly long[] _line;
    private readonly ConversionFailure?[] _failure;
    private readonly IInputRecord?[] _kept;
    private readonly List<KeyValuePair<IInputRecord, ConversionFailure>> _rejectedRecords = new();

    /// <param name="rejects">Rejected records are written to a file (formatted in <see cref="Rejects"/>), not handed to a caller.</param>
    public RowBatch(int capacity, ConversionPlan plan, bool rejects)
    {
        _capacity = capacity;
        _rowOf = new int[capacity];
        _line = new long[capacity];
        _failure = new ConversionFailure?[capacity];
        _kept = new IInputRecord?[capacity];
        Rejects = rejects ? new FormattedPart() : null;
        Missing = new MissingFieldTally(plan);
    }

    /// <summary>The record number (1-based, in the file) of the batch's first record.</summary>
    public long FirstRecord { get; private set; }

    public int Count { get; private set; }

    public bool IsFull => Count == _capacity || _rows.TextLength >= MostText;

    /// <summary>The reader failed after the batch's records: thrown once they are taken in.</summary>
    public ExceptionDispatchInfo? ReadFailure { get; set; }

    /// <summary>The file has no records after this batch's (its end, or <see cref="ReadFailure"/>).</summary>
    public bool Last { get; set; }

    /// <summary>The converted records, formatted.</summary>
    public FormattedPart Output { get; } = new();

    /// <summary>The rejected records, formatted, or null when each goes to a caller (<see cref="RejectedRecords"/>).</summary>
    public FormattedPart? Rejects { get; }

    public MissingFieldTally Missing { get; }

    public int Written { get; set; }

    public int Rejected { get; set; }

    /// <summary>With no reject writer: each rejected record (a copy of its own) and why, in order.</summary>
    public IReadOnlyList<KeyValuePair<IInputRecord, ConversionFailure>> RejectedRecords => _rejectedRecords;

    /// <summary>Empties the batch for the records from <paramref name="firstRecord"/> on.</summary>
    public void Clear(long firstRecord)
    {
        FirstRecord = firstRecord;
        Array.Clear(_kept, 0, Count);
        Array.Clear(_failure, 0, Count);
        _rejectedRecords.Clear();
        Count = 0;
        _rows.Clear();
        ReadFailure = null;
        Last = false;
        Written = 0;
        Rejected = 0;
    }

    /// <summary>Adds the record the reader is on (the reader moves on after): a CSV row's text is copied, another record snapshotted.</summary>
    public void Add(InputItem item, long line)
    {
        var at = Count;
        if (item.Record is CsvRow row)
        {
            _rowOf[at] = _rows.Add(row);
        }
        else
        {
            _kept[at] = item.Record is IReusedRecord reused ? reused.Snapshot() : item.Record;
        }

        _failure[at] = item.Failure;
        _line[at] = line;
        Count = at + 1;
    }

    /// <summary>Record <paramref name="index"/>: kept as it was, or a CSV row shown through <paramref name="view"/> (valid until the view moves).</summary>
    public IInputRecord RecordAt(int index, CopiedRow view) => _kept[index] ?? view.MoveTo(_rows, _rowOf[index]);

    /// <summary>Why the reader could not make a record of row <paramref name="index"/>, or null.</summary>
    public ConversionFailure? ReadFailureAt(int index) => _failure[index];

    /// <summary>The line record <paramref name="index"/> starts on.</summary>
    public long LineAt(int index) => _line[index];

    public void KeepRejected(IInputRecord record, ConversionFailure failure) =>
        _rejectedRecords.Add(new KeyValuePair<IInputRecord, ConversionFailure>(record, failure));
}
