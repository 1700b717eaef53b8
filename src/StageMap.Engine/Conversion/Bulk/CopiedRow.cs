using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A row of <see cref="CopiedRows"/> read as the CSV reader's own row reads (<see cref="CsvRow"/>): by name
/// ignoring case or by column, a column past the row's end absent, a field's value its text in the copy
/// (<see cref="TextSlice"/>), valid until the view moves to another row; <see cref="Snapshot"/> keeps a row.
/// Rows copied with a <see cref="KeptColumns"/> show only the kept columns: a left column is absent, by
/// name and by <see cref="ColumnOf"/>, as though the file did not have it. Each thread has a view of its own
/// (it reuses its values and remembers the names it was asked for); several may show rows of one copy at once.
/// </summary>
internal sealed class CopiedRow : IReusedRecord, IColumnRecord
{
    private CopiedRows? _rows;
    private CsvHeader? _header;
    private KeptColumns? _kept;
    private int _first;
    private TextSlice[] _slices = Array.Empty<TextSlice>();
    private FieldNameIndex? _names;
    private CsvHeader? _namesHeader;

    /// <summary>Shows row <paramref name="row"/> of <paramref name="rows"/>.</summary>
    public CopiedRow MoveTo(CopiedRows rows, int row)
    {
        _rows = rows;
        _header = rows.Header!; // a row was copied, so the rows have its header
        _kept = rows.Kept;
        _first = rows.FirstField(row);
        Count = rows.FieldCount(row);
        return this;
    }

    public int Count { get; private set; }

    /// <summary>The file's header, or for rows copied with kept columns those columns (a plan bound to them finds only what is kept).</summary>
    public object Header => (object?)_kept ?? _header!;

    public int HeaderCount => _header!.Names.Count;

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                if (Shows(i))
                {
                    yield return new KeyValuePair<string, object?>(_header!.NameOf(i), FieldString(i));
                }
            }
        }
    }

    public int ColumnOf(string field)
    {
        var column = _header!.Find(field);
        return column >= 0 && Shows(column) ? column : -1;
    }

    /// <summary>The text of field <paramref name="column"/>, a column <see cref="ColumnOf"/> gave or one below <see cref="Count"/> that is kept.</summary>
    public TextSlice Column(int column)
    {
        var slot = SlotOf(column);
        if (slot >= _slices.Length)
        {
            Grow(slot);
        }

        var slice = _slices[slot];
        var rows = _rows!;
        slice.Set(rows.Text, rows.FieldStart(_first + slot), rows.FieldLength(_first + slot));
        return slice;
    }

    /// <summary>The text of field <paramref name="column"/> (as <see cref="Column"/>), without a slice.</summary>
    public ReadOnlySpan<char> FieldText(int column)
    {
        var at = _first + SlotOf(column);
        var rows = _rows!;
        return new ReadOnlySpan<char>(rows.Text, rows.FieldStart(at), rows.FieldLength(at));
    }

    public bool TryGetValue(string field, out object? value)
    {
        var column = Names().IndexOf(field);
        if (column >= 0 && column < Count && Shows(column))
        {
            value = Column(column);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The row as it may be kept: every field, or the kept columns, as strings.</summary>
    public IInputRecord Snapshot()
    {
        if (_kept is null)
        {
            var values = new string[Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = FieldString(i);
            }

            return new CsvRecord(_header!, values);
        }

        var kept = new FieldListRecord();
        foreach (var field in Fields)
        {
            kept.Add(field.Key, field.Value);
        }

        return kept;
    }

    private bool Shows(int column) => _kept is null || _kept.Keeps(column);

    private int SlotOf(int column) => _kept is null ? column : _kept.SlotOfColumn[column];

    private string FieldString(int column) => FieldText(column).ToString();

    /// <summary>The header's names, looked up by this view's thread only: it remembers the names asked, row after row.</summary>
    private FieldNameIndex Names()
    {
        if (!ReferenceEquals(_namesHeader, _header))
        {
            _names = new FieldNameIndex(_header!.Names);
            _namesHeader = _header;
        }

        return _names!;
    }

    private void Grow(int slot)
    {
        var slices = new TextSlice[Math.Max(Math.Max(_kept is null ? HeaderCount : _kept.Columns.Length, Count), slot + 1)];
        Array.Copy(_slices, slices, _slices.Length);
        for (var i = _slices.Length; i < slices.Length; i++)
        {
            slices[i] = new TextSlice();
        }

        _slices = slices;
    }
}
