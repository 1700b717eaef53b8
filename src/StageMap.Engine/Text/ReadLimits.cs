using System.Globalization;

namespace StageMap.Engine.Text;

/// <summary>
/// The limits every StageMap reader holds a file to, so that no file, however hostile, makes a
/// reader hold more than a bounded amount of memory or accept a value Outreach would refuse.
/// </summary>
public static class ReadLimits
{
    /// <summary>Stage names, CRM statuses and labels: Outreach's limit for a stage name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>Configuration, CRM metadata and stage files are read whole; larger files are refused unread.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>Any one JSON text value or property name, or XML text: a Salesforce formula is at most 3,900 characters.</summary>
    public const int MaxTextLength = 32 * 1024;

    /// <summary>JSON tokens, XML nodes or CSV fields in one file: a large org's Lead describe has about a hundred thousand.</summary>
    public const int MaxTokens = 1_000_000;

    /// <summary>JSON and XML nesting: StageMap's own files nest 4 levels, a Salesforce describe 5.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Status values of one picklist, or stages of one list. A Salesforce picklist holds at most 1,000
    /// active values; the limit keeps what an import adds to the configuration file well within
    /// <see cref="MaxFileBytes"/>, so the saved file always reads back.
    /// </summary>
    public const int MaxListValues = 4_000;

    /// <summary>"16 MiB": the file size limit as users read it.</summary>
    public static string MaxFileSize => $"{MaxFileBytes / (1024 * 1024)} MiB";

    /// <summary>What is wrong with a stage name, status or label (<paramref name="what"/>, such as "the stage name"), or null when nothing is.</summary>
    public static string? NameProblem(string value, string what)
    {
        if (value.Length > MaxNameLength)
        {
            return $"{what} is {value.Length:N0} characters long; names, statuses and labels are at most {MaxNameLength} characters (Outreach's limit).";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"{what} '{Visible(value)}' contains the control character U+{(int)c:X4}; names, statuses and labels cannot hold control characters (tabs, line breaks and the like).";
            }
        }

        return null;
    }

    /// <summary>What to say of a file longer than <see cref="MaxFileBytes"/>.</summary>
    public static string FileTooLarge(long length) =>
        $"the file is {length:N0} bytes; StageMap reads configuration, metadata and stage files of at most {MaxFileSize}.";

    /// <summary>What to say of a list longer than <see cref="MaxListValues"/> (<paramref name="what"/>: "status values", "stages").</summary>
    public static string TooManyValues(string what) =>
        $"it lists more than {MaxListValues:N0} {what}; StageMap reads at most {MaxListValues:N0} (a Salesforce picklist holds at most 1,000 active values).";

    /// <summary>The value with each control character shown as \uXXXX, for a message.</summary>
    private static string Visible(string value)
    {
        var shown = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            shown.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return shown.ToString();
    }
}
