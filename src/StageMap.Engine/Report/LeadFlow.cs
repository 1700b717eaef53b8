using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Engine.Report;

/// <summary>How a box of the flow picture is drawn.</summary>
public enum FlowNodeState
{
    /// <summary>Has a mapping.</summary>
    Mapped,

    /// <summary>Has none: an unmapped CRM status or a stage no status maps to.</summary>
    Unmapped,

    /// <summary>A mapped status the CRM does not have, or a stage id a mapping points at that no stage has.</summary>
    Missing,
}

/// <summary>A box of the flow picture.</summary>
public sealed record FlowNode(string Label, FlowNodeState State, string? Note = null);

/// <summary>A line of the flow picture: one lead status mapping, broken when a rule flags it.</summary>
public sealed record FlowEdge(int Left, int Right, string? BrokenBy, string Tooltip)
{
    public bool IsBroken => BrokenBy is not null;
}

/// <summary>
/// The Lead side as a picture: CRM lead statuses (the metadata's, then mapped ones it lacks) on the
/// left, stages (in order, then missing stage ids mappings point at) on the right, and one line per
/// lead status mapping. A mapping is broken when SM001 (its stage is mapped twice), SM002, SM003,
/// SM013 or SM014 reports it.
/// </summary>
public sealed class LeadFlow
{
    private LeadFlow(IReadOnlyList<FlowNode> statuses, IReadOnlyList<FlowNode> stages, IReadOnlyList<FlowEdge> edges)
    {
        Statuses = statuses;
        Stages = stages;
        Edges = edges;
    }

    public IReadOnlyList<FlowNode> Statuses { get; }

    public IReadOnlyList<FlowNode> Stages { get; }

    public IReadOnlyList<FlowEdge> Edges { get; }

    public static LeadFlow Build(ConfigurationContent content, IReadOnlyList<Diagnostic> diagnostics)
    {
        var lead = diagnostics.Where(d => d.Object == CrmObject.Lead).ToList();
        var brokenStatuses = new Dictionary<string, Diagnostic>(StringComparer.Ordinal);
        foreach (var d in lead.Where(d => d.RuleId is "SM002" or "SM003" or "SM013" or "SM014"))
        {
            if (!brokenStatuses.ContainsKey(d.Target)) brokenStatuses.Add(d.Target, d);
        }

        var brokenStages = new Dictionary<string, Diagnostic>(StageNames.Comparer);
        foreach (var d in lead.Where(d => d.RuleId == "SM001"))
        {
            if (!brokenStages.ContainsKey(d.Target)) brokenStages.Add(d.Target, d);
        }

        var statuses = new List<FlowNode>();
        var statusIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var mappedStatuses = new HashSet<string>(content.LeadStatusMappings.Select(m => m.CrmStatus), StringComparer.Ordinal);
        foreach (var status in content.CrmMetadata.LeadStatuses)
        {
            if (statusIndex.ContainsKey(status.ApiName)) continue;
            statusIndex.Add(status.ApiName, statuses.Count);
            var note = status.IsActive ? null : "inactive";
            statuses.Add(new FlowNode(status.ApiName, mappedStatuses.Contains(status.ApiName) ? FlowNodeState.Mapped : FlowNodeState.Unmapped, note));
        }

        var hasCrm = content.CrmMetadata.HasLeadStatuses;
        var stages = new List<FlowNode>();
        var stageIndex = new Dictionary<int, int>();
        var mappedStageIds = new HashSet<int>(content.LeadStatusMappings.Select(m => m.StageId));
        foreach (var stage in content.Stages.InStageOrder())
        {
            if (stageIndex.ContainsKey(stage.Id)) continue;
            stageIndex.Add(stage.Id, stages.Count);
            stages.Add(new FlowNode(stage.Name, mappedStageIds.Contains(stage.Id) ? FlowNodeState.Mapped : FlowNodeState.Unmapped));
        }

        var edges = new List<FlowEdge>();
        foreach (var mapping in content.LeadStatusMappings)
        {
            if (!statusIndex.TryGetValue(mapping.CrmStatus, out var left))
            {
                left = statuses.Count;
                statusIndex.Add(mapping.CrmStatus, left);
                statuses.Add(new FlowNode(mapping.CrmStatus, hasCrm ? FlowNodeState.Missing : FlowNodeState.Mapped, hasCrm ? "not in the CRM" : null));
            }

            if (!stageIndex.TryGetValue(mapping.StageId, out var right))
            {
                right = stages.Count;
                stageIndex.Add(mapping.StageId, right);
                stages.Add(new FlowNode($"stage id {mapping.StageId}", FlowNodeState.Missing, "no such stage"));
            }

            var stageName = stages[right].Label;
            var broken = brokenStatuses.TryGetValue(mapping.CrmStatus, out var byStatus) ? byStatus
                : brokenStages.TryGetValue(stageName, out var byStage) ? byStage
                : null;
            var tooltip = broken is null ? $"{mapping.CrmStatus} -> {stageName}" : $"{mapping.CrmStatus} -> {stageName}: {broken.RuleId} {broken.Message}";
            edges.Add(new FlowEdge(left, right, broken?.RuleId, tooltip));
        }

        return new LeadFlow(statuses, stages, edges);
    }
}
