namespace StageMap.Engine.Procedure;

/// <summary>
/// One numbered step of the click-path that applies a configuration in the Outreach UI.
/// <see cref="Value"/> is the configuration's value the step uses (a status, a stage, a field pair,
/// an option), or null for a plain click.
/// </summary>
public sealed record ProcedureStep(int Step, string Section, string Action, string? Value)
{
    /// <summary>The action with its values as Markdown code spans.</summary>
    internal string? MarkdownAction { get; init; }
}
