using System;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// CSV rows copied out of the reader (which reuses its row for the next one), so that another thread can
/// read them while the reader goes on: each row's fields as text in one buffer of its own, with each
/// field's start and length, and no string made. All of a row's fields are copied, or only the columns a
/// <see cref="KeptColumns"/> keeps. The buffers grow to the most rows and text ever held and are kept for
/// the next rows (<see cref="Clear"/>). A row is read through a <see cref="CopiedRow"/>.
/// </summary>
internal sealed class CopiedRows
{
    /// <summary>
    /// Characters between two fields of one run of the parser's text up to which both are copied at once,
    /// the characters between them with them: fewer than a second copy costs.
    /// </summary>
    private const int MostGap = 64;

    private readonly TextSlice _field = new();
    private int[] _firstField = new int[64];
    private int[] _fieldCount = new int[64];
    private char[] _text = new char[16 * 1024];
    private int[] _fieldStart = new int[1024];
    private int[] _fieldLength = new int[1024];
    private int _fieldsUsed;

    /// <param name="kept">The columns to copy of each row, or null for every field.</param>
    public CopiedRows(KeptColumns? kept = null)
    {
        Kept = kept;
    }

    /// <summary>The columns copied of each row, or null when every field is.</summary>
    public KeptColumns? Kept { get; }

    /// <summary>The header of the rows (those of one file share it); null before the first row.</summary>
    public CsvHeader? Header { get; private set; }

    public int Count { get; private set; }

    /// <summary>The characters of text the rows hold.</summary>
    public int TextLength { get; private set; }

    internal char[] Text => _text;

    /// <summary>Copies the row the reader is on; gives its index.</summary>
    public int Add(CsvRow row)
    {
        Header = row.Header;
        var at = Count;
        if (at == _firstField.Length)
        {
            Array.Resize(ref _firstField, at * 2);
            Array.Resize(ref _fieldCount, at * 2);
        }

        var kept = Kept?.Columns;
        var fields = kept?.Length ?? row.Count;
        if (_fieldsUsed + fields > _fieldStart.Length)
        {
            var size = Math.Max(_fieldStart.Length * 2, _fieldsUsed + fields);
            Array.Resize(ref _fieldStart, size);
            Array.Resize(ref _fieldLength, size);
        }

        _firstField[at] = _fieldsUsed;
        _fieldCount[at] = row.Count;
        CopyFields(row, kept, fields);
        _fieldsUsed += fields;
        Count = at + 1;
        return at;
    }

    /// <summary>Empties the rows; the buffers are kept.</summary>
    public void Clear()
    {
        Count = 0;
        TextLength = 0;
        _fieldsUsed = 0;
    }

    /// <summary>Where row <paramref name="row"/>'s first copied field is: its fields follow, one per column copied.</summary>
    internal int FirstField(int row) => _firstField[row];

    /// <summary>The fields row <paramref name="row"/> had in the file (a ragged row has more or fewer than the header names).</summary>
    internal int FieldCount(int row) => _fieldCount[row];

    internal int FieldStart(int field) => _fieldStart[field];

    internal int FieldLength(int field) => _fieldLength[field];

    /// <summary>
    /// Copies the row's fields (or the kept columns; one the row does not reach is empty). A row's fields are
    /// mostly one run of the parser's text (a field with a doubled quote is not, its text is unescaped
    /// elsewhere): a run is copied at once, separators and all, and each field in it placed by its offset.
    /// </summary>
    private void CopyFields(CsvRow row, int[]? kept, int fields)
    {
        var field = _field;
        var count = row.Count;
        char[]? runText = null;
        int runStart = 0, runEnd = 0, runBase = 0;
        for (var k = 0; k < fields; k++)
        {
            var column = kept is null ? k : kept[k];
            var at = _fieldsUsed + k;
            if (column >= count)
            {
                _fieldStart[at] = 0;
                _fieldLength[at] = 0;
                continue;
            }

            row.GetField(column, field);
            var start = field.Start;
            var length = field.Length;
            _fieldLength[at] = length;
            if (length == 0)
            {
                _fieldStart[at] = 0;
                continue;
            }

            if (!ReferenceEquals(field.Buffer, runText) || start < runEnd || start - runEnd > MostGap)
            {
                if (runText is not null)
                {
                    CopyRun(runText, runStart, runEnd);
                }

                runText = field.Buffer;
                runStart = start;
                runBase = TextLength;
            }

            _fieldStart[at] = runBase + start - runStart;
            runEnd = start + length;
        }

        if (runText is not null)
        {
            CopyRun(runText, runStart, runEnd);
        }
    }

    private void CopyRun(char[] text, int start, int end)
    {
        var length = end - start;
        if (TextLength + length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, TextLength + length));
        }

        Array.Copy(text, start, _text, TextLength, length);
        TextLength += length;
    }
}
