using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>
/// A CSV export of LeadStatus: Data Loader's (header of upper-case API names, every field quoted,
/// CRLF) or 'sf data query --result-format csv' (as the fields are spelled). Columns are found by
/// name, ignoring case; ApiName and MasterLabel are required, Id, SortOrder, IsDefault and
/// IsConverted are read when present. Booleans take what Data Loader takes: true/false, yes/no,
/// y/n, on/off, 1/0.
/// </summary>
internal static class DataLoaderCsvReader
{
    private const string Kind = "Data Loader CSV export";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        IgnoreBlankLines = true,
        MaxFieldSize = ReadLimits.MaxTextLength,
    };

    public static MetadataFile Read(byte[] content, string path)
    {
        using var parser = new CsvParser(StrictText.OpenReader(new MemoryStream(content, writable: false)), Configuration);
        try
        {
            return Read(parser, path);
        }
        catch (BadDataException e)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"line {e.Context?.Parser?.RawRow}: a field has a quote in the wrong place ({Shorten(e.Field)}).", e);
        }
        catch (MaxFieldSizeException e)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"line {e.Context?.Parser?.RawRow}: a field is longer than {ReadLimits.MaxTextLength:N0} characters; names and labels are at most {ReadLimits.MaxNameLength}.", e);
        }
        catch (CsvHelperException e)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"line {e.Context?.Parser?.RawRow}: {e.Message.Split('\n')[0].Trim()}", e);
        }
        catch (UndecodableTextException e)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"{e.Problem} ({Failures.DefaultEncodings}; save the export as UTF-8).", e);
        }
    }

    private static MetadataFile Read(CsvParser parser, string path)
    {
        if (!parser.Read() || parser.Record is not { } header)
        {
            throw Failures.UnrecognizedMetadataFile(path, "empty", Failures.CrmMetadataExpected);
        }

        var columns = new Columns(header.Select(h => h.Trim()).ToArray());
        if (columns.ApiName < 0 || columns.MasterLabel < 0)
        {
            var shown = string.Join(", ", header.Take(6).Select(h => Shorten(h)));
            throw Failures.UnrecognizedMetadataFile(path, $"text whose first line ({shown}{(header.Length > 6 ? ", …" : "")}) has no ApiName and MasterLabel columns", Failures.CrmMetadataExpected);
        }

        if (columns.Duplicate is { } duplicate)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"line 1: the column {duplicate} appears twice.");
        }

        var values = new List<PicklistValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = header.Length;
        while (parser.Read())
        {
            // CsvHelper has a record whenever Read returned true.
            var record = parser.Record!;
            var line = parser.RawRow;
            fields += record.Length;
            if (fields > ReadLimits.MaxTokens)
            {
                throw Failures.InvalidMetadataFile(path, Kind, $"line {line}: the file has more than {ReadLimits.MaxTokens:N0} fields.");
            }

            if (record.Length != header.Length)
            {
                throw Failures.InvalidMetadataFile(path, Kind, $"line {line}: the row has {record.Length} field(s), the header {header.Length}.");
            }

            if (values.Count == ReadLimits.MaxListValues)
            {
                throw Failures.InvalidMetadataFile(path, Kind, $"line {line}: {ReadLimits.TooManyValues("lead statuses")}");
            }

            var row = new Row(record, header, line, path);
            var apiName = row.Name(columns.ApiName) ?? throw row.Invalid(columns.ApiName, "the API name is empty.");
            if (!seen.Add(apiName))
            {
                throw row.Invalid(columns.ApiName, $"the lead status '{apiName}' is listed twice.");
            }

            values.Add(new PicklistValue(
                apiName,
                row.Name(columns.MasterLabel),
                row.Bool(columns.IsDefault),
                row.Bool(columns.IsConverted),
                null,
                row.Text(columns.Id),
                row.Int(columns.SortOrder)));
        }

        if (values.Count == 0)
        {
            throw Failures.InvalidMetadataFile(path, Kind, "the file has a header but no lead status rows.");
        }

        return new MetadataFile(path, MetadataFormat.DataLoaderCsv) { Object = CrmObject.Lead, StatusField = "Status", Statuses = values };
    }

    private static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 40 ? $"'{text}'" : $"'{text.Substring(0, 40)}…'";

    /// <summary>The index of each LeadStatus column in the header, or -1.</summary>
    private sealed class Columns
    {
        public Columns(string[] header)
        {
            int Find(string name) => Array.FindIndex(header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
            Id = Find("Id");
            ApiName = Find("ApiName");
            MasterLabel = Find("MasterLabel");
            SortOrder = Find("SortOrder");
            IsDefault = Find("IsDefault");
            IsConverted = Find("IsConverted");
            Duplicate = header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1)?.Key;
        }

        public int Id { get; }

        public int ApiName { get; }

        public int MasterLabel { get; }

        public int SortOrder { get; }

        public int IsDefault { get; }

        public int IsConverted { get; }

        public string? Duplicate { get; }
    }

    /// <summary>One data row: typed fields, and errors that name the line, the field number and its column.</summary>
    private sealed class Row
    {
        private readonly string[] _record;
        private readonly string[] _header;
        private readonly int _line;
        private readonly string _path;

        public Row(string[] record, string[] header, int line, string path)
        {
            _record = record;
            _header = header;
            _line = line;
            _path = path;
        }

        public string? Text(int column) => column < 0 || _record[column].Trim().Length == 0 ? null : _record[column].Trim();

        /// <summary>An API name or label, within <see cref="ReadLimits"/>.</summary>
        public string? Name(int column)
        {
            var text = Text(column);
            return text is not null && ReadLimits.NameProblem(text, "the value") is { } problem ? throw Invalid(column, problem) : text;
        }

        public bool? Bool(int column) => Text(column)?.ToLowerInvariant() switch
        {
            null => null,
            "true" or "yes" or "y" or "on" or "1" => true,
            "false" or "no" or "n" or "off" or "0" => false,
            _ => throw Invalid(column, $"'{Text(column)}' is not true or false."),
        };

        public int? Int(int column)
        {
            var text = Text(column);
            return text is null ? null
                : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
                : throw Invalid(column, $"'{text}' is not a whole number.");
        }

        public StageMapException Invalid(int column, string what) =>
            Failures.InvalidMetadataFile(_path, Kind, $"line {_line}, field {column + 1} ({_header[column]}): {what}");
    }
}
