using System.Collections.Generic;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

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
            var match = context.LeadStatusMatch.Find(mapped);
            var what = Describe(mapped, match, context.Metadata.LeadStatuses.Count);
            var remove = $"Remove-LeadStatusMapping -CrmStatus {Ps(mapped)}";
            if (match?.Single is not { } exact)
            {
                var hint = match is null ? "Correct it to the CRM's API name, or remove the mapping" : "Map the one you mean by its exact API name, and remove this mapping";
                yield return Report(CrmObject.Lead, mapped, what + $"{hint}: {remove}.") with { FixCommands = Fixes(remove) };
            }
            else if (context.FindName(exact)?.MappingCount > 0)
            {
                yield return Report(CrmObject.Lead, mapped, what + $"{Quoted(exact)} is mapped already: remove this mapping: {remove}.", exact) with { FixCommands = Fixes(remove) };
            }
            else
            {
                var stage = stageId.Stage is { } found ? Ps(found.Name) : "<stage>";
                // While another status maps the stage too (SM001), the new mapping would be refused: that comes first.
                var shared = stageId.Stage is not null && stageId.MappingCount > 1;
                var replace = stageId.Stage is null || shared ? null : $"{remove}; New-LeadStatusMapping -CrmStatus {Ps(exact)} -Stage {stage}";
                var advice = shared
                    ? $"Map that instead, once stage {Quoted(stageId.Stage!.Name)} is mapped by this status alone: fix SM001 first, and this finding then prints the commands."
                    : $"Map that instead: {remove}; New-LeadStatusMapping -CrmStatus {Ps(exact)} -Stage {stage}.";
                yield return Report(CrmObject.Lead, mapped, what + advice, exact) with { FixCommands = Fixes(replace) };
            }
        }
    }

    /// <summary>
    /// What is wrong with <paramref name="mapped"/>, a status that is not exactly a CRM lead status,
    /// and what was most likely meant (<paramref name="match"/>, from the lead statuses' near match):
    /// SM003's message before its fix. New- and Set-LeadStatusMapping warn with it as the status is typed.
    /// </summary>
    public static string Describe(string mapped, NearMatchResult? match, int crmStatusCount)
    {
        var wrong = $"Lead status {Quoted(mapped)} is not the API name of a CRM lead status, and the sync compares API names exactly: it will fail for this mapping. ";
        if (match?.Single is { } exact)
        {
            return wrong + (match.Kind == NearMatchKind.Label
                ? $"It matches the label of the CRM lead status whose API name is {Quoted(exact)}; mappings use the API name (the value Lead.Status holds). "
                : $"The CRM has {Quoted(exact)}, which differs only in case, white space or dashes. ");
        }

        return wrong + (match is null
            ? $"It is none of the {crmStatusCount} lead statuses of the CRM metadata (Get-CrmStatus -Object Lead lists them). "
            : $"It nearly matches several CRM lead statuses: {QuotedList(match.Candidates)}. ");
    }
}
