using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation;

/// <summary>
/// One finding of Test-StageMapping. A finding is data, not a failure: the cmdlet writes
/// it to the output stream.
/// </summary>
/// <param name="RuleId">The rule that found it: SM001 to SM016 (docs/design.md, Validation rules).</param>
/// <param name="Severity">Error, Warning or Information.</param>
/// <param name="Object">The CRM object the finding is about (Lead, Contact), or null for none.</param>
/// <param name="Target">The status, stage or field at fault, by name.</param>
/// <param name="Message">What is wrong and what to do, naming the exact values.</param>
/// <param name="Suggestion">The exact value to use instead, where one is known; otherwise null.</param>
public sealed record Diagnostic(
    string RuleId,
    Severity Severity,
    CrmObject? Object,
    string Target,
    string Message,
    string? Suggestion = null)
{
    /// <summary>
    /// The fixes <see cref="Message"/> prints as complete commands, each one PowerShell line that, run
    /// on its own, removes this finding without adding an Error. Empty when the fix is made outside
    /// StageMap (in Salesforce) or needs a value only the admin knows (the message shows a &lt;stage&gt;).
    /// </summary>
    public IReadOnlyList<string> FixCommands { get; init; } = Array.Empty<string>();

    public bool Equals(Diagnostic? other) =>
        other is not null
        && RuleId == other.RuleId && Severity == other.Severity && Object == other.Object
        && Target == other.Target && Message == other.Message && Suggestion == other.Suggestion
        && FixCommands.SequenceEqual(other.FixCommands, StringComparer.Ordinal);

    public override int GetHashCode() => (RuleId, Severity, Object, Target, Message, Suggestion).GetHashCode();

    public override string ToString() => $"{RuleId} {Severity}: {Message}";
}
