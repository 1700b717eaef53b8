using System;
using System.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>The mapping of exactly this API name (ordinal: the sync compares API names exactly).</summary>
    public LeadStatusMapping? FindLeadStatusMapping(string crmStatus)
    {
        var stored = _content.LeadStatusMappings.FirstOrDefault(m => string.Equals(m.CrmStatus, crmStatus, StringComparison.Ordinal));
        return stored is null ? null : WithCurrentStageName(stored);
    }

    /// <summary>
    /// Maps a CRM lead status to a stage: the article's "Click Add, select the CRM status, select the
    /// Outreach stage". Both sides are 1:1.
    /// </summary>
    public LeadStatusMapping AddLeadStatusMapping(string crmStatus, string stageName)
    {
        RequireCrmStatus(crmStatus);
        var stage = GetStage(stageName);
        var existing = FindLeadStatusMapping(crmStatus);
        if (existing is not null)
        {
            throw Failures.CrmStatusAlreadyMapped(crmStatus, existing.Stage ?? existing.StageId.ToString());
        }

        RequireStageUnmapped(stage, crmStatus);
        var mapping = new LeadStatusMapping(crmStatus, stage.Name, stage.Id);
        Change(() => _content.LeadStatusMappings.Add(mapping));
        return mapping;
    }

    /// <summary>Points a mapped status at another stage, which no other status may map to.</summary>
    public LeadStatusMapping UpdateLeadStatusMapping(string crmStatus, string stageName)
    {
        var index = IndexOfLeadStatusMapping(crmStatus);
        var stage = GetStage(stageName);
        var current = _content.LeadStatusMappings[index];
        if (current.StageId == stage.Id)
        {
            return WithCurrentStageName(current);
        }

        RequireStageUnmapped(stage, crmStatus);
        var updated = new LeadStatusMapping(current.CrmStatus, stage.Name, stage.Id);
        Change(() => _content.LeadStatusMappings[index] = updated);
        return updated;
    }

    public LeadStatusMapping RemoveLeadStatusMapping(string crmStatus)
    {
        var index = IndexOfLeadStatusMapping(crmStatus);
        var removed = WithCurrentStageName(_content.LeadStatusMappings[index]);
        Change(() => _content.LeadStatusMappings.RemoveAt(index));
        return removed;
    }

    private int IndexOfLeadStatusMapping(string crmStatus)
    {
        RequireCrmStatus(crmStatus);
        var index = _content.LeadStatusMappings.FindIndex(m => string.Equals(m.CrmStatus, crmStatus, StringComparison.Ordinal));
        return index >= 0 ? index : throw Failures.CrmStatusNotMapped(crmStatus);
    }

    private void RequireStageUnmapped(Stage stage, string requestedBy)
    {
        var holder = _content.LeadStatusMappings.FirstOrDefault(m => m.StageId == stage.Id);
        if (holder is not null)
        {
            throw Failures.StageAlreadyMapped(stage.Name, holder.CrmStatus, requestedBy);
        }
    }

    private static void RequireCrmStatus(string? crmStatus)
    {
        if (string.IsNullOrWhiteSpace(crmStatus))
        {
            throw Failures.InvalidCrmStatus(crmStatus);
        }

        if (ReadLimits.NameProblem(crmStatus!, "the CRM status") is { } problem)
        {
            throw Failures.InvalidCrmStatus(crmStatus!, problem);
        }
    }
}
