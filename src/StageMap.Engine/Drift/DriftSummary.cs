using System;
using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>How many joined pairs have one CRM status and one Outreach stage, and how many of them drift.</summary>
public sealed record DriftCell(string CrmStatus, string OutreachStage, long Count, long Drifted);

/// <summary>How often one reason comes with one CRM status.</summary>
public sealed record DriftReasonCount(DriftReason Reason, string CrmStatus, string? ErrorId, long Count);

/// <summary>
/// The counts of a Find-StageDrift run. They add up: CrmRead = Pairs + CrmOnly + CrmDuplicates and
/// OutreachRead = Pairs + OutreachOnly + OutreachDuplicates; Pairs = Matching + Drifted.
/// </summary>
public sealed record DriftSummary
{
    public CrmObject Object { get; init; }

    public long CrmRead { get; init; }

    public long OutreachRead { get; init; }

    public long Pairs { get; init; }

    public long Matching { get; init; }

    public long Drifted { get; init; }

    public long CrmOnly { get; init; }

    public long OutreachOnly { get; init; }

    public long CrmDuplicates { get; init; }

    public long OutreachDuplicates { get; init; }

    /// <summary>The side whose keys were held in memory (the smaller file).</summary>
    public DriftSide HeldSide { get; init; }

    /// <summary>How many keys were held.</summary>
    public long HeldKeys { get; init; }

    /// <summary>Pairs per (CRM status, Outreach stage), most first: the cross-tab that shows where drift sits.</summary>
    public IReadOnlyList<DriftCell> CrossTab { get; init; } = Array.Empty<DriftCell>();

    /// <summary>Drifted pairs per (reason, CRM status), most first.</summary>
    public IReadOnlyList<DriftReasonCount> Reasons { get; init; } = Array.Empty<DriftReasonCount>();

    public TimeSpan Elapsed { get; init; }

    public string CrmPath { get; init; } = "";

    public string OutreachPath { get; init; } = "";

    /// <summary>The file the findings were written to, or null when they went to the caller.</summary>
    public string? OutFile { get; init; }
}
