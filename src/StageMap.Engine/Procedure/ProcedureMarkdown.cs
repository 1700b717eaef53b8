using System;
using System.Collections.Generic;
using System.Text;

namespace StageMap.Engine.Procedure;

/// <summary>
/// A procedure as a Markdown checklist an admin ticks off: a title, each section a heading, each step
/// a task item "- [ ] n. action" with the configuration's values as code spans.
/// </summary>
public static class ProcedureMarkdown
{
    public static string Render(string title, IEnumerable<ProcedureStep> steps)
    {
        var text = new StringBuilder();
        text.Append("# Outreach stage / status mapping: ").Append(title).Append('\n');
        string? section = null;
        foreach (var step in steps)
        {
            if (step.Section != section)
            {
                section = step.Section;
                text.Append('\n').Append("## ").Append(section).Append("\n\n");
            }

            text.Append("- [ ] ").Append(step.Step).Append(". ").Append(step.MarkdownAction ?? step.Action).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> as a code span: fenced by one backtick more than its longest run of
    /// backticks, padded where it starts or ends with one, line breaks as spaces.
    /// </summary>
    public static string CodeSpan(string text)
    {
        var flat = text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
        var longestRun = 0;
        var run = 0;
        foreach (var c in flat)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = run > longestRun ? run : longestRun;
        }

        var fence = new string('`', longestRun + 1);
        var pad = flat.StartsWith("`", StringComparison.Ordinal) || flat.EndsWith("`", StringComparison.Ordinal) ? " " : "";
        return fence + pad + flat + pad + fence;
    }
}
