using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Newtonsoft.Json;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>Writes records to a file in one of the formats, streaming.</summary>
internal abstract class RecordFileWriter : IDisposable
{
    /// <summary>What a rejected record gets besides its own fields.</summary>
    public const string ReasonField = "reason";

    public const string ErrorIdField = "errorId";

    /// <summary>Salesforce Data Loader and Bulk API ignore an empty cell on update; this clears the field.</summary>
    public const string SalesforceBlank = "#N/A";

    protected RecordFileWriter(Stream stream)
    {
        Text = new StreamWriter(stream, Encodings.Utf8NoBom, 65536, leaveOpen: true) { NewLine = "\n" };
    }

    protected StreamWriter Text { get; }

    public static RecordFileWriter ForConverted(RecordFileFormat format, Stream stream, ConversionPlan plan, RecordShape shape, bool escapeFormula = false) => format switch
    {
        RecordFileFormat.Csv => new CsvConvertedWriter(stream, plan, escapeFormula),
        RecordFileFormat.Json => new JsonWriter_(stream, shape, array: true),
        _ => new JsonWriter_(stream, shape, array: false),
    };

    public static RecordFileWriter ForRejects(RecordFileFormat format, Stream stream, IReadOnlyList<string>? csvHeader, bool escapeFormula = false) => format switch
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

    private sealed class JsonWriter_ : RecordFileWriter
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
            RecordJson.Write(_json, record, _shape);
        }

        public override void WriteReject(IInputRecord record, ConversionFailure failure)
        {
            BeforeRecord();
            RecordJson.WriteInput(_json, record, new KeyValuePair<string, object?>(ReasonField, failure.Message), new KeyValuePair<string, object?>(ErrorIdField, failure.ErrorId));
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
    private abstract class CsvFileWriter : RecordFileWriter
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
            Csv.WriteField(_formulas.Check(text, _row, _columns[_column]));
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
            var values = record is CsvRecord row ? row.Values : Array.Empty<string>();
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
