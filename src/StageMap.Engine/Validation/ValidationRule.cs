using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation;

/// <summary>
/// One rule of Test-StageMapping (docs/design.md, Validation rules), in its own class under Validation/Rules (PSScriptAnalyzer style). A rule
/// reads the shared <see cref="ValidationContext"/> and reports what it finds; it must stay linear in
/// the size of the configuration (look things up in the context's indexes, never scan inside a scan).
/// </summary>
public abstract class ValidationRule
{
    /// <summary>SM001 to SM016.</summary>
    public abstract string Id { get; }

    /// <summary>The severity of every diagnostic this rule reports.</summary>
    public abstract Severity Severity { get; }

    /// <summary>What the rule finds, in a few words.</summary>
    public abstract string Title { get; }

    /// <summary>The rule's findings on <paramref name="context"/>; none when it has nothing to say.</summary>
    public abstract IEnumerable<Diagnostic> Check(ValidationContext context);

    public override string ToString() => $"{Id} {Title}";

    protected Diagnostic Report(CrmObject? crmObject, string target, string message, string? suggestion = null) =>
        new(Id, Severity, crmObject, target, message, suggestion);

    /// <summary>The complete commands of a fix (see <see cref="Diagnostic.FixCommands"/>); nulls are left out.</summary>
    protected static IReadOnlyList<string> Fixes(params string?[] commands) =>
        System.Linq.Enumerable.ToArray(System.Linq.Enumerable.OfType<string>(commands));

    /// <summary>A value quoted for a message: 'value'.</summary>
    protected static string Quoted(string? value) => "'" + value + "'";

    /// <summary>A value quoted as a PowerShell single-quoted string, for a command in a message.</summary>
    protected static string Ps(string? value) => "'" + (value ?? string.Empty).Replace("'", "''") + "'";

    /// <summary>'a', 'b', 'c' (each quoted for a message).</summary>
    protected static string QuotedList(IEnumerable<string?> values) => string.Join(", ", System.Linq.Enumerable.Select(values, Quoted));
}
