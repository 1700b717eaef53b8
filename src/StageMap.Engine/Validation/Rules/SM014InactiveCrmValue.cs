using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM014: a mapping to a CRM picklist value that is inactive: a mapped lead status (with CRM lead
/// statuses known), or, with a Contact Stage Name mapping and contact statuses known, a stage whose
/// name is an inactive contact status value. No new record can take the value, and Salesforce
/// refuses an inactive value on a restricted picklist when the sync writes it.
/// </summary>
public sealed class SM014InactiveCrmValue : ValidationRule
{
    public override string Id => "SM014";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A mapping to an inactive CRM picklist value";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.Metadata.HasLeadStatuses)
        {
            foreach (var (_, status, _) in context.DistinctMappings)
            {
                if (status.LeadStatus is { IsActive: false })
                {
                    yield return Report(
                        CrmObject.Lead,
                        status.Name,
                        $"Lead status {Quoted(status.Name)} is inactive in the CRM: no lead gets it any more, and Salesforce refuses an inactive value on a restricted picklist when the sync writes it. "
                        + $"Reactivate it in Salesforce, or remove the mapping: Remove-LeadStatusMapping -CrmStatus {Ps(status.Name)}.")
                        with { FixCommands = status.MappingCount == 1 ? Fixes($"Remove-LeadStatusMapping -CrmStatus {Ps(status.Name)}") : Fixes() };
                }
            }
        }

        if (context.ContactStageNameMapping is null || !context.Metadata.HasContactStatuses)
        {
            yield break;
        }

        var picklist = Quoted(context.Metadata.ContactStatusField);
        foreach (var (stage, name, _) in context.Stages)
        {
            if (name.ContactStatus is { IsActive: false })
            {
                yield return Report(
                    CrmObject.Contact,
                    stage.Name,
                    $"Stage {Quoted(stage.Name)} is an inactive value of the contact status picklist {picklist}: Salesforce refuses it on a restricted picklist when the sync writes it to a contact. "
                    + $"Reactivate {Quoted(stage.Name)} in Salesforce, or stop using the stage for contacts.");
            }
        }
    }
}
