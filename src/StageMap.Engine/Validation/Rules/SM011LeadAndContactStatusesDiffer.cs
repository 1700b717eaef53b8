using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

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
            return Enumerable.Empty<Diagnostic>();
        }

        var picklist = Quoted(metadata.ContactStatusField);
        var leadOnly = MissingOnTheOtherSide(
            // Every name in LeadStatuses has its lead status, every one in ContactStatuses its contact status.
            context.LeadStatuses, CrmObject.Lead, s => s.LeadStatus!, s => s.ContactStatus, () => context.ContactStatusMatch,
            value => $"Lead status {Quoted(value)} is not an active value of the contact status picklist {picklist}. ",
            value => $"Add {Quoted(value)} to {picklist} in Salesforce, or retire the lead status.",
            near => $"{picklist} has {Quoted(near)}: spell both the same in Salesforce.");
        var contactOnly = MissingOnTheOtherSide(
            context.ContactStatuses, CrmObject.Contact, s => s.ContactStatus!, s => s.LeadStatus, () => context.LeadStatusMatch,
            value => $"Contact status {Quoted(value)} of {picklist} is not an active lead status. ",
            value => $"Add {Quoted(value)} to the Lead Status picklist in Salesforce, or remove it from {picklist}.",
            near => $"The lead status is {Quoted(near)}: spell both the same in Salesforce.");
        return leadOnly.Concat(contactOnly);
    }

    /// <summary>The active values of one side that are not active values of the other, each with the fix.</summary>
    private IEnumerable<Diagnostic> MissingOnTheOtherSide(
        IReadOnlyList<NameFacts> side,
        CrmObject crmObject,
        Func<NameFacts, CrmStatus> own,
        Func<NameFacts, CrmStatus?> other,
        Func<NearMatch> otherNearMatch,
        Func<string, string> what,
        Func<string, string> add,
        Func<string, string> respell)
    {
        foreach (var status in side)
        {
            if (!own(status).IsActive || other(status) is { IsActive: true })
            {
                continue;
            }

            var near = otherNearMatch().Find(status.Name)?.Single;
            yield return Report(
                crmObject,
                status.Name,
                what(status.Name) + "Best practice is the same values for Lead and Contact status. " + (near is null ? add(status.Name) : respell(near)),
                near);
        }
    }
}
