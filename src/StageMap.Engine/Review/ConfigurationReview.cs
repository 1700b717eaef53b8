using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using StageMap.Engine.Validation;

namespace StageMap.Engine.Review;

/// <summary>
/// A review of a configuration change, as a pull-request comment: the changes grouped by area, the
/// diagnostics the change adds or resolves (Test-StageMapping run on both sides), and the click-path
/// steps to redo in the Outreach UI for this change alone.
/// </summary>
public sealed class ConfigurationReview
{
    private ConfigurationReview(IReadOnlyList<ConfigurationChange> changes, IReadOnlyList<Diagnostic> added, IReadOnlyList<Diagnostic> resolved, ClickPathToRedo clickPath)
    {
        Changes = changes;
        AddedDiagnostics = added;
        ResolvedDiagnostics = resolved;
        ClickPath = clickPath;
    }

    public IReadOnlyList<ConfigurationChange> Changes { get; }

    /// <summary>Findings of the difference that the reference does not have.</summary>
    public IReadOnlyList<Diagnostic> AddedDiagnostics { get; }

    /// <summary>Findings of the reference that the difference no longer has.</summary>
    public IReadOnlyList<Diagnostic> ResolvedDiagnostics { get; }

    public ClickPathToRedo ClickPath { get; }

    public static ConfigurationReview Create(ConfigurationContent reference, ConfigurationContent difference)
    {
        var changes = ConfigurationDiff.Compare(reference, difference);
        var before = Validator.Validate(reference);
        var after = Validator.Validate(difference);
        return new ConfigurationReview(changes, Except(after, before), Except(before, after), ClickPathToRedo.For(reference, difference, changes));
    }

    /// <summary>The review as Markdown; empty when nothing changed.</summary>
    public string ToMarkdown()
    {
        if (Changes.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        text.Append("## StageMap review: ").Append(Count(Changes.Count, "change")).Append('\n');
        foreach (var area in Changes.GroupBy(c => c.Area).OrderBy(g => g.Key))
        {
            text.Append("\n### ").Append(AreaTitle(area.Key)).Append("\n\n");
            text.Append("| change | object | name | property | before | after |\n| --- | --- | --- | --- | --- | --- |\n");
            foreach (var change in area)
            {
                text.Append("| ").Append(change.Change)
                    .Append(" | ").Append(Cell(change.Object))
                    .Append(" | ").Append(Cell(change.Name))
                    .Append(" | ").Append(Cell(change.Property))
                    .Append(" | ").Append(Cell(change.Before))
                    .Append(" | ").Append(Cell(change.After)).Append(" |\n");
            }
        }

        text.Append("\n### Test-StageMapping\n\n");
        if (AddedDiagnostics.Count == 0 && ResolvedDiagnostics.Count == 0)
        {
            text.Append("The change adds and resolves no finding.\n");
        }

        AppendDiagnostics(text, "Added by this change", AddedDiagnostics, ResolvedDiagnostics.Count > 0);
        AppendDiagnostics(text, "Resolved by this change", ResolvedDiagnostics, false);

        text.Append("\n### Redo in the Outreach UI (").Append(ClickPath.Title).Append(")\n\n");
        if (ClickPath.Steps.Count == 0 && ClickPath.Removals.Count == 0)
        {
            text.Append("Nothing to click: the change touches nothing the procedure sets in the Outreach UI.\n");
        }

        string? section = null;
        foreach (var step in ClickPath.Steps)
        {
            if (step.Section != section)
            {
                section = step.Section;
                text.Append("**").Append(Escape(section)).Append("**\n\n");
            }

            text.Append("- [ ] ").Append(step.Step.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(step.MarkdownAction ?? step.Action).Append('\n');
            if (ClickPath.Steps.Count > step.Step && ClickPath.Steps[step.Step].Section != section)
            {
                text.Append('\n');
            }
        }

        if (ClickPath.Removals.Count > 0)
        {
            text.Append(ClickPath.Steps.Count > 0 ? "\n" : "").Append("Remove by hand (the procedure has no step for a removal):\n\n");
            foreach (var removal in ClickPath.Removals)
            {
                text.Append("- [ ] ").Append(Escape(removal)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendDiagnostics(StringBuilder text, string title, IReadOnlyList<Diagnostic> diagnostics, bool more)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        text.Append("**").Append(title).Append("** (").Append(diagnostics.Count.ToString(CultureInfo.InvariantCulture)).Append("):\n\n");
        foreach (var d in diagnostics)
        {
            text.Append("- ").Append(d.RuleId).Append(' ').Append(d.Severity).Append(": ").Append(Escape(d.Message)).Append('\n');
        }

        if (more)
        {
            text.Append('\n');
        }
    }

    /// <summary>Findings of <paramref name="left"/> that <paramref name="right"/> does not have (same rule, object, target and message).</summary>
    private static IReadOnlyList<Diagnostic> Except(IReadOnlyList<Diagnostic> left, IReadOnlyList<Diagnostic> right)
    {
        var known = new HashSet<Diagnostic>(right);
        return left.Where(d => !known.Contains(d)).ToList();
    }

    private static string AreaTitle(ChangeArea area) => area switch
    {
        ChangeArea.Experience => "Experience",
        ChangeArea.Stage => "Stages",
        ChangeArea.LeadStatusMapping => "Lead status mappings",
        ChangeArea.FieldMapping => "Field mappings",
        _ => "CRM metadata",
    };

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Cell(object? value) => value switch
    {
        null => "",
        bool b => b ? "on" : "off",
        _ => ProcedureMarkdown.CodeSpan(System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Replace("|", "\\|"),
    };

    /// <summary>Text with the characters Markdown would act on escaped, so a value cannot become markup.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if ("\\`*_[]<>|#".IndexOf(c) >= 0)
            {
                escaped.Append('\\');
            }

            escaped.Append(c == '\n' || c == '\r' ? ' ' : c);
        }

        return escaped.ToString();
    }
}
