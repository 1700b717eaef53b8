using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>Replaces the CRM metadata the configuration is checked against (Metadata's import works it out).</summary>
    internal void ReplaceCrmMetadata(CrmMetadata metadata) => Change(content => content.CrmMetadata = metadata);

    /// <summary>
    /// The name match of New-LeadStatusMapping -FromCrm, in the CRM's order: each unmapped, active CRM
    /// lead status goes to the stage of its name. Stage names compare as everywhere, ignoring case
    /// (a stage spelled in another case is matched, with a note); the status API name is kept exactly.
    /// Changes nothing: <see cref="ApplyCrmStatusMatch"/> carries out a step.
    /// </summary>
    /// <exception cref="StageMapException">NoCrmLeadStatuses.</exception>
    public IReadOnlyList<CrmStatusMatch> MatchCrmLeadStatuses(bool createMissingStages)
    {
        if (!_content.CrmMetadata.HasLeadStatuses)
        {
            throw Failures.NoCrmLeadStatuses();
        }

        var claimed = new Dictionary<string, string>(StageNames.Comparer);
        var matches = new List<CrmStatusMatch>();
        foreach (var status in _content.CrmMetadata.LeadStatuses)
        {
            matches.Add(Match(status, createMissingStages, claimed));
        }

        return matches;
    }

    /// <summary>Carries out a <see cref="CrmStatusMatch"/> that maps; checks its rules again first.</summary>
    /// <exception cref="StageMapException">CrmStatusAlreadyMapped, StageAlreadyMapped, StageAlreadyExists, StageNotFound.</exception>
    public LeadStatusMapping ApplyCrmStatusMatch(CrmStatusMatch match)
    {
        var apiName = match.Status.ApiName;
        var stage = match.Stage ?? throw new ArgumentException("The match names no stage.", nameof(match));
        switch (match.Action)
        {
            case CrmStatusMatchAction.Map:
                return AddLeadStatusMapping(apiName, stage);

            case CrmStatusMatchAction.CreateStageAndMap:
                RequireCrmStatus(apiName);
                if (FindLeadStatusMapping(apiName) is { } existing)
                {
                    throw Failures.CrmStatusAlreadyMapped(apiName, existing.Stage ?? existing.StageId.ToString(CultureInfo.InvariantCulture));
                }

                var created = AddStage(stage);
                try
                {
                    return AddLeadStatusMapping(apiName, created.Name);
                }
                catch (StageMapException)
                {
                    // Only a hand-edited mapping that already points at the new stage's id gets here.
                    Change(content => content.Stages.Remove(created));
                    throw;
                }

            default:
                throw new ArgumentException($"A {match.Action} match maps nothing.", nameof(match));
        }
    }

    private CrmStatusMatch Match(CrmStatus status, bool createMissingStages, Dictionary<string, string> claimed)
    {
        if (FindLeadStatusMapping(status.ApiName) is not null)
        {
            return new CrmStatusMatch(status, null, CrmStatusMatchAction.AlreadyMapped);
        }

        if (!status.IsActive)
        {
            return Skip(status, "it is inactive in the CRM (Test-StageMapping warns about mappings to inactive values). Map it by hand if records still carry it.");
        }

        var name = status.ApiName.Trim();
        if (claimed.TryGetValue(name, out var claimant))
        {
            return Skip(status, $"stage '{name}' is being mapped by lead status '{claimant}' (the names differ only in case).");
        }

        var stage = FindStage(name);
        if (stage is null)
        {
            if (!createMissingStages)
            {
                return Skip(status, $"there is no stage named '{name}'. Add -CreateMissingStages to create it, or map it with New-LeadStatusMapping -CrmStatus '{status.ApiName}' -Stage <stage>.");
            }

            claimed.Add(name, status.ApiName);
            return new CrmStatusMatch(status, name, CrmStatusMatchAction.CreateStageAndMap);
        }

        var holder = _content.LeadStatusMappings.FirstOrDefault(m => m.StageId == stage.Id);
        if (holder is not null)
        {
            return Skip(status, $"stage '{stage.Name}' is already mapped by lead status '{holder.CrmStatus}'.");
        }

        claimed.Add(name, status.ApiName);
        var note = string.Equals(stage.Name, status.ApiName, StringComparison.Ordinal)
            ? null
            : $"Lead status '{status.ApiName}' was mapped to stage '{stage.Name}', whose name differs in case or spacing. That is fine for leads, but the Contact side syncs the stage name as text and needs it to equal the contact status exactly.";
        return new CrmStatusMatch(status, stage.Name, CrmStatusMatchAction.Map, note);
    }

    private static CrmStatusMatch Skip(CrmStatus status, string why) =>
        new(status, null, CrmStatusMatchAction.Skip, $"Lead status '{status.ApiName}' was not mapped: {why}");
}
