using System.Collections.Generic;

namespace StageMap.Engine;

internal static partial class Failures
{
    // Record files (bulk conversion input): what makes a whole file unreadable, and where a record is.

    public static StageMapException EmptyRecordFile(string path, bool zeroBytes) =>
        InvalidRecordFile(path, zeroBytes ? "the file is empty." : "the file holds nothing but white space.");

    public static StageMapException EmptyCsvHeaderCell(string path, long line, int column) =>
        InvalidRecordFile(path, $"line {line}: column {column} of the CSV header is empty; every column needs a name.");

    public static StageMapException DuplicateCsvHeader(string path, long line, string first, int firstColumn, string second, int secondColumn) =>
        InvalidRecordFile(path, first == second
            ? $"line {line}: the CSV header has the column '{first}' twice, as columns {firstColumn} and {secondColumn}."
            : $"line {line}: the CSV header has the column '{first}' (column {firstColumn}) and '{second}' (column {secondColumn}); names compare ignoring case, so they are the same column.");

    public static StageMapException MalformedCsv(string path, long line, string problem) =>
        InvalidRecordFile(path, $"line {line}: {problem}");

    public static StageMapException UndecodableRecordFile(string path, string problem, bool encodingNamed, System.Exception inner) =>
        InvalidRecordFile(path, encodingNamed
            ? $"{problem}. Is -Encoding the file's encoding?"
            : $"{problem}. Without -Encoding {DefaultEncodings}; a CSV saved by Excel is often windows-1252: add -Encoding windows-1252 (ConvertTo-OutreachProspect, ConvertTo-SalesforceRecord), or save the file as UTF-8.", inner);

    /// <summary>The same failure, saying which record of the file it is and the line it starts on.</summary>
    public static ConversionFailure InRecord(ConversionFailure failure, long record, long line) =>
        failure with { Message = line > 0 ? $"Record {record} (line {line}): {failure.Message}" : $"Record {record}: {failure.Message}" };

    /// <summary>The warning for CSV cells a spreadsheet would run as formulas.</summary>
    public static string FormulaCells(string path, long count, long firstRow, string firstColumn) =>
        $"'{path}' has {count} cell(s) starting with =, +, -, @, a tab or a carriage return (the first in row {firstRow}, column '{firstColumn}'): a spreadsheet opening the file may run them as formulas. -EscapeFormula prefixes them with ' (not the default: Data Loader would import the quote as part of the value).";

    /// <summary>What a file without a named encoding may be, for messages about undecodable bytes.</summary>
    public const string DefaultEncodings = "StageMap reads UTF-8, or UTF-16 with a byte order mark";

    /// <param name="names">The encoding names StageMap knows.</param>
    public static StageMapException InvalidEncoding(string name, IEnumerable<string> names) => new(
        ErrorIds.InvalidEncoding, FailureCategory.InvalidArgument, name,
        $"'{name}' is not an encoding. Use one of {string.Join(", ", names)}, or a code page number or name (1252, iso-8859-1).");
}
