using System;
using System.Collections.Generic;
using System.IO;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Streams the rows of a CSV file (<see cref="CsvRowParser"/>: RFC 4180 quoting, fields spanning
/// lines, LF or CRLF) as records named by the header row, one row in memory at a time and no string
/// made for a field the conversion only passes on. The header is checked before any row is read:
/// every column named, no name twice.
/// </summary>
internal sealed class CsvRecordReader : RecordFileReader
{
    private readonly CsvRowParser _parser;
    private readonly Func<bool> _readRow;
    private readonly CsvHeader _header;
    private readonly CsvRow _row;
    private bool _badData;

    public CsvRecordReader(Stream stream, TextReader text, string path, bool encodingNamed)
        : base(stream, text, path, encodingNamed)
    {
        _parser = new CsvRowParser(text);
        _readRow = _parser.Read;
        if (!ReadRow())
        {
            throw Failures.EmptyRecordFile(path, stream.Length == 0);
        }

        var names = RowStrings();
        var line = RecordLine;
        if (IsBlank(names))
        {
            // Blank rows to the end: a file of white space. Else a header without names.
            while (ReadRow())
            {
                if (!IsBlank(RowStrings()))
                {
                    throw Failures.EmptyCsvHeaderCell(path, line, 1);
                }
            }

            throw Failures.EmptyRecordFile(path, zeroBytes: false);
        }

        _header = new CsvHeader(names, path, line);
        _row = new CsvRow(_header, _parser);
    }

    public override IReadOnlyList<string>? Header => _header.Names;

    /// <summary>The line the current row starts on, line breaks inside quoted fields counted.</summary>
    public override long RecordLine => _parser.RowLine;

    public override IEnumerable<InputItem> Read()
    {
        var columns = _header.Names.Count;
        while (ReadRow())
        {
            // A row with bad data is reported as such; so is the first row after a header that had some,
            // as the reader always has.
            _badData |= _parser.RowHasBadData;
            if (_parser.Count != columns)
            {
                _badData = false;
                yield return new InputItem(_row, Failures.BadCsvRow(_parser.Count, columns));
                continue;
            }

            if (_badData)
            {
                _badData = false;
                yield return new InputItem(_row, Failures.BadCsvQuote());
                continue;
            }

            yield return new InputItem(_row);
        }
    }

    private static bool IsBlank(string[] row) => Array.TrueForAll(row, string.IsNullOrWhiteSpace);

    private bool ReadRow() => Decoding(_readRow);

    private string[] RowStrings()
    {
        _badData |= _parser.RowHasBadData;
        var values = new string[_parser.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _parser.FieldString(i);
        }

        return values;
    }
}

/// <summary>The column names of a CSV file, found by name ignoring case (<see cref="FieldNameIndex"/>).</summary>
internal sealed class CsvHeader
{
    private readonly FieldNameIndex _index;

    /// <exception cref="StageMapException">InvalidRecordFile: a column without a name, or a name twice.</exception>
    public CsvHeader(IReadOnlyList<string> names, string path, long line)
    {
        _index = new FieldNameIndex(names);
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw Failures.EmptyCsvHeaderCell(path, line, i + 1);
            }

            if (i == _index.FirstRepeat)
            {
                var first = _index.IndexOf(names[i]);
                throw Failures.DuplicateCsvHeader(path, line, names[first], first + 1, names[i], i + 1);
            }
        }
    }

    public IReadOnlyList<string> Names => _index.Names;

    public string NameOf(int column) => column < Names.Count ? Names[column] : $"Field{column + 1}";

    public int IndexOf(string name) => _index.IndexOf(name);

    /// <summary><see cref="IndexOf"/> without remembering the question: safe from several threads at once.</summary>
    public int Find(string name) => _index.Find(name);
}

/// <summary>
/// The CSV row the parser is on, named by the header: a field's value is its text where the parser
/// holds it (<see cref="TextSlice"/>), valid until the next row; <see cref="Snapshot"/> keeps a row.
/// </summary>
internal sealed class CsvRow : IReusedRecord, IColumnRecord
{
    private readonly CsvHeader _header;
    private readonly CsvRowParser _parser;
    private TextSlice[] _slices = Array.Empty<TextSlice>();

    public CsvRow(CsvHeader header, CsvRowParser parser)
    {
        _header = header;
        _parser = parser;
    }

    public int Count => _parser.Count;

    public CsvHeader Header => _header;

    object IColumnRecord.Header => _header;

    public int HeaderCount => _header.Names.Count;

    public int ColumnOf(string field) => _header.Find(field);

    public TextSlice Column(int column)
    {
        if (column >= _slices.Length)
        {
            Grow();
        }

        var slice = _slices[column];
        _parser.GetField(column, slice);
        return slice;
    }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < _parser.Count; i++)
            {
                yield return new KeyValuePair<string, object?>(_header.NameOf(i), _parser.FieldString(i));
            }
        }
    }

    public ReadOnlySpan<char> FieldText(int column) => _parser.FieldSpan(column);

    /// <summary>Where field <paramref name="column"/>'s text is held, into <paramref name="slice"/> (valid until the next row).</summary>
    public void GetField(int column, TextSlice slice) => _parser.GetField(column, slice);

    public bool TryGetValue(string field, out object? value)
    {
        var i = _header.IndexOf(field);
        if (i >= 0 && i < _parser.Count)
        {
            value = Column(i);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The row with its values as strings, to keep past the next row.</summary>
    public IInputRecord Snapshot()
    {
        var values = new string[_parser.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _parser.FieldString(i);
        }

        return new CsvRecord(_header, values);
    }

    private void Grow()
    {
        var slices = new TextSlice[Math.Max(_header.Names.Count, _parser.Count)];
        Array.Copy(_slices, slices, _slices.Length);
        for (var i = _slices.Length; i < slices.Length; i++)
        {
            slices[i] = new TextSlice();
        }

        _slices = slices;
    }
}

/// <summary>One CSV row kept: text values named by the header.</summary>
internal sealed class CsvRecord : IInputRecord
{
    private readonly CsvHeader _header;

    public CsvRecord(CsvHeader header, string[] values)
    {
        _header = header;
        Values = values;
    }

    public string[] Values { get; }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < Values.Length; i++)
            {
                yield return new KeyValuePair<string, object?>(_header.NameOf(i), Values[i]);
            }
        }
    }

    public bool TryGetValue(string field, out object? value)
    {
        var i = _header.IndexOf(field);
        if (i >= 0 && i < Values.Length)
        {
            value = Values[i];
            return true;
        }

        value = null;
        return false;
    }
}
