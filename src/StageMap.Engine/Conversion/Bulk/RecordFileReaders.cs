using System;
using System.IO;
using System.Text;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>Opens a record file with the reader of its format: what bulk conversion and the drift join read with.</summary>
internal static class RecordFileReaders
{
    /// <summary>The file's format (<see cref="RecordFileFormats.DetectInput"/>).</summary>
    /// <exception cref="StageMapException">InvalidRecordFile: the file cannot be read.</exception>
    public static RecordFileFormat Detect(string path, Encoding? encoding = null)
    {
        try
        {
            return RecordFileFormats.DetectInput(path, encoding);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidRecordFile(path, e.Message, e);
        }
    }

    /// <summary>A reader of the file in <paramref name="format"/>; it owns the file stream.</summary>
    /// <param name="reuseRecords">Hand out records the reader reuses for the next one (<see cref="IReusedRecord"/>), for a caller done with each record before it asks for the next.</param>
    /// <exception cref="StageMapException">InvalidRecordFile: the file cannot be opened, or its CSV header is bad.</exception>
    public static IRecordFileReader Open(string path, RecordFileFormat format, Encoding? encoding = null, bool reuseRecords = false)
    {
        var input = OpenFile(path);
        try
        {
            return Open(input, path, format, encoding, leaveOpen: false, reuseRecords);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    /// <summary>The file, for reading from its start to its end.</summary>
    /// <exception cref="StageMapException">InvalidRecordFile: the file cannot be opened.</exception>
    public static FileStream OpenFile(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidRecordFile(path, e.Message, e);
        }
    }

    /// <summary>A reader over <paramref name="stream"/>, its text decoded strictly: a byte order mark, else <paramref name="encoding"/>, else UTF-8.</summary>
    /// <param name="reuseRecords">Hand out records the reader reuses for the next one (<see cref="IReusedRecord"/>), for a caller done with each record before it asks for the next.</param>
    /// <param name="readAhead">A CSV file is read and decoded ahead on a thread of its own (<see cref="DecodeAheadReader"/>), for a caller that reads it to its end.</param>
    /// <exception cref="StageMapException">InvalidRecordFile: a CSV header that is empty, or has a column without a name or a name twice.</exception>
    public static IRecordFileReader Open(Stream stream, string path, RecordFileFormat format, Encoding? encoding, bool leaveOpen = true, bool reuseRecords = false, bool readAhead = false)
    {
        var reader = OpenReusing(stream, path, format, encoding, leaveOpen, readAhead);
        return reuseRecords ? reader : new KeptRecordReader(reader);
    }

    private static IRecordFileReader OpenReusing(Stream stream, string path, RecordFileFormat format, Encoding? encoding, bool leaveOpen, bool readAhead)
    {
        var start = stream.CanSeek ? stream.Position : -1;
        var text = StrictText.OpenReader(stream, encoding, leaveOpen);
        if (format == RecordFileFormat.Csv)
        {
            var csvText = readAhead ? new DecodeAheadReader(text, stream) : text;
            try
            {
                return new CsvRecordReader(stream, csvText, path, encodingNamed: encoding is not null);
            }
            catch
            {
                // A bad header may come after many blank rows: the reading thread stops before the caller closes the file.
                csvText.Dispose();
                throw;
            }
        }

        // The JSON reader may read the file a second time from its start (a file its fast path hands to Json.NET).
        Func<TextReader>? reopen = start < 0 ? null : () =>
        {
            stream.Position = start;
            return StrictText.OpenReader(stream, encoding, leaveOpen: true);
        };
        return new JsonRecordReader(stream, text, path, encodingNamed: encoding is not null, reopen);
    }
}
