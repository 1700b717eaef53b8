using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM011: the active lead status values and the active contact status values are not the same set
/// ("It is best practice to have your Lead and Contact Status have the same values"). One diagnostic
/// per value missing on the other side, its Object the side that has it; the Suggestion is the other
/// side's value it differs from only in case, white space or dashes (or whose label it is). Runs only
/// when the configuration holds both lead and contact statuses.
/// </summary>
public sealed class SM011LeadAndContactStatusesDiffer : ValidationRule
{
    public override string Id => "SM011";

    public override Severity Severity => Severity.Warning;

    public override string Title => "Lead and contact status values differ";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var metadata = context.Metadata;
        if (!metadata.HasLeadStatuses || !metadata.HasContactStatuses)
        {
            yield break;
        }

        var picklist = Quoted(metadata.ContactStatusField);
        foreach (var status in context.LeadStatuses)
        {
            if (status.LeadStatus!.IsActive && status.ContactStatus is not { IsActive: true })
            {
                var near = context.ContactStatusMatch.Find(status.Name)?.Single;
                yield return Report(
                    CrmObject.Lead,
                    status.Name,
                    $"Lead status {Quoted(status.Name)} is not an active value of the contact status picklist {picklist}. "
                    + "Best practice is the same values for Lead and Contact status. "
                    + (near is null
                        ? $"Add {Quoted(status.Name)} to {picklist} in Salesforce, or retire the lead status."
                        : $"{picklist} has {Quoted(near)}: spell both the same in Salesforce."),
                    near);
            }
        }

        foreach (var status in context.ContactStatuses)
        {
            if (status.ContactStatus!.IsActive && status.LeadStatus is not { IsActive: true })
            {
                var near = context.LeadStatusMatch.Find(status.Name)?.Single;
                yield return Report(
                    CrmObject.Contact,
                    status.Name,
                    $"Contact status {Quoted(status.Name)} of {picklist} is not an active lead status. "
                    + "Best practice is the same values for Lead and Contact status. "
                    + (near is null
                        ? $"Add {Quoted(status.Name)} to the Lead Status picklist in Salesforce, or remove it from {picklist}."
                        : $"The lead status is {Quoted(near)}: spell both the same in Salesforce."),
                    near);
            }
        }
    }
}
