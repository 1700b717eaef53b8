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
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var status in context.Metadata.LeadStatuses)
        {
            if (!status.IsActive || !seen.Add(status.ApiName) || context.MappingsByStatus.Contains(status.ApiName))
            {
                continue;
            }

            var stage = context.FindStage(status.ApiName);
            var freeStage = stage is not null && !context.MappingsByStage.Contains(stage.Id) ? stage.Name : null;
            yield return Report(
                CrmObject.Lead,
                status.ApiName,
                $"CRM lead status {Quoted(status.ApiName)} is not mapped to a stage: leads with this status get no stage in Outreach. "
                + $"Map it: New-LeadStatusMapping -CrmStatus {Ps(status.ApiName)} -Stage {(freeStage is null ? "<stage>" : Ps(freeStage))}.",
                freeStage);
        }
    }
}
