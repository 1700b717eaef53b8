namespace StageMap.Engine.Model;

/// <summary>What New-LeadStatusMapping -FromCrm does with one CRM lead status.</summary>
public enum CrmStatusMatchAction
{
    /// <summary>The status is mapped already: left as it is.</summary>
    AlreadyMapped,

    /// <summary>Map the status to the stage of its name.</summary>
    Map,

    /// <summary>Create the stage of the status's name, then map the status to it (-CreateMissingStages).</summary>
    CreateStageAndMap,

    /// <summary>The status cannot be mapped by name; <see cref="CrmStatusMatch.Message"/> says why.</summary>
    Skip,
}

/// <summary>
/// One step of the name match: a CRM lead status, the stage of its name (as the configuration spells
/// it, or as it will be created) and what to do. <see cref="Message"/> is the warning for a skipped
/// status, or a note on a match that differs in case.
/// </summary>
public sealed record CrmStatusMatch(CrmStatus Status, string? Stage, CrmStatusMatchAction Action, string? Message = null);
