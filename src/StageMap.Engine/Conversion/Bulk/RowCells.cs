using System;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// One row of text cells for <see cref="RecordFileWriter.WriteRow"/>, filled again for every row: a cell
/// is a string held as it is, text copied into the row's own buffer (so text read from a file is written
/// without a string made of it), or null.
/// </summary>
internal sealed class RowCells
{
    private readonly string?[] _strings;
    private readonly int[] _starts;
    private readonly int[] _lengths; // -1: the cell is _strings' (a string or null)
    private char[] _buffer = new char[256];
    private int _used;
    private int _open;

    public RowCells(int count)
    {
        _strings = new string?[count];
        _starts = new int[count];
        _lengths = new int[count];
    }

    public int Count => _strings.Length;

    /// <summary>Empties every cell (all null) for the next row.</summary>
    public void Clear()
    {
        Array.Clear(_strings, 0, _strings.Length);
        _lengths.AsSpan().Fill(-1);
        _used = 0;
    }

    public void Set(int cell, string? text)
    {
        _strings[cell] = text;
        _lengths[cell] = -1;
    }

    /// <summary>Starts composing the cell's text in the buffer: <see cref="Append(ReadOnlySpan{char})"/> adds to it.</summary>
    public void Start(int cell)
    {
        _strings[cell] = null;
        _starts[cell] = _used;
        _lengths[cell] = 0;
        _open = cell;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_used + text.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _used + text.Length));
        }

        text.CopyTo(_buffer.AsSpan(_used));
        _used += text.Length;
        _lengths[_open] += text.Length;
    }

    public void Append(string text) => Append(text.AsSpan());

    /// <summary>Takes the last <paramref name="count"/> characters off the cell being composed.</summary>
    public void Drop(int count)
    {
        _used -= count;
        _lengths[_open] -= count;
    }

    public bool IsNull(int cell) => _lengths[cell] < 0 && _strings[cell] is null;

    /// <summary>The cell's text (empty for null).</summary>
    public ReadOnlySpan<char> Text(int cell) => _lengths[cell] < 0 ? _strings[cell].AsSpan() : new ReadOnlySpan<char>(_buffer, _starts[cell], _lengths[cell]);

    /// <summary>The cell as a string: the string it holds, or one made of its text.</summary>
    public string? String(int cell) => _lengths[cell] < 0 ? _strings[cell] : new string(_buffer, _starts[cell], _lengths[cell]);
}
