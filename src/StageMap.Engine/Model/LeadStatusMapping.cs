namespace StageMap.Engine.Model;

/// <summary>
/// One CRM lead status (by API name) mapped to one Outreach stage. The mapping points at the stage by
/// id, so renaming the stage keeps it; <see cref="Stage"/> is the stage's current name, or null when
/// no stage has <see cref="StageId"/> (a hand-edited file; Test-StageMapping reports it).
/// </summary>
public sealed record LeadStatusMapping(string CrmStatus, string? Stage, int StageId);
