using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Streams records from JSON with Json.NET's reader (StrictJson's limits), one record in memory at a
/// time: what <see cref="JsonRecordReader"/> reads and refuses is what this reads and refuses, and it
/// reads with this a file its fast path is not sure of. It reads: a JSON array of records; JSON Lines
/// (one record per line, or any sequence of top-level values); and, at the top of a file or line, the
/// objects that hold records — a REST query result or an sObject tree export (<c>records</c>), the
/// Salesforce CLI's wrapper of either (<c>result.records</c>), and an Outreach API list (<c>data</c>).
/// Any other top-level object is one record. Nested objects stay inside their record: a parent's
/// child subquery (Account.Contacts) is not unwrapped.
/// </summary>
internal sealed class JsonNetRecordReader : RecordFileReader
{
    private readonly JsonTextReader _reader;
    private readonly Func<bool> _nextToken;
    private bool _sawValue;
    private long _recordLine;

    public JsonNetRecordReader(Stream stream, TextReader text, string path, bool encodingNamed)
        : base(stream, text, path, encodingNamed)
    {
        _reader = StrictJson.CreateReader(text);
        _reader.SupportMultipleContent = true;
        _nextToken = NextToken;
    }

    public override IReadOnlyList<string>? Header => null;

    public override long RecordLine => _recordLine;

    public override IEnumerable<InputItem> Read()
    {
        while (Next())
        {
            _sawValue = true;
            _recordLine = _reader.LineNumber;
            switch (_reader.TokenType)
            {
                case JsonToken.StartArray:
                    foreach (var item in ReadArray())
                    {
                        yield return item;
                    }

                    break;
                case JsonToken.StartObject:
                    foreach (var item in ReadTopObject(allowResult: true))
                    {
                        yield return item;
                    }

                    break;
                default:
                    yield return NotARecord(ReadValue());
                    break;
            }
        }

        if (!_sawValue)
        {
            throw Failures.EmptyRecordFile(FilePath, Length == 0);
        }
    }

    public override void Dispose()
    {
        ((IDisposable)_reader).Dispose();
        base.Dispose();
    }

    private IEnumerable<InputItem> ReadArray()
    {
        while (NextInside() && _reader.TokenType != JsonToken.EndArray)
        {
            _recordLine = _reader.LineNumber;
            var value = ReadValue();
            yield return value is FieldListRecord record ? new InputItem(record) : NotARecord(value);
        }
    }

    private IEnumerable<InputItem> ReadTopObject(bool allowResult)
    {
        var record = new FieldListRecord();
        var streamed = false;
        while (NextInside() && _reader.TokenType != JsonToken.EndObject)
        {
            var name = (string)_reader.Value!; // inside an object Json.NET gives a PropertyName token, which always carries its name
            NextInside();
            if (_reader.TokenType == JsonToken.StartArray && (name == "records" || name == "data"))
            {
                streamed = true;
                foreach (var item in ReadArray())
                {
                    yield return item;
                }
            }
            else if (allowResult && _reader.TokenType == JsonToken.StartObject && name == "result")
            {
                streamed = true;
                foreach (var item in ReadTopObject(allowResult: false))
                {
                    yield return item;
                }
            }
            else
            {
                record.Add(name, ReadValue());
            }
        }

        // An object that holds no records is one record, even an empty one (which then fails as one).
        if (!streamed)
        {
            yield return new InputItem(record);
        }
    }

    /// <summary>The value at the current token, normalized (objects as records, arrays as lists).</summary>
    private object? ReadValue()
    {
        switch (_reader.TokenType)
        {
            case JsonToken.StartObject:
                var record = new FieldListRecord();
                while (NextInside() && _reader.TokenType != JsonToken.EndObject)
                {
                    var name = (string)_reader.Value!; // inside an object Json.NET gives a PropertyName token, which always carries its name
                    NextInside();
                    record.Add(name, ReadValue());
                }

                return record;
            case JsonToken.StartArray:
                var list = new ValueList();
                while (NextInside() && _reader.TokenType != JsonToken.EndArray)
                {
                    list.Add(ReadValue());
                }

                return list;
            case JsonToken.Null:
            case JsonToken.Undefined:
                return null;
            default:
                return _reader.Value;
        }
    }

    /// <summary>Reads the next token that is not a comment; false at the end of the input.</summary>
    private bool Next()
    {
        try
        {
            return Decoding(_nextToken);
        }
        catch (JsonReaderException e)
        {
            throw Failures.InvalidRecordFile(FilePath, StrictJson.Describe(e), e);
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            // Json.NET raises these, not a JsonReaderException, for some numbers (88888888888888888888888888888e0).
            throw Failures.InvalidRecordFile(FilePath, $"line {_reader.LineNumber}, position {_reader.LinePosition}: a number out of range ({e.Message})", e);
        }
    }

    private bool NextToken()
    {
        while (_reader.Read())
        {
            if (_reader.TokenType != JsonToken.Comment)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the next token inside an object or array: the input may not end there.</summary>
    private bool NextInside()
    {
        if (Next())
        {
            return true;
        }

        throw Failures.InvalidRecordFile(FilePath, $"line {_reader.LineNumber}, position {_reader.LinePosition}: the file ends inside a JSON object or array.");
    }

    private static InputItem NotARecord(object? value) => new(new FieldListRecord().Add("value", value), Failures.NotARecord(value));
}
