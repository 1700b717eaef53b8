using System;
using System.IO;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Drift;

/// <summary>
/// Writes findings to Find-StageDrift's -OutFile through the record-file writer, in the format of its
/// extension (.jsonl, .json, .csv), UTF-8 without BOM, under a temporary name renamed into place by
/// <see cref="Commit"/>. CSV cells that look like formulas are counted for a warning, or escaped when asked.
/// </summary>
internal sealed class DriftFileWriter : IDisposable
{
    private readonly AtomicFile _file;
    private readonly string _path;
    private readonly RecordFileWriter _writer;
    private bool _committed;

    private DriftFileWriter(AtomicFile file, string path, RecordFileFormat format, bool escapeFormula)
    {
        _file = file;
        _path = path;
        _writer = RecordFileWriter.ForRows(format, file.Stream, DriftFindings.Columns, escapeFormula);
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
            return new DriftFileWriter(new AtomicFile(path), path, format, job.EscapeFormula);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(path, e);
        }
    }

    /// <summary>One finding, a cell for each of <see cref="DriftFindings.Columns"/>.</summary>
    public void Write(RowCells finding)
    {
        try
        {
            _writer.WriteRow(finding);
        }
        catch (IOException e)
        {
            throw Failures.OutputFailed(_file.Path, e);
        }
    }

    /// <summary>Ends the file and renames it into place; returns the warning the file calls for (CSV formula cells), or null.</summary>
    public string? Commit()
    {
        try
        {
            _writer.Finish();
            _file.Commit();
            _committed = true;
            return _writer.Warning(_path);
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
