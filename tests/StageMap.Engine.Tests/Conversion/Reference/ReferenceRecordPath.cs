using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using CsvHelper;
using CsvHelper.Configuration;
using Newtonsoft.Json;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

// The record path as it was before it stopped making a string per field (CsvHelper's parser and
// writer, Json.NET's writer), kept here unchanged as the reference the new path is compared with
// byte for byte (RecordPathEquivalenceTests). Not used by the module.
namespace StageMap.Engine.Tests.Conversion.Reference;

/// <summary>The streaming loop of bulk conversion as it was, over the reference reader and writers.</summary>
internal static class ReferenceTransfer
{
    private const int CheckEvery = 4096;
    private static readonly TimeSpan FirstProgress = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

    public static (long Read, long Written, long Rejected) Transfer(
        ConversionPlan plan,
        BulkConversion job,
        BulkStreams streams,
        MissingFieldTally missing,
        Action<string>? warn,
        Action<BulkProgress>? progress,
        Action<IInputRecord, ConversionFailure>? rejected,
        Stopwatch watch,
        CancellationToken cancellation)
    {
        using var reader = streams.InputFormat == RecordFileFormat.Csv
            ? (IRecordFileReader)new ReferenceCsvReader(streams.Input, StrictText.OpenReader(streams.Input, job.Encoding, leaveOpen: true), job.InputPath, job.Encoding is not null)
            : new ReferenceJsonReader(streams.Input, StrictText.OpenReader(streams.Input, job.Encoding, leaveOpen: true), job.InputPath, job.Encoding is not null);
        long read = 0, written = 0, rejectedCount = 0;
        using (var writer = ReferenceWriter.ForConverted(streams.OutputFormat, streams.Output, plan, job.Shape, job.EscapeFormula))
        using (var rejectWriter = streams.Rejects is null ? null : ReferenceWriter.ForRejects(streams.RejectFormat, streams.Rejects, reader.Header, job.EscapeFormula))
        {
            var nextProgress = FirstProgress;
                        try
            {
                foreach (var item in reader.Read())
                {
                    read++;
                    var failure = item.Failure;
                    if (failure is null)
                    {
                        var result = plan.Convert(item.Record, missing);
                        if (result.Succeeded)
                        {
                            writer.Write(result.Record!);
                            written++;
                        }
                        else
                        {
                            failure = result.Failure;
                        }
                    }

                    if (failure is not null)
                    {
                        failure = Failures.InRecord(failure, read, reader.RecordLine);
                        rejectedCount++;
                        if (rejectWriter is not null)
                        {
                            rejectWriter.WriteReject(item.Record, failure);
                        }
                        else
                        {
                            rejected?.Invoke(item.Record, failure);
                        }
                    }

                    if (read % CheckEvery == 0)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        if (progress is not null && watch.Elapsed >= nextProgress)
                        {
                            progress(new BulkProgress(read, written, rejectedCount, reader.Position, reader.Length, watch.Elapsed));
                            nextProgress = watch.Elapsed + ProgressInterval;
                        }
                    }
                }

                writer.Finish();
                rejectWriter?.Finish();
                Warn(warn, writer.Warning(job.OutputPath));
                Warn(warn, rejectWriter?.Warning(job.RejectPath!));
            }
            catch (IOException e)
            {
                throw Failures.OutputFailed(job.OutputPath, e);
            }
        }

        return (read, written, rejectedCount);
    }


    private static void Warn(Action<string>? warn, string? warning)
    {
        if (warning is not null)
        {
            warn?.Invoke(warning);
        }
    }

}

/// <summary>
/// Streams the rows of a CSV file (CsvHelper's parser: RFC 4180 quoting, fields spanning lines, LF or
/// CRLF) as records named by the header row, one row in memory at a time. The header is checked
/// before any row is read: every column named, no name twice.
/// </summary>
internal sealed class ReferenceCsvReader : IRecordFileReader
{
    private readonly Stream _stream;
    private readonly TextReader _text;
    private readonly string _path;
    private readonly CsvParser _parser;
    private readonly ReferenceCsvHeader _header;
    private readonly bool _encodingNamed;
    private bool _badData;

    /// <param name="stream">The file, for progress (its position and length).</param>
    /// <param name="text">The file's text, decoded strictly (<see cref="StrictText"/>).</param>
    /// <param name="encodingNamed">The user named the encoding (so an undecodable byte does not suggest one).</param>
    public ReferenceCsvReader(Stream stream, TextReader text, string path, bool encodingNamed)
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

        _header = new ReferenceCsvHeader(names, path, line);
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
            var record = new ReferenceCsvRecord(_header, values);
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
internal sealed class ReferenceCsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="StageMapException">InvalidRecordFile: a column without a name, or a name twice.</exception>
    public ReferenceCsvHeader(IReadOnlyList<string> names, string path, long line)
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
internal sealed class ReferenceCsvRecord : IInputRecord
{
    private readonly ReferenceCsvHeader _header;

    public ReferenceCsvRecord(ReferenceCsvHeader header, string[] values)
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

/// <summary>Writes records to a file in one of the formats, streaming.</summary>
internal abstract class ReferenceWriter : IDisposable
{
    /// <summary>What a rejected record gets besides its own fields.</summary>
    public const string ReasonField = "reason";

    public const string ErrorIdField = "errorId";

    /// <summary>Salesforce Data Loader and Bulk API ignore an empty cell on update; this clears the field.</summary>
    public const string SalesforceBlank = "#N/A";

    protected ReferenceWriter(Stream stream)
    {
        Text = new StreamWriter(stream, Encodings.Utf8NoBom, 65536, leaveOpen: true) { NewLine = "\n" };
    }

    protected StreamWriter Text { get; }

    public static ReferenceWriter ForConverted(RecordFileFormat format, Stream stream, ConversionPlan plan, RecordShape shape, bool escapeFormula = false) => format switch
    {
        RecordFileFormat.Csv => new CsvConvertedWriter(stream, plan, escapeFormula),
        RecordFileFormat.Json => new JsonWriter_(stream, shape, array: true),
        _ => new JsonWriter_(stream, shape, array: false),
    };

    public static ReferenceWriter ForRejects(RecordFileFormat format, Stream stream, IReadOnlyList<string>? csvHeader, bool escapeFormula = false) => format switch
    {
        RecordFileFormat.Csv => new CsvRejectWriter(stream, csvHeader!, escapeFormula),
        RecordFileFormat.Json => new JsonWriter_(stream, RecordShape.Object, array: true),
        _ => new JsonWriter_(stream, RecordShape.Object, array: false),
    };

    public virtual void Write(ConvertedRecord record) => throw new NotSupportedException();

    public virtual void WriteReject(IInputRecord record, ConversionFailure failure) => throw new NotSupportedException();

    /// <summary>Ends the file (closes a JSON array) and flushes what is buffered.</summary>
    public virtual void Finish() => Text.Flush();

    /// <summary>What the finished file calls for a warning about (CSV formula cells), or null.</summary>
    public virtual string? Warning(string path) => null;

    public virtual void Dispose() => Text.Dispose();

    private sealed class JsonWriter_ : ReferenceWriter
    {
        private readonly JsonTextWriter _json;
        private readonly RecordShape _shape;
        private readonly bool _array;
        private long _count;

        public JsonWriter_(Stream stream, RecordShape shape, bool array)
            : base(stream)
        {
            _shape = shape;
            _array = array;

            // Each record is written as a top-level value; the writer is back at its start after each,
            // and the separators (a newline; in an array a comma and a newline) are written here.
            _json = new JsonTextWriter(Text) { Formatting = Formatting.None, CloseOutput = false };
        }

        public override void Write(ConvertedRecord record)
        {
            BeforeRecord();
            ReferenceJson.Write(_json, record, _shape);
        }

        public override void WriteReject(IInputRecord record, ConversionFailure failure)
        {
            BeforeRecord();
            ReferenceJson.WriteInput(_json, record, new KeyValuePair<string, object?>(ReasonField, failure.Message), new KeyValuePair<string, object?>(ErrorIdField, failure.ErrorId));
        }

        public override void Finish()
        {
            _json.Flush();
            if (_array)
            {
                Text.Write(_count == 0 ? "[]\n" : "\n]\n");
            }
            else if (_count > 0)
            {
                Text.Write('\n');
            }

            base.Finish();
        }

        // JSON Lines: one record a line. A JSON array: one element a line, so the file stays readable.
        // Json.NET's writer writes straight to the TextWriter, so the separators can go there too.
        private void BeforeRecord()
        {
            if (_array)
            {
                Text.Write(_count == 0 ? "[\n" : ",\n");
            }
            else if (_count > 0)
            {
                Text.Write('\n');
            }

            _count++;
        }
    }

    /// <summary>
    /// CSV with a header row (CsvHelper's writer: RFC 4180 quoting, CRLF line ends). Every cell goes
    /// through <see cref="FormulaCells"/>: counted when it looks like a formula, escaped when asked.
    /// </summary>
    private abstract class CsvFileWriter : ReferenceWriter
    {
        private static readonly char[] LineBreaks = { '\r', '\n' };
        private readonly string[] _columns;
        private readonly FormulaCells _formulas;
        private long _row = 1;
        private int _column;

        protected CsvFileWriter(Stream stream, IEnumerable<string> header, bool escapeFormula)
            : base(stream)
        {
            // CsvHelper quotes a field holding the configured NewLine only; a lone LF or CR must be quoted too.
            var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
            {
                NewLine = "\r\n",
                ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || (args.Field?.IndexOfAny(LineBreaks) ?? -1) >= 0,
            };
            Csv = new CsvWriter(Text, configuration, leaveOpen: true);
            _columns = header.ToArray();
            _formulas = new FormulaCells(escapeFormula);
            foreach (var name in _columns)
            {
                WriteCell(name);
            }

            EndRow();
        }

        protected CsvWriter Csv { get; }

        public override string? Warning(string path) => _formulas.Warning(path);

        protected void WriteCell(string text)
        {
            Csv.WriteField(_formulas.Check(text.AsSpan(), _row, _columns[_column]) ? FormulaCells.EscapePrefix + text : text);
            _column++;
        }

        protected void EndRow()
        {
            Csv.NextRecord();
            _row++;
            _column = 0;
        }

        public override void Finish()
        {
            Csv.Flush();
            base.Finish();
        }

        public override void Dispose()
        {
            Csv.Dispose();
            base.Dispose();
        }
    }

    private sealed class CsvConvertedWriter : CsvFileWriter
    {
        private readonly string _clear;
        private readonly int _fields;

        public CsvConvertedWriter(Stream stream, ConversionPlan plan, bool escapeFormula)
            : base(stream, plan.OutputFields, escapeFormula)
        {
            _clear = plan.Direction == ConversionDirection.Push ? SalesforceBlank : "";
            _fields = plan.OutputFields.Count;
        }

        public override void Write(ConvertedRecord record)
        {
            for (var i = 0; i < _fields; i++)
            {
                WriteCell(!record.IsWritten(i) ? "" : CellText(record.ValueAt(i), _clear));
            }

            EndRow();
        }
    }

    private sealed class CsvRejectWriter : CsvFileWriter
    {
        private readonly int _columns;

        public CsvRejectWriter(Stream stream, IReadOnlyList<string> header, bool escapeFormula)
            : base(stream, header.Concat(new[] { ReasonField, ErrorIdField }), escapeFormula)
        {
            _columns = header.Count;
        }

        public override void WriteReject(IInputRecord record, ConversionFailure failure)
        {
            var values = record is ReferenceCsvRecord row ? row.Values : Array.Empty<string>();
            for (var i = 0; i < _columns; i++)
            {
                WriteCell(i < values.Length ? values[i] : "");
            }

            WriteCell(failure.Message);
            WriteCell(failure.ErrorId);
            EndRow();
        }
    }

    /// <summary>A value as a CSV cell: lists joined with ';', a clearing null as <paramref name="clear"/>.</summary>
    internal static string CellText(object? value, string clear) => value switch
    {
        null => clear,
        IReadOnlyList<object?> list => string.Join(";", EnumerateText(list)),
        _ => RecordValue.Text(value) ?? "",
    };

    private static IEnumerable<string?> EnumerateText(IReadOnlyList<object?> list)
    {
        foreach (var item in list)
        {
            yield return RecordValue.Text(item);
        }
    }
}

/// <summary>Writes converted and input records as JSON: flat, as Outreach JSON:API documents, or as sObjects.</summary>
internal static class ReferenceJson
{
    /// <summary>One record as compact JSON text (one line).</summary>
    public static string ToJson(ConvertedRecord record, RecordShape shape)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            Write(writer, record, shape);
        }

        return text.ToString();
    }

    public static void Write(JsonWriter writer, ConvertedRecord record, RecordShape shape)
    {
        switch (shape)
        {
            case RecordShape.JsonApi:
                WriteJsonApi(writer, record);
                break;
            case RecordShape.SObject:
                writer.WriteStartObject();
                writer.WritePropertyName("attributes");
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue(record.Plan.Object.ToString());
                writer.WriteEndObject();
                WriteFields(writer, record, skipStage: false);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject();
                WriteFields(writer, record, skipStage: false);
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>An input record as it was read, plus extra fields (a rejected record with its reason).</summary>
    public static void WriteInput(JsonWriter writer, IInputRecord record, params KeyValuePair<string, object?>[] extra)
    {
        writer.WriteStartObject();
        foreach (var field in record.Fields)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value);
        }

        foreach (var field in extra)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A normalized value: null, text, a primitive, a list or a nested record.</summary>
    public static void WriteValue(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case string s:
                writer.WriteValue(s);
                break;
            case int i:
                writer.WriteValue(i);
                break;
            case long l:
                writer.WriteValue(l);
                break;
            case bool b:
                writer.WriteValue(b);
                break;
            case decimal d:
                writer.WriteValue(d);
                break;
            case double f:
                writer.WriteValue(f);
                break;
            case IInputRecord nested:
                WriteInput(writer, nested);
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case short or byte or sbyte or uint or ulong or ushort or float:
                writer.WriteValue(value);
                break;
            case IFormattable formattable:
                writer.WriteValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteValue(value.ToString());
                break;
        }
    }

    private static void WriteFields(JsonWriter writer, ConvertedRecord record, bool skipStage)
    {
        var fields = record.Plan.OutputFields;
        var plain = Plain(record.Plan);
        for (var i = 0; i < fields.Count; i++)
        {
            if (!record.IsWritten(i) || (skipStage && IsJsonApiMeta(fields[i])))
            {
                continue;
            }

            writer.WritePropertyName(fields[i], escape: !plain[i]);
            WriteValue(writer, record.ValueAt(i));
        }
    }

    private static bool[] Plain(ConversionPlan plan) =>
        plan.OutputFields.Select(f => f.All(c => c < 128 && (char.IsLetterOrDigit(c) || c == '_' || c == ' ' || c == '-' || c == '.'))).ToArray();

    private static bool IsJsonApiMeta(string field) =>
        field == "stage" || field == "stageName" || field == ConversionPlan.SalesforceIdAttribute;

    // {"data":{"type":"prospect","attributes":{…},"relationships":{"stage":{"data":{"type":"stage","id":N}}}},"meta":{…}}
    // The stage goes as the relationship; the Salesforce id and the stage name, which are not prospect
    // attributes, go in the document's meta (JSON:API servers ignore what they do not know there).
    private static void WriteJsonApi(JsonWriter writer, ConvertedRecord record)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        writer.WriteStartObject();
        writer.WritePropertyName("type");
        writer.WriteValue("prospect");
        writer.WritePropertyName("attributes");
        writer.WriteStartObject();
        WriteFields(writer, record, skipStage: true);
        writer.WriteEndObject();
        if (record.TryGetValue("stage", out var stage))
        {
            writer.WritePropertyName("relationships");
            writer.WriteStartObject();
            writer.WritePropertyName("stage");
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            if (stage is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue("stage");
                writer.WritePropertyName("id");
                WriteValue(writer, stage);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        var hasId = record.TryGetValue(ConversionPlan.SalesforceIdAttribute, out var id);
        var hasName = record.TryGetValue("stageName", out var name);
        if (hasId || hasName)
        {
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            if (hasId)
            {
                writer.WritePropertyName(ConversionPlan.SalesforceIdAttribute);
                WriteValue(writer, id);
            }

            if (hasName)
            {
                writer.WritePropertyName("stageName");
                WriteValue(writer, name);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
