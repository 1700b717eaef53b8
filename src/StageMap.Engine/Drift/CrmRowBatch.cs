using System;
using System.Collections.Generic;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Engine.Drift;

/// <summary>
/// Which columns of a CSV file the join and the pull read, and where a copied row keeps them: the
/// columns named by <see cref="DriftStages.FieldsRead"/> and the join's key and name fields. A wide export
/// has many more columns than that, and a row is copied on the reading thread, so the others are left.
/// </summary>
internal sealed class CrmRowLayout
{
    /// <param name="header">The file's column names (checked by the reader: each named once).</param>
    /// <param name="read">The field names anything asks a row for; a dotted name also keeps the column named by its first part.</param>
    public CrmRowLayout(IReadOnlyList<string> header, IEnumerable<string> read)
    {
        Header = header;
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in read)
        {
            wanted.Add(name);
            var dot = name.IndexOf('.');
            if (dot > 0)
            {
                wanted.Add(name.Substring(0, dot));
            }
        }

        var columns = new List<int>();
        SlotOfColumn = new int[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            SlotOfColumn[i] = wanted.Contains(header[i]) ? columns.Count : -1;
            if (SlotOfColumn[i] >= 0)
            {
                columns.Add(i);
            }
        }

        Columns = columns.ToArray();
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The header positions of the columns a row keeps, in order.</summary>
    public int[] Columns { get; }

    /// <summary>For each header position, its place among <see cref="Columns"/>, or -1 when it is not kept.</summary>
    public int[] SlotOfColumn { get; }
}

/// <summary>
/// Rows of the held CRM file copied out of the CSV reader (which reuses its row), so that another thread
/// can work out their pull outcomes while the reader goes on; with what the join made of each row.
/// </summary>
internal sealed class CrmRowBatch
{
    private readonly CrmRowLayout _layout;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _fieldCounts;
    private readonly ConversionFailure?[] _failures;
    private char[] _text = new char[4096];
    private int _textLength;

    public CrmRowBatch(CrmRowLayout layout, int capacity)
    {
        _layout = layout;
        Capacity = Math.Max(1, capacity);
        _starts = new int[Capacity * layout.Columns.Length];
        _lengths = new int[Capacity * layout.Columns.Length];
        _fieldCounts = new int[Capacity];
        _failures = new ConversionFailure?[Capacity];
        Keys = new JoinKey?[Capacity];
        Held = new bool[Capacity];
        Outcomes = new int[Capacity];
    }

    public CrmRowLayout Layout => _layout;

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Each row's key as the join compares it (null for none), set by the joining thread.</summary>
    public JoinKey?[] Keys { get; }

    /// <summary>Whether each row's key went into the key set (its payload is that row's outcome).</summary>
    public bool[] Held { get; }

    /// <summary>Each row's interned pull outcome, set by the thread that works them out.</summary>
    public int[] Outcomes { get; }

    /// <summary>Copies the row the reader is on, with why it is not a record when it is not.</summary>
    public void Add(CsvRow row, ConversionFailure? failure)
    {
        var columns = _layout.Columns;
        var at = Count * columns.Length;
        for (var k = 0; k < columns.Length; k++)
        {
            var text = columns[k] < row.Count ? row.FieldText(columns[k]) : ReadOnlySpan<char>.Empty;
            if (_textLength + text.Length > _text.Length)
            {
                Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
            }

            text.CopyTo(_text.AsSpan(_textLength));
            _starts[at + k] = _textLength;
            _lengths[at + k] = text.Length;
            _textLength += text.Length;
        }

        _fieldCounts[Count] = row.Count;
        _failures[Count] = failure;
        Count++;
    }

    public void Clear()
    {
        Array.Clear(_failures, 0, Count);
        Count = 0;
        _textLength = 0;
    }

    public ConversionFailure? FailureAt(int row) => _failures[row];

    public int FieldCountAt(int row) => _fieldCounts[row];

    /// <summary>Points <paramref name="slice"/> at the kept column <paramref name="slot"/> of a row.</summary>
    public void GetField(int row, int slot, TextSlice slice)
    {
        var at = row * _layout.Columns.Length + slot;
        slice.Set(_text, _starts[at], _lengths[at]);
    }
}

/// <summary>
/// A row of a <see cref="CrmRowBatch"/> as a record, read as the CSV reader's own row reads (by name
/// ignoring case, a column past the row's end absent, values as text where the batch holds it). One per
/// thread: it reuses its lookups and values.
/// </summary>
internal sealed class CrmBatchRow : IInputRecord
{
    private readonly FieldNameIndex _index;
    private readonly int[] _slotOfColumn;
    private readonly TextSlice[] _values;
    private CrmRowBatch? _batch;
    private int _row;

    public CrmBatchRow(CrmRowLayout layout)
    {
        _index = new FieldNameIndex(layout.Header);
        _slotOfColumn = layout.SlotOfColumn;
        _values = new TextSlice[layout.Columns.Length];
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] = new TextSlice();
        }
    }

    /// <summary>The values of a row whose fields are the file's columns it kept (those the join and the pull read).</summary>
    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < _slotOfColumn.Length && i < _batch!.FieldCountAt(_row); i++)
            {
                if (_slotOfColumn[i] >= 0 && TryGetValue(_index.Names[i], out var value))
                {
                    yield return new KeyValuePair<string, object?>(_index.Names[i], value!.ToString());
                }
            }
        }
    }

    public CrmBatchRow At(CrmRowBatch batch, int row)
    {
        _batch = batch;
        _row = row;
        return this;
    }

    public bool TryGetValue(string field, out object? value)
    {
        var column = _index.IndexOf(field);
        if (column < 0 || column >= _batch!.FieldCountAt(_row))
        {
            value = null;
            return false;
        }

        var slot = _slotOfColumn[column];
        if (slot < 0)
        {
            // The layout keeps every column a reader of the row names; one it left out means a reader
            // asks for a field it did not say it reads, and an answer without it could be wrong.
            throw new InvalidOperationException($"The drift join asked a CRM row for column '{field}', which it did not copy.");
        }

        var slice = _values[slot];
        _batch.GetField(_row, slot, slice);
        value = slice;
        return true;
    }
}
