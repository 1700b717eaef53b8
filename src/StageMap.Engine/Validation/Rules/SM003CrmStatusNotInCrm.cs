using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM003: a mapped lead status that is not exactly the API name of a CRM lead status. "The API name
/// field in Salesforce must be 1:1 match with Outreach otherwise the sync will fail." When the
/// mapped value differs from one CRM value only in case, white space or dashes, or is the label of a
/// value whose API name differs, the Suggestion is that exact API name (see <see cref="NearMatch"/>);
/// otherwise there is none. Runs only when the configuration holds CRM lead statuses.
/// </summary>
public sealed class SM003CrmStatusNotInCrm : ValidationRule
{
    public override string Id => "SM003";

    public override Severity Severity => Severity.Error;

    public override string Title => "A mapped status that is not exactly a CRM lead status API name";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (!context.Metadata.HasLeadStatuses)
        {
            yield break;
        }

        foreach (var (mapping, status, stageId) in context.DistinctMappings)
        {
            if (status.LeadStatus is not null)
            {
                continue;
            }

            var mapped = mapping.CrmStatus;
            var stage = stageId.Stage is { } found ? Ps(found.Name) : "<stage>";
            var wrong = $"Lead status {Quoted(mapped)} is not the API name of a CRM lead status, and the sync compares API names exactly: it will fail for this mapping. ";
            var remove = $"Remove-LeadStatusMapping -CrmStatus {Ps(mapped)}";
            var match = context.LeadStatusMatch.Find(mapped);
            if (match?.Single is { } taken && context.FindName(taken)?.MappingCount > 0)
            {
                yield return Report(
                    CrmObject.Lead,
                    mapped,
                    wrong + $"The CRM has {Quoted(taken)}, which is mapped already: remove this mapping: {remove}.",
                    taken)
                    with { FixCommands = Fixes(remove) };
            }
            else if (match?.Single is { } exact)
            {
                var replace = stageId.Stage is null ? null : $"{remove}; New-LeadStatusMapping -CrmStatus {Ps(exact)} -Stage {stage}";
                var why = match.Kind == NearMatchKind.Label
                    ? $"It matches the label of the CRM lead status whose API name is {Quoted(exact)}; mappings use the API name (the value Lead.Status holds). "
                    : $"The CRM has {Quoted(exact)}, which differs only in case, white space or dashes. ";
                yield return Report(
                    CrmObject.Lead,
                    mapped,
                    wrong + why + $"Map that instead: {remove}; New-LeadStatusMapping -CrmStatus {Ps(exact)} -Stage {stage}.",
                    exact)
                    with { FixCommands = Fixes(replace) };
            }
            else if (match is not null)
            {
                yield return Report(
                    CrmObject.Lead,
                    mapped,
                    wrong + $"It nearly matches several CRM lead statuses: {QuotedList(match.Candidates)}. Map the one you mean by its exact API name, and remove this mapping: {remove}.")
                    with { FixCommands = Fixes(remove) };
            }
            else
            {
                yield return Report(
                    CrmObject.Lead,
                    mapped,
                    wrong + $"It is none of the {context.Metadata.LeadStatuses.Count} lead statuses of the CRM metadata (Get-CrmStatus -Object Lead lists them). "
                    + $"Correct it to the CRM's API name, or remove the mapping: {remove}.")
                    with { FixCommands = Fixes(remove) };
            }
        }
    }
}
