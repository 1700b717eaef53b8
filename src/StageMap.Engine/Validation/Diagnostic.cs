using StageMap.Engine.Model;

namespace StageMap.Engine.Validation;

/// <summary>
/// One finding of Test-StageMapping (DESIGN §3). A finding is data, not a failure: the cmdlet writes
/// it to the output stream.
/// </summary>
/// <param name="RuleId">The rule that found it: SM001 to SM014 (DESIGN §6).</param>
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
    public override string ToString() => $"{RuleId} {Severity}: {Message}";
}
