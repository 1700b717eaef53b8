using System;
using System.Globalization;
using System.IO;
using CsvHelper;
using Newtonsoft.Json;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Drift;

/// <summary>
/// Writes findings to Find-StageDrift's -OutFile, in the format of its extension (.jsonl, .json, .csv),
/// UTF-8 without BOM, under a temporary name renamed into place by <see cref="Commit"/>.
/// </summary>
internal sealed class DriftFileWriter : IDisposable
{
    private static readonly string[] Columns = { "kind", "id", "name", "crmStatus", "expectedStage", "actualStage", "reason", "errorId", "nextPull", "side", "message" };

    private readonly AtomicFile _file;
    private readonly StreamWriter _text;
    private readonly RecordFileFormat _format;
    private readonly JsonTextWriter? _json;
    private readonly CsvWriter? _csv;
    private long _written;
    private bool _committed;

    private DriftFileWriter(AtomicFile file, RecordFileFormat format)
    {
        _file = file;
        _format = format;
        _text = new StreamWriter(file.Stream, Encodings.Utf8NoBom, 65536) { NewLine = "\n" };
        if (format == RecordFileFormat.Csv)
        {
            _csv = new CsvWriter(_text, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var column in Columns)
            {
                _csv.WriteField(column);
            }

            _csv.NextRecord();
        }
        else
        {
            _json = new JsonTextWriter(_text) { Formatting = Formatting.None, CloseOutput = false };
            if (format == RecordFileFormat.Json)
            {
                _text.Write('[');
            }
        }
    }

    /// <exception cref="StageMapException">InvalidOutputFile, OutputFileExists, OutputWriteFailed.</exception>
    public static DriftFileWriter Create(DriftJob job)
    {
        var path = job.OutFile!;
        var format = RecordFileFormats.FromExtension(path)
            ?? throw Failures.InvalidOutputFile(path, "the output format cannot be told from the extension: name the file .jsonl, .json or .csv.");
        if (Same(path, job.CrmPath) || Same(path, job.OutreachPath))
        {
            throw Failures.InvalidOutputFile(path, "the output file must not be one of the files read.");
        }

        if (!job.Force && File.Exists(path))
        {
            throw Failures.OutputFileExists(path);
        }

        try
        {
            return new DriftFileWriter(new AtomicFile(path), format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(path, e);
        }
    }

    public void Write(StageDrift drift)
    {
        var values = new[]
        {
            drift.Kind.ToString(), drift.Id, drift.Name, drift.CrmStatus, drift.ExpectedStage, drift.ActualStage,
            drift.Reason?.ToString(), drift.ErrorId, drift.NextPull, drift.Side.ToString(), drift.Message,
        };
        try
        {
            if (_csv is not null)
            {
                foreach (var value in values)
                {
                    _csv.WriteField(value ?? "");
                }

                _csv.NextRecord();
            }
            else
            {
                if (_written > 0)
                {
                    _text.Write(_format == RecordFileFormat.Json ? ",\n" : "\n");
                }

                _json!.WriteStartObject();
                for (var i = 0; i < Columns.Length; i++)
                {
                    _json.WritePropertyName(Columns[i]);
                    _json.WriteValue(values[i]);
                }

                _json.WriteEndObject();
                _json.Flush();
            }

            _written++;
        }
        catch (IOException e)
        {
            throw Failures.OutputFailed(_file.Path, e);
        }
    }

    public void Commit()
    {
        try
        {
            _csv?.Flush();
            if (_format == RecordFileFormat.Json)
            {
                _text.Write("]\n");
            }
            else if (_format == RecordFileFormat.JsonLines && _written > 0)
            {
                _text.Write('\n');
            }

            _text.Flush();
            _file.Commit();
            _committed = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(_file.Path, e);
        }
    }

    /// <summary>Without a commit, the temporary file is deleted and an earlier file is left as it was.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            _file.Dispose();
        }
    }

    private static bool Same(string left, string right) =>
        string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), StringComparison.Ordinal);
}
