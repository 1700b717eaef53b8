using System;
using System.IO;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>Opens a record file with the reader of its format: what bulk conversion and the drift join read with.</summary>
internal static class RecordFileReaders
{
    /// <summary>The file's format (<see cref="RecordFileFormats.DetectInput"/>).</summary>
    /// <exception cref="StageMapException">InvalidRecordFile: the file cannot be read.</exception>
    public static RecordFileFormat Detect(string path)
    {
        try
        {
            return RecordFileFormats.DetectInput(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidRecordFile(path, e.Message, e);
        }
    }

    /// <summary>A reader of the file in <paramref name="format"/>; it owns the file stream.</summary>
    /// <exception cref="StageMapException">InvalidRecordFile: the file cannot be opened.</exception>
    public static IRecordFileReader Open(string path, RecordFileFormat format)
    {
        FileStream input;
        try
        {
            input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidRecordFile(path, e.Message, e);
        }

        try
        {
            return format == RecordFileFormat.Csv ? new CsvRecordReader(input, path) : new JsonRecordReader(input, path);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }
}
