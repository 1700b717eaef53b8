using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM005: a stage no lead status maps to. Fine for a stage set only in Outreach, worth knowing
/// otherwise. The Suggestion is an unmapped active CRM lead status of the stage's name (exactly, or
/// but for case, white space and dashes), when the configuration holds one.
/// </summary>
public sealed class SM005StageNotMapped : ValidationRule
{
    public override string Id => "SM005";

    public override Severity Severity => Severity.Information;

    public override string Title => "A stage no lead status maps to";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var (stage, name, id) in context.Stages)
        {
            if (id.MappingCount > 0)
            {
                continue;
            }

            var status = FreeStatusNamed(context, name);
            yield return Report(
                CrmObject.Lead,
                stage.Name,
                $"Stage {Quoted(stage.Name)} has no lead status mapped to it: no lead enters it from Salesforce. "
                + $"That is fine for a stage you set only in Outreach; otherwise map a status to it: New-LeadStatusMapping -CrmStatus {(status is null ? "<status>" : Ps(status))} -Stage {Ps(stage.Name)}.",
                status)
                with { FixCommands = Fixes(status is null ? null : $"New-LeadStatusMapping -CrmStatus {Ps(status)} -Stage {Ps(stage.Name)}") };
        }
    }

    private static string? FreeStatusNamed(ValidationContext context, NameFacts stageName)
    {
        var status = stageName.LeadStatus is not null
            ? stageName
            : context.Metadata.HasLeadStatuses && context.LeadStatusMatch.Find(stageName.Name)?.Single is { } near ? context.FindName(near) : null;
        return status is { LeadStatus.IsActive: true, MappingCount: 0 } ? status.Name : null;
    }
}
