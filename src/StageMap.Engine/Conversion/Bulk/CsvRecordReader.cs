using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using CsvHelper;
using CsvHelper.Configuration;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Streams the rows of a CSV file (CsvHelper's parser: RFC 4180 quoting, fields spanning lines, LF or
/// CRLF, UTF-8 with or without BOM) as records named by the header row, one row in memory at a time.
/// </summary>
internal sealed class CsvRecordReader : IRecordFileReader
{
    private readonly Stream _stream;
    private readonly StreamReader _text;
    private readonly CsvParser _parser;
    private readonly CsvHeader _header;
    private bool _badData;

    public CsvRecordReader(Stream stream, string path)
    {
        _stream = stream;
        _text = new StreamReader(stream, Encodings.Utf8NoBom, detectEncodingFromByteOrderMarks: true, bufferSize: 65536);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = _ => _badData = true,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(_text, configuration);
        var names = _parser.Read() ? _parser.Record ?? Array.Empty<string>() : Array.Empty<string>();
        _header = new CsvHeader(names, path);
    }

    public IReadOnlyList<string>? Header => _header.Names;

    public long Position => _stream.Position;

    public long Length => _stream.Length;

    public IEnumerable<InputItem> Read()
    {
        while (_parser.Read())
        {
            var values = _parser.Record ?? Array.Empty<string>();
            var record = new CsvRecord(_header, values);
            if (values.Length != _header.Names.Count || _badData)
            {
                _badData = false;
                yield return new InputItem(record, Failures.BadCsvRow(_parser.RawRow, values.Length, _header.Names.Count));
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
}

/// <summary>The column names of a CSV file, found by name ignoring case.</summary>
internal sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names, string path)
    {
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            if (_index.ContainsKey(names[i]))
            {
                throw Failures.InvalidRecordFile(path, $"the CSV header has the column '{names[i]}' twice (names compare ignoring case).");
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
