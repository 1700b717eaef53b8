using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A run of consecutive records read from a file, held so that another thread can convert them while
/// the reader goes on, and what converting them gave (<see cref="BatchConverter"/>): the converted
/// records' bytes, the rejects, the missing fields. A CSV row is held as its fields' text, copied into the batch's own buffer (no string
/// made); a record of another reader as its <see cref="IReusedRecord.Snapshot"/>. The buffers grow to
/// the largest batch and are kept for the next one (<see cref="Clear"/>).
/// </summary>
internal sealed class RowBatch
{
    /// <summary>Characters of CSV text after which a batch takes no more rows (so a file of very long rows keeps batches small).</summary>
    internal const int MostText = 1 << 20;

    private readonly int _capacity;
    private readonly int[] _firstField;
    private readonly int[] _fieldCount;
    private readonly long[] _line;
    private readonly ConversionFailure?[] _failure;
    private readonly IInputRecord?[] _kept;
    private readonly List<KeyValuePair<IInputRecord, ConversionFailure>> _rejectedRecords = new();
    private char[] _text = new char[16 * 1024];
    private int _textUsed;
    private int[] _fieldStart = new int[1024];
    private int[] _fieldLength = new int[1024];
    private int _fieldsUsed;
    private CsvHeader? _header;
    private readonly TextSlice _field = new();

    /// <param name="rejects">Rejected records are written to a file (formatted in <see cref="Rejects"/>), not handed to a caller.</param>
    public RowBatch(int capacity, ConversionPlan plan, bool rejects)
    {
        _capacity = capacity;
        _firstField = new int[capacity];
        _fieldCount = new int[capacity];
        _line = new long[capacity];
        _failure = new ConversionFailure?[capacity];
        _kept = new IInputRecord?[capacity];
        Rejects = rejects ? new FormattedPart() : null;
        Missing = new MissingFieldTally(plan);
    }

    /// <summary>The record number (1-based, in the file) of the batch's first record.</summary>
    public long FirstRecord { get; private set; }

    public int Count { get; private set; }

    public bool IsFull => Count == _capacity || _textUsed >= MostText;

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
        _textUsed = 0;
        _fieldsUsed = 0;
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
            _header = row.Header;
            AddFields(row, at);
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
    public IInputRecord RecordAt(int index, BatchRow view)
    {
        if (_kept[index] is { } kept)
        {
            return kept;
        }

        view.MoveTo(this, _header!, _firstField[index], _fieldCount[index]); // a row without a kept record is a CSV row, which set the header
        return view;
    }

    /// <summary>Why the reader could not make a record of row <paramref name="index"/>, or null.</summary>
    public ConversionFailure? ReadFailureAt(int index) => _failure[index];

    /// <summary>The line record <paramref name="index"/> starts on.</summary>
    public long LineAt(int index) => _line[index];

    public void KeepRejected(IInputRecord record, ConversionFailure failure) =>
        _rejectedRecords.Add(new KeyValuePair<IInputRecord, ConversionFailure>(record, failure));

    internal char[] Text => _text;

    internal int FieldStart(int field) => _fieldStart[field];

    internal int FieldLength(int field) => _fieldLength[field];

    private void AddFields(CsvRow row, int at)
    {
        var count = row.Count;
        if (_fieldsUsed + count > _fieldStart.Length)
        {
            var size = Math.Max(_fieldStart.Length * 2, _fieldsUsed + count);
            Array.Resize(ref _fieldStart, size);
            Array.Resize(ref _fieldLength, size);
        }

        _firstField[at] = _fieldsUsed;
        _fieldCount[at] = count;
        if (count == 0)
        {
            return;
        }

        // A row's fields are mostly one run of the parser's text (a field with a doubled quote is not):
        // the run is copied at once, separators and all, and each field in it is placed by its offset.
        var field = _field;
        row.GetField(count - 1, field);
        var runText = field.Buffer;
        var runEnd = field.Start + field.Length;
        row.GetField(0, field);
        var runStart = ReferenceEquals(field.Buffer, runText) && field.Start <= runEnd ? field.Start : runEnd;
        var runBase = _textUsed;
        Reserve(runEnd - runStart);
        Array.Copy(runText, runStart, _text, runBase, runEnd - runStart);
        _textUsed += runEnd - runStart;
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                row.GetField(i, field);
            }

            int start;
            if (ReferenceEquals(field.Buffer, runText) && field.Start >= runStart && field.Start + field.Length <= runEnd)
            {
                start = runBase + field.Start - runStart;
            }
            else
            {
                start = _textUsed;
                Reserve(field.Length);
                Array.Copy(field.Buffer, field.Start, _text, start, field.Length);
                _textUsed += field.Length;
            }

            _fieldStart[_fieldsUsed] = start;
            _fieldLength[_fieldsUsed] = field.Length;
            _fieldsUsed++;
        }
    }

    private void Reserve(int chars)
    {
        if (_textUsed + chars > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textUsed + chars));
        }
    }
}

/// <summary>
/// A CSV row of a <see cref="RowBatch"/>, named by the header, as <see cref="CsvRow"/> shows the row the
/// parser is on: a field's value is its text in the batch (<see cref="TextSlice"/>), valid until the view
/// moves to another row; <see cref="Snapshot"/> keeps a row. Each converting thread has a view of its own.
/// </summary>
internal sealed class BatchRow : IReusedRecord, IColumnRecord
{
    private RowBatch? _batch;
    private CsvHeader? _header;
    private int _first;
    private TextSlice[] _slices = Array.Empty<TextSlice>();

    public int Count { get; private set; }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                yield return new KeyValuePair<string, object?>(_header!.NameOf(i), FieldString(i));
            }
        }
    }

    public void MoveTo(RowBatch batch, CsvHeader header, int first, int count)
    {
        _batch = batch;
        _header = header;
        _first = first;
        Count = count;
    }

    public object Header => _header!;

    public int HeaderCount => _header!.Names.Count;

    public int ColumnOf(string field) => _header!.Find(field);

    public TextSlice Column(int column)
    {
        if (column >= _slices.Length)
        {
            Grow();
        }

        var slice = _slices[column];
        slice.Set(_batch!.Text, _batch.FieldStart(_first + column), _batch.FieldLength(_first + column));
        return slice;
    }

    public ReadOnlySpan<char> FieldText(int column) =>
        new(_batch!.Text, _batch.FieldStart(_first + column), _batch.FieldLength(_first + column));

    public bool TryGetValue(string field, out object? value)
    {
        // Find, not IndexOf: the header is shared by every converting thread, and IndexOf remembers the question.
        var i = _header!.Find(field);
        if (i >= 0 && i < Count)
        {
            value = Column(i);
            return true;
        }

        value = null;
        return false;
    }

    public IInputRecord Snapshot()
    {
        var values = new string[Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = FieldString(i);
        }

        return new CsvRecord(_header!, values);
    }

    private string FieldString(int column) => FieldText(column).ToString();

    private void Grow()
    {
        var slices = new TextSlice[Math.Max(_header!.Names.Count, Count)];
        Array.Copy(_slices, slices, _slices.Length);
        for (var i = _slices.Length; i < slices.Length; i++)
        {
            slices[i] = new TextSlice();
        }

        _slices = slices;
    }
}
