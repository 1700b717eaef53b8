using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// The rows of one command that point mapped lead statuses at other stages (Set-LeadStatusMapping fed
/// a sheet). The 1:1 rule is checked on the state at the end of the command, not row by row, so one
/// command can swap two stages. A row that still shares its stage with another status at the end is
/// left out, and so is any row that its absence brings into conflict; every other row lands.
/// </summary>
public sealed class LeadStatusMappingChanges
{
    private readonly StageMapConfiguration _configuration;
    private readonly List<LeadStatusMapping> _rows = new();

    internal LeadStatusMappingChanges(StageMapConfiguration configuration) => _configuration = configuration;

    /// <summary>Checks one row on its own and records it; its stage may still be mapped by another status.</summary>
    /// <exception cref="StageMapException">InvalidCrmStatus, CrmStatusNotMapped, StageNotFound, or CrmStatusAlreadyMapped when an earlier row gave the status another stage.</exception>
    public LeadStatusMapping Add(string crmStatus, string stageName)
    {
        _configuration.RequireLeadStatusMapping(crmStatus);
        var stage = _configuration.GetStage(stageName);
        var row = new LeadStatusMapping(crmStatus, stage.Name, stage.Id);
        var earlier = _rows.FirstOrDefault(r => string.Equals(r.CrmStatus, crmStatus, StringComparison.Ordinal));
        if (earlier is not null && earlier.StageId != stage.Id)
        {
            // Rows made by Add name their stage.
            throw Failures.CrmStatusGivenTwoStages(crmStatus, earlier.Stage!, stage.Name);
        }

        if (earlier is null)
        {
            _rows.Add(row);
        }

        return row;
    }

    /// <summary>Applies every row that keeps stages and statuses 1:1 at the end; the others change nothing.</summary>
    public LeadStatusMappingChangesResult Apply()
    {
        var pending = _rows.ToList();
        var rejected = new List<RejectedLeadStatusMapping>();
        while (true)
        {
            var conflicts = pending
                .Select(row => (Row: row, Holder: HolderOf(row, pending)))
                .Where(c => c.Holder is not null)
                .ToList();
            if (conflicts.Count == 0)
            {
                break;
            }

            foreach (var (row, holder) in conflicts)
            {
                pending.Remove(row);
                // Rows made by Add name their stage, and a conflict names the status that holds it.
                rejected.Add(new RejectedLeadStatusMapping(row, Failures.StageAlreadyMapped(row.Stage!, holder!, row.CrmStatus)));
            }
        }

        _configuration.PointLeadStatusesAt(pending);
        // PointLeadStatusesAt has just written a mapping for each pending status.
        var applied = pending.Select(row => _configuration.FindLeadStatusMapping(row.CrmStatus)!).ToList();
        return new LeadStatusMappingChangesResult(applied, rejected);
    }

    /// <summary>
    /// The other status holding <paramref name="row"/>'s stage at the end: a mapping no pending row moves,
    /// or an earlier pending row (the first row to claim a stage keeps it). A row that leaves its status
    /// where it is conflicts with nothing new.
    /// </summary>
    private string? HolderOf(LeadStatusMapping row, List<LeadStatusMapping> pending)
    {
        if (_configuration.FindLeadStatusMapping(row.CrmStatus)?.StageId == row.StageId)
        {
            return null;
        }

        var position = pending.IndexOf(row);
        var earlierRow = pending.Take(position).FirstOrDefault(other => other.StageId == row.StageId);
        if (earlierRow is not null)
        {
            return earlierRow.CrmStatus;
        }

        return _configuration.LeadStatusMappings
            .Where(m => m.StageId == row.StageId && !string.Equals(m.CrmStatus, row.CrmStatus, StringComparison.Ordinal))
            .FirstOrDefault(m => !pending.Any(p => string.Equals(p.CrmStatus, m.CrmStatus, StringComparison.Ordinal)))
            ?.CrmStatus;
    }
}

/// <summary>What a command's lead status rows came to: the mappings as they now are, and the rows left out.</summary>
public sealed record LeadStatusMappingChangesResult(IReadOnlyList<LeadStatusMapping> Applied, IReadOnlyList<RejectedLeadStatusMapping> Rejected);

/// <summary>A row that still broke the 1:1 rule at the end of its command, and why.</summary>
public sealed record RejectedLeadStatusMapping(LeadStatusMapping Row, StageMapException Failure);
