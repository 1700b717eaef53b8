using System;
using System.Collections.Generic;
using System.Globalization;
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
            throw Failures.CrmStatusAlreadyMapped(crmStatus, existing.Stage ?? existing.StageId.ToString(CultureInfo.InvariantCulture));
        }

        RequireStageUnmapped(stage, crmStatus);
        var mapping = new LeadStatusMapping(crmStatus, stage.Name, stage.Id);
        Change(content => content.LeadStatusMappings.Add(mapping));
        return mapping;
    }

    /// <summary>Points a mapped status at another stage, which no other status may map to.</summary>
    public LeadStatusMapping UpdateLeadStatusMapping(string crmStatus, string stageName)
    {
        var changes = BeginLeadStatusMappingChanges();
        changes.Add(crmStatus, stageName);
        var result = changes.Apply();
        return result.Rejected.Count > 0 ? throw result.Rejected[0].Failure : result.Applied[0];
    }

    /// <summary>Starts a command's rows of <see cref="UpdateLeadStatusMapping"/>, checked 1:1 together at the end.</summary>
    public LeadStatusMappingChanges BeginLeadStatusMappingChanges() => new(this);

    internal void RequireLeadStatusMapping(string crmStatus) => IndexOfLeadStatusMapping(crmStatus);

    /// <summary>Points each status at its row's stage; the rows were checked together.</summary>
    internal void PointLeadStatusesAt(IReadOnlyList<LeadStatusMapping> rows)
    {
        var moves = rows
            .Select(row => (Index: IndexOfLeadStatusMapping(row.CrmStatus), Row: row))
            .Where(move => _content.LeadStatusMappings[move.Index].StageId != move.Row.StageId)
            .ToList();
        if (moves.Count > 0)
        {
            Change(content => moves.ForEach(move => content.LeadStatusMappings[move.Index] = move.Row));
        }
    }

    public LeadStatusMapping RemoveLeadStatusMapping(string crmStatus)
    {
        var index = IndexOfLeadStatusMapping(crmStatus);
        var removed = WithCurrentStageName(_content.LeadStatusMappings[index]);
        Change(content => content.LeadStatusMappings.RemoveAt(index));
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
        if (NullableText.IsNullOrWhiteSpace(crmStatus))
        {
            throw Failures.InvalidCrmStatus(crmStatus);
        }

        if (ReadLimits.NameProblem(crmStatus, "the CRM status") is { } problem)
        {
            throw Failures.InvalidCrmStatus(crmStatus, problem);
        }
    }
}
