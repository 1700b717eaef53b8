using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Streams the rows of a CSV file (CsvHelper's parser: RFC 4180 quoting, fields spanning lines, LF or
/// CRLF) as records named by the header row, one row in memory at a time. The header is checked
/// before any row is read: every column named, no name twice.
/// </summary>
internal sealed class CsvRecordReader : IRecordFileReader
{
    private readonly Stream _stream;
    private readonly TextReader _text;
    private readonly string _path;
    private readonly CsvParser _parser;
    private readonly CsvHeader _header;
    private readonly bool _encodingNamed;
    private bool _badData;

    /// <param name="stream">The file, for progress (its position and length).</param>
    /// <param name="text">The file's text, decoded strictly (<see cref="StrictText"/>).</param>
    /// <param name="encodingNamed">The user named the encoding (so an undecodable byte does not suggest one).</param>
    public CsvRecordReader(Stream stream, TextReader text, string path, bool encodingNamed)
    {
        _stream = stream;
        _text = text;
        _path = path;
        _encodingNamed = encodingNamed;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => _badData = true,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(_text, configuration);
        if (!ReadRow())
        {
            throw Failures.EmptyRecordFile(path, _stream.Length == 0);
        }

        var names = _parser.Record ?? Array.Empty<string>();
        var line = RecordLine;
        if (IsBlank(names))
        {
            // Blank rows to the end: a file of white space. Else a header without names.
            while (ReadRow())
            {
                if (!IsBlank(_parser.Record))
                {
                    throw Failures.EmptyCsvHeaderCell(path, line, 1);
                }
            }

            throw Failures.EmptyRecordFile(path, zeroBytes: false);
        }

        _header = new CsvHeader(names, path, line);
    }

    public IReadOnlyList<string>? Header => _header.Names;

    public long Position => _stream.Position;

    public long Length => _stream.Length;

    /// <summary>The line the current row starts on: where it ends, less the line breaks inside its quoted fields.</summary>
    public long RecordLine
    {
        get
        {
            var raw = _parser.RawRecord ?? "";
            var breaks = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
                {
                    breaks++;
                }
            }

            // RawRow counts the row's own line end, which RawRecord holds too (except on the last line).
            var endsWithBreak = raw.Length > 0 && (raw[raw.Length - 1] == '\n' || raw[raw.Length - 1] == '\r');
            return _parser.RawRow - breaks + (endsWithBreak ? 1 : 0);
        }
    }

    public IEnumerable<InputItem> Read()
    {
        while (ReadRow())
        {
            var values = _parser.Record ?? Array.Empty<string>();
            var record = new CsvRecord(_header, values);
            if (values.Length != _header.Names.Count)
            {
                _badData = false;
                yield return new InputItem(record, Failures.BadCsvRow(values.Length, _header.Names.Count));
                continue;
            }

            if (_badData)
            {
                _badData = false;
                yield return new InputItem(record, Failures.BadCsvQuote());
                continue;
            }

            yield return new InputItem(record);
        }
    }

    public void Dispose()
    {
        _parser.Dispose();
        _text.Dispose();
    }

    private static bool IsBlank(string[]? row) => row is null || Array.TrueForAll(row, string.IsNullOrWhiteSpace);

    private bool ReadRow()
    {
        try
        {
            return _parser.Read();
        }
        catch (CsvHelperException e)
        {
            throw Failures.MalformedCsv(_path, _parser.RawRow, e.Message.Split('\n')[0].Trim());
        }
        catch (UndecodableTextException e)
        {
            throw Failures.UndecodableRecordFile(_path, e.Problem, _encodingNamed, e);
        }
    }
}

/// <summary>The column names of a CSV file, found by name ignoring case.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="StageMapException">InvalidRecordFile: a column without a name, or a name twice.</exception>
    public CsvHeader(IReadOnlyList<string> names, string path, long line)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                throw Failures.EmptyCsvHeaderCell(path, line, i + 1);
            }

            if (_index.TryGetValue(names[i], out var first))
            {
                throw Failures.DuplicateCsvHeader(path, line, names[first], first + 1, names[i], i + 1);
            }

            _index.Add(names[i], i);
        }
    }

    // The conversion asks for the same few field names, as the same string instances, row after row:
    // remembering them by reference saves a case-insensitive hash per field per row.
    private readonly List<KeyValuePair<string, int>> _asked = new();

    public IReadOnlyList<string> Names { get; }

    public int IndexOf(string name)
    {
        for (var i = 0; i < _asked.Count; i++)
        {
            if (ReferenceEquals(_asked[i].Key, name))
            {
                return _asked[i].Value;
            }
        }

        var index = _index.TryGetValue(name, out var found) ? found : -1;
        if (_asked.Count < 64)
        {
            _asked.Add(new KeyValuePair<string, int>(name, index));
        }

        return index;
    }
}

/// <summary>One CSV row: text values named by the header.</summary>
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
                yield return new KeyValuePair<string, object?>(i < _header.Names.Count ? _header.Names[i] : $"Field{i + 1}", Values[i]);
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
