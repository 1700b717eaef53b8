using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// Writes records to a file in one of the formats, streaming, as UTF-8 straight from the records'
/// text: converted records, rejected records (with their reason), and rows of named texts (the
/// findings of Find-StageDrift). CSV cells go through <see cref="FormulaCells"/> whatever they hold.
/// </summary>
/// <remarks>
/// A part writer (<see cref="ConvertedPart"/>, <see cref="RejectsPart"/>) formats records into memory,
/// without the file's header or its first separator, so that records can be formatted on several threads
/// at once: it moves what it formatted into a <see cref="FormattedPart"/> (<see cref="MoveTo"/>), and the
/// file's own writer <see cref="Append"/>s the parts in order; the file's bytes, and its warning, are
/// those it would have written itself.
/// </remarks>
internal abstract class RecordFileWriter : IDisposable
{
    /// <summary>What a rejected record gets besides its own fields.</summary>
    public const string ReasonField = "reason";

    public const string ErrorIdField = "errorId";

    /// <summary>Salesforce Data Loader and Bulk API ignore an empty cell on update; this clears the field.</summary>
    public const string SalesforceBlank = "#N/A";

    private readonly MemoryStream? _part;

    protected RecordFileWriter(Stream stream, bool writeBehind)
    {
        Text = new Utf8TextOut(stream, writeBehind);
    }

    /// <summary>A part writer: the bytes it formats stay in <paramref name="part"/> until appended.</summary>
    protected RecordFileWriter(MemoryStream part)
        : this(part, writeBehind: false)
    {
        _part = part;
    }

    protected Utf8TextOut Text { get; }

    /// <summary>Formats records for another writer to <see cref="Append"/>, not a file of its own.</summary>
    protected bool IsPart => _part is not null;

    /// <param name="writeBehind">Full buffers go to the stream on a thread of the writer's own (see <see cref="Utf8TextOut"/>); the caller disposes of the writer.</param>
    public static RecordFileWriter ForConverted(RecordFileFormat format, Stream stream, ConversionPlan plan, RecordShape shape, bool escapeFormula = false, bool writeBehind = false) => format switch
    {
        RecordFileFormat.Csv => new CsvConvertedWriter(stream, plan, escapeFormula, writeBehind),
        _ => new JsonRecords(stream, shape, array: format == RecordFileFormat.Json, null, writeBehind),
    };

    /// <param name="writeBehind">As for <see cref="ForConverted"/>.</param>
    public static RecordFileWriter ForRejects(RecordFileFormat format, Stream stream, IReadOnlyList<string>? csvHeader, bool escapeFormula = false, bool writeBehind = false) => format switch
    {
        RecordFileFormat.Csv => new CsvRejectWriter(stream, csvHeader!, escapeFormula, writeBehind), // a CSV input always has its header read first
        _ => new JsonRecords(stream, RecordShape.Object, array: format == RecordFileFormat.Json, null, writeBehind),
    };

    /// <summary>A part writer of converted records, for a writer <see cref="ForConverted"/> of the same format, plan and shape to <see cref="Append"/>.</summary>
    public static RecordFileWriter ConvertedPart(RecordFileFormat format, ConversionPlan plan, RecordShape shape, bool escapeFormula) => format switch
    {
        RecordFileFormat.Csv => new CsvConvertedWriter(new MemoryStream(), plan, escapeFormula),
        _ => new JsonRecords(new MemoryStream(), shape, array: format == RecordFileFormat.Json),
    };

    /// <summary>A part writer of rejected records, for a writer <see cref="ForRejects"/> of the same format and header to <see cref="Append"/>.</summary>
    public static RecordFileWriter RejectsPart(RecordFileFormat format, IReadOnlyList<string>? csvHeader, bool escapeFormula) => format switch
    {
        RecordFileFormat.Csv => new CsvRejectWriter(new MemoryStream(), csvHeader!, escapeFormula),
        _ => new JsonRecords(new MemoryStream(), RecordShape.Object, array: format == RecordFileFormat.Json),
    };

    /// <summary>A writer of rows of texts under <paramref name="columns"/> (<see cref="WriteRow"/>).</summary>
    public static RecordFileWriter ForRows(RecordFileFormat format, Stream stream, IReadOnlyList<string> columns, bool escapeFormula = false) => format switch
    {
        RecordFileFormat.Csv => new CsvRowWriter(stream, columns, escapeFormula),
        _ => new JsonRecords(stream, RecordShape.Object, array: format == RecordFileFormat.Json, columns, writeBehind: false),
    };

    public virtual void Write(ConvertedRecord record) => throw new NotSupportedException();

    public virtual void WriteReject(IInputRecord record, ConversionFailure failure) => throw new NotSupportedException();

    /// <summary>One row of texts, a cell for each of the writer's columns (null is JSON null, an empty CSV cell).</summary>
    public virtual void WriteRow(RowCells cells) => throw new NotSupportedException();

    /// <summary>
    /// A part writer's: moves what it formatted since the last move into <paramref name="into"/> (emptied
    /// first), and starts again from nothing, its records numbered from 1 again.
    /// </summary>
    public void MoveTo(FormattedPart into)
    {
        Text.Flush();
        var bytes = _part!; // only the part factories make writers whose records are moved
        into.Bytes.SetLength(0);
        into.Bytes.Write(bytes.GetBuffer(), 0, (int)bytes.Length);
        bytes.SetLength(0);
        into.Records = TakeRecords(into.Formulas);
    }

    /// <summary>
    /// Writes what a part writer of this writer's format formatted (<see cref="MoveTo"/>), as though this
    /// writer had written its records.
    /// </summary>
    public void Append(FormattedPart part) =>
        AppendPart(part, new ReadOnlySpan<byte>(part.Bytes.GetBuffer(), 0, (int)part.Bytes.Length));

    /// <summary>Ends the file (closes a JSON array) and flushes what is buffered.</summary>
    public virtual void Finish() => Text.Flush();

    /// <summary>What the finished file calls for a warning about (CSV formula cells), or null.</summary>
    public virtual string? Warning(string path) => null;

    /// <summary>Stops the writing thread, if the writer writes behind; what was not finished is not written.</summary>
    public void Dispose() => Text.Dispose();

    /// <summary>Writes the part's bytes and counts its records as written here.</summary>
    protected abstract void AppendPart(FormattedPart part, ReadOnlySpan<byte> bytes);

    /// <summary>A part writer's records since the last move (its formula cells moved into <paramref name="formulas"/>); counted from 0 again.</summary>
    protected abstract long TakeRecords(FormulaCells formulas);

    /// <summary>JSON Lines, or one JSON array with an element a line.</summary>
    private sealed class JsonRecords : RecordFileWriter
    {
        private readonly JsonOutput _json;
        private readonly RecordShape _shape;
        private readonly bool _array;
        private readonly IReadOnlyList<string>? _columns;
        private long _count;

        public JsonRecords(Stream stream, RecordShape shape, bool array, IReadOnlyList<string>? columns, bool writeBehind)
            : base(stream, writeBehind)
        {
            _shape = shape;
            _array = array;
            _columns = columns;
            _json = new JsonOutput(Text);
        }

        public JsonRecords(MemoryStream part, RecordShape shape, bool array)
            : base(part)
        {
            _shape = shape;
            _array = array;
            _json = new JsonOutput(Text);
        }

        /// <summary>What comes before each record but the first.</summary>
        private string Separator => _array ? ",\n" : "\n";

        public override void Write(ConvertedRecord record)
        {
            BeforeRecord();
            RecordJson.Write(_json, record, _shape);
        }

        public override void WriteReject(IInputRecord record, ConversionFailure failure)
        {
            BeforeRecord();
            _json.Record(record, new KeyValuePair<string, object?>(ReasonField, failure.Message), new KeyValuePair<string, object?>(ErrorIdField, failure.ErrorId));
        }

        public override void WriteRow(RowCells cells)
        {
            BeforeRecord();
            _json.StartObject();
            for (var i = 0; i < _columns!.Count; i++) // only ForRows makes a JSON writer that is given rows, and it passes columns
            {
                _json.Name(_columns[i]);
                if (cells.IsNull(i))
                {
                    _json.Null();
                }
                else
                {
                    _json.String(cells.Text(i));
                }
            }

            _json.EndObject();
        }

        public override void Finish()
        {
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

        protected override void AppendPart(FormattedPart part, ReadOnlySpan<byte> bytes)
        {
            if (part.Records == 0)
            {
                return;
            }

            if (_count == 0)
            {
                // A part's records each come after a separator: the file's first one comes after the file's start instead.
                if (_array)
                {
                    Text.Write("[\n");
                }

                bytes = bytes.Slice(Separator.Length);
            }

            Text.WriteBytes(bytes);
            _count += part.Records;
        }

        protected override long TakeRecords(FormulaCells formulas)
        {
            var records = _count;
            _count = 0;
            return records;
        }

        // JSON Lines: one record a line. A JSON array: one element a line, so the file stays readable.
        private void BeforeRecord()
        {
            if (IsPart)
            {
                Text.Write(Separator);
                _count++;
                return;
            }

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
    /// CSV with a header row, as CsvHelper wrote it: CRLF line ends, a cell quoted (its quotes doubled)
    /// when it starts or ends with a space or holds a comma, a quote, a CR or an LF. Every cell goes
    /// through <see cref="FormulaCells"/>: counted when it looks like a formula, escaped when asked.
    /// </summary>
    private abstract class CsvFileWriter : RecordFileWriter
    {
        private readonly string[] _columns;
        private readonly FormulaCells _formulas;
        private char[] _joined = new char[256];
        private long _row = 1;
        private int _column;

        protected CsvFileWriter(Stream stream, IEnumerable<string> header, bool escapeFormula, bool writeBehind)
            : base(stream, writeBehind)
        {
            _columns = header.ToArray();
            _formulas = new FormulaCells(escapeFormula);
            foreach (var name in _columns)
            {
                WriteCell(name.AsSpan());
            }

            EndRow();
        }

        /// <summary>A part writer: rows under <paramref name="header"/>'s columns, without the header row; its rows are numbered from 1.</summary>
        protected CsvFileWriter(MemoryStream part, IEnumerable<string> header, bool escapeFormula)
            : base(part)
        {
            _columns = header.ToArray();
            _formulas = new FormulaCells(escapeFormula);
        }

        public override string? Warning(string path) => _formulas.Warning(path);

        protected override void AppendPart(FormattedPart part, ReadOnlySpan<byte> bytes)
        {
            Text.WriteBytes(bytes);
            _formulas.Absorb(part.Formulas, rowsBefore: _row - 1);
            _row += part.Records;
        }

        protected override long TakeRecords(FormulaCells formulas)
        {
            formulas.Absorb(_formulas, rowsBefore: 0);
            var rows = _row - 1;
            _row = 1;
            return rows;
        }

        protected void WriteCell(ReadOnlySpan<char> text)
        {
            if (_column > 0)
            {
                Text.Write(',');
            }

            var prefixed = _formulas.Check(text, _row, _columns[_column]);
            var quoted = text.Length > 0 && ((!prefixed && text[0] == ' ') || text[text.Length - 1] == ' ' || text.IndexOfAny(QuotedIf) >= 0);
            if (quoted)
            {
                Text.Write('"');
            }

            if (prefixed)
            {
                Text.Write(FormulaCells.EscapePrefix);
            }

            if (quoted)
            {
                for (var quote = text.IndexOf('"'); quote >= 0; quote = text.IndexOf('"'))
                {
                    Text.Write(text.Slice(0, quote + 1));
                    Text.Write('"');
                    text = text.Slice(quote + 1);
                }
            }

            Text.Write(text);
            if (quoted)
            {
                Text.Write('"');
            }

            _column++;
        }

        /// <summary>A converted value as a cell: lists joined with ';', a clearing null as <paramref name="clear"/>.</summary>
        protected void WriteValue(object? value, string clear)
        {
            switch (value)
            {
                case null:
                    WriteCell(clear.AsSpan());
                    break;
                case string s:
                    WriteCell(s.AsSpan());
                    break;
                case TextSlice t:
                    WriteCell(t.Span);
                    break;
                case TextList items:
                    WriteCell(Joined(items));
                    break;
                case IReadOnlyList<object?> list:
                    WriteCell(string.Join(";", list.Select(RecordValue.Text)).AsSpan());
                    break;
                default:
                    WriteCell((RecordValue.Text(value) ?? "").AsSpan());
                    break;
            }
        }

        protected void EndRow()
        {
            Text.Write('\r');
            Text.Write('\n');
            _row++;
            _column = 0;
        }

        private static ReadOnlySpan<char> QuotedIf => ",\"\r\n".AsSpan();

        private ReadOnlySpan<char> Joined(TextList items)
        {
            var text = items.Source.Span;
            if (_joined.Length < text.Length)
            {
                _joined = new char[text.Length * 2];
            }

            var used = 0;
            for (var at = 0; ListText.Next(text, ref at, out var start, out var length);)
            {
                if (used > 0)
                {
                    _joined[used++] = ';';
                }

                text.Slice(start, length).CopyTo(_joined.AsSpan(used));
                used += length;
            }

            return new ReadOnlySpan<char>(_joined, 0, used);
        }
    }

    private sealed class CsvConvertedWriter : CsvFileWriter
    {
        private readonly string _clear;
        private readonly int _fields;

        public CsvConvertedWriter(Stream stream, ConversionPlan plan, bool escapeFormula, bool writeBehind)
            : base(stream, plan.OutputFields, escapeFormula, writeBehind)
        {
            _clear = plan.Direction == ConversionDirection.Push ? SalesforceBlank : "";
            _fields = plan.OutputFields.Count;
        }

        public CsvConvertedWriter(MemoryStream part, ConversionPlan plan, bool escapeFormula)
            : base(part, plan.OutputFields, escapeFormula)
        {
            _clear = plan.Direction == ConversionDirection.Push ? SalesforceBlank : "";
            _fields = plan.OutputFields.Count;
        }

        public override void Write(ConvertedRecord record)
        {
            for (var i = 0; i < _fields; i++)
            {
                if (record.IsWritten(i))
                {
                    WriteValue(record.RawValueAt(i), _clear);
                }
                else
                {
                    WriteCell(default);
                }
            }

            EndRow();
        }
    }

    private sealed class CsvRejectWriter : CsvFileWriter
    {
        private readonly int _columns;

        public CsvRejectWriter(Stream stream, IReadOnlyList<string> header, bool escapeFormula, bool writeBehind)
            : base(stream, header.Concat(new[] { ReasonField, ErrorIdField }), escapeFormula, writeBehind)
        {
            _columns = header.Count;
        }

        public CsvRejectWriter(MemoryStream part, IReadOnlyList<string> header, bool escapeFormula)
            : base(part, header.Concat(new[] { ReasonField, ErrorIdField }), escapeFormula)
        {
            _columns = header.Count;
        }

        public override void WriteReject(IInputRecord record, ConversionFailure failure)
        {
            for (var i = 0; i < _columns; i++)
            {
                WriteCell(record switch
                {
                    CsvRow row when i < row.Count => row.FieldText(i),
                    CsvRecord kept when i < kept.Values.Length => kept.Values[i].AsSpan(),
                    CopiedRow copied when i < copied.Count => copied.FieldText(i),
                    _ => default,
                });
            }

            WriteCell(failure.Message.AsSpan());
            WriteCell(failure.ErrorId.AsSpan());
            EndRow();
        }
    }

    private sealed class CsvRowWriter : CsvFileWriter
    {
        public CsvRowWriter(Stream stream, IReadOnlyList<string> columns, bool escapeFormula)
            : base(stream, columns, escapeFormula, writeBehind: false)
        {
        }

        public override void WriteRow(RowCells cells)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                WriteCell(cells.Text(i));
            }

            EndRow();
        }
    }
}

/// <summary>
/// Records a part writer formatted (<see cref="RecordFileWriter.MoveTo"/>), for the file's writer to
/// <see cref="RecordFileWriter.Append"/>: their bytes, how many, and the formula cells among them (rows numbered from 1).
/// </summary>
internal sealed class FormattedPart
{
    public MemoryStream Bytes { get; } = new();

    public long Records { get; set; }

    public FormulaCells Formulas { get; } = new(escape: false);
}
