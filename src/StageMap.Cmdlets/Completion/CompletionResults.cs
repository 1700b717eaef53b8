using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace StageMap.Cmdlets.Completion;

/// <summary>Builds completion results: values matching what was typed, quoted when PowerShell needs it.</summary>
internal static class CompletionResults
{
    public static IEnumerable<CompletionResult> For(IEnumerable<string> values, string wordToComplete, Func<string, string>? toolTip = null)
    {
        var typed = wordToComplete.Trim('\'', '"');
        var pattern = WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
        return values
            .Where(v => !string.IsNullOrEmpty(v))
            .Distinct(StringComparer.Ordinal)
            .Where(pattern.IsMatch)
            .Select(v => new CompletionResult(Quote(v), v, CompletionResultType.ParameterValue, toolTip?.Invoke(v) ?? v));
    }

    private static string Quote(string value) =>
        value.Any(c => char.IsWhiteSpace(c) || "'\"`$(){}[]@#;,|&<>".IndexOf(c) >= 0)
            ? "'" + value.Replace("'", "''") + "'"
            : value;
}
