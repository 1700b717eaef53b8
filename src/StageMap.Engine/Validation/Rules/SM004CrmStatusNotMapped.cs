using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM004: an active CRM lead status with no mapping, so leads with it get no stage. Inactive values
/// are left out (mapping one is what SM014 warns about). The Suggestion is the stage of the same name
/// (ignoring case) when one exists and no status maps to it. Runs only when the configuration holds
/// CRM lead statuses.
/// </summary>
public sealed class SM004CrmStatusNotMapped : ValidationRule
{
    public override string Id => "SM004";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A CRM lead status with no mapping";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var status in context.LeadStatuses)
        {
            // Every name in LeadStatuses has its lead status.
            if (!status.LeadStatus!.IsActive || status.MappingCount > 0)
            {
                continue;
            }

            var stage = status.Stage ?? context.FindStage(status.Name);
            var freeStage = stage is not null && !context.IsStageMapped(stage.Id) ? stage.Name : null;
            yield return Report(
                CrmObject.Lead,
                status.Name,
                $"CRM lead status {Quoted(status.Name)} is not mapped to a stage: leads with this status get no stage in Outreach. "
                + $"Map it: New-LeadStatusMapping -CrmStatus {Ps(status.Name)} -Stage {(freeStage is null ? "<stage>" : Ps(freeStage))}.",
                freeStage)
                with { FixCommands = Fixes(freeStage is null ? null : $"New-LeadStatusMapping -CrmStatus {Ps(status.Name)} -Stage {Ps(freeStage)}") };
        }
    }
}
