using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM001: a stage mapped by two (or more) lead statuses. "Outreach produces an error when mapping a
/// stage already present": each stage maps to one lead status. A mapping to a stage that does not
/// exist is SM013's, and one status mapped twice to the same stage is SM002's.
/// </summary>
public sealed class SM001StageMappedTwice : ValidationRule
{
    public override string Id => "SM001";

    public override Severity Severity => Severity.Error;

    public override string Title => "A stage mapped by two lead statuses";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var (facts, mappings) in context.StagesMappedMoreThanOnce)
        {
            var statuses = mappings.Select(m => m.CrmStatus).Distinct(System.StringComparer.Ordinal).ToList();
            if (statuses.Count < 2 || facts.Stage is not { } stage)
            {
                continue;
            }

            // With two statuses, each mapped once, removing the second is a complete fix.
            var remove = statuses.Count == 2 && mappings.Count == 2 ? $"Remove-LeadStatusMapping -CrmStatus {Ps(statuses[1])}" : null;
            yield return Report(
                CrmObject.Lead,
                stage.Name,
                $"Stage {Quoted(stage.Name)} is mapped by {statuses.Count} lead statuses: {QuotedList(statuses)}. "
                + "Outreach produces an error when mapping a stage already present: a stage maps to one lead status. "
                + $"Keep one and map the others to other stages, for example Set-LeadStatusMapping -CrmStatus {Ps(statuses[1])} -Stage <stage>"
                + (remove is null ? "." : $", or remove the other mapping: {remove}."))
                with { FixCommands = Fixes(remove) };
        }
    }
}
