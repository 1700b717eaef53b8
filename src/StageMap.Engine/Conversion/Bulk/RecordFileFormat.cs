using System;
using System.IO;
using System.Text;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>The file formats bulk conversion reads and writes.</summary>
public enum RecordFileFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180; UTF-8 with or without BOM, LF or CRLF).</summary>
    Csv,

    /// <summary>One JSON array of records (or a Salesforce query result, tree export or CLI result holding records).</summary>
    Json,

    /// <summary>One JSON record per line.</summary>
    JsonLines,
}

/// <summary>Which format a file is in.</summary>
public static class RecordFileFormats
{
    /// <summary>.csv, .json, .jsonl or .ndjson; null for any other extension.</summary>
    public static RecordFileFormat? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => RecordFileFormat.Csv,
        ".json" => RecordFileFormat.Json,
        ".jsonl" or ".ndjson" => RecordFileFormat.JsonLines,
        _ => null,
    };

    /// <summary>The input's format by extension, else by its first character: '[' or '{' is JSON, anything else CSV.</summary>
    /// <remarks>Undecodable text is left to the reader, which reports where it is.</remarks>
    public static RecordFileFormat DetectInput(string path, Encoding? encoding = null)
    {
        var byExtension = FromExtension(path);
        if (byExtension is not null)
        {
            return byExtension.Value;
        }

        using var reader = StrictText.OpenReader(File.OpenRead(path), encoding);
        int c;
        try
        {
            while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
            {
            }
        }
        catch (UndecodableTextException)
        {
            return RecordFileFormat.Csv;
        }

        return c is '[' or '{' ? RecordFileFormat.Json : RecordFileFormat.Csv;
    }

    internal static bool IsJson(RecordFileFormat format) => format != RecordFileFormat.Csv;

    internal static StringComparison NameComparison => StringComparison.OrdinalIgnoreCase;
}
