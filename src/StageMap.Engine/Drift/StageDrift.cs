namespace StageMap.Engine.Drift;

/// <summary>What a finding of Find-StageDrift is.</summary>
public enum DriftKind
{
    /// <summary>A CRM record and its prospect whose Outreach stage is not the one the CRM status gives.</summary>
    Drift,

    /// <summary>A CRM record no prospect has the key of.</summary>
    CrmOnly,

    /// <summary>A prospect no CRM record has the key of.</summary>
    OutreachOnly,

    /// <summary>A record whose key an earlier record of the same file has; it is not joined.</summary>
    DuplicateKey,
}

/// <summary>Why a prospect's stage is not the one its CRM status gives.</summary>
public enum DriftReason
{
    /// <summary>The CRM status has no lead status mapping: the sync rejects the record.</summary>
    StatusUnmapped,

    /// <summary>The status maps to a stage, and the prospect is in another one (or in none).</summary>
    MappedToAnotherStage,

    /// <summary>The status maps to a stage the configuration does not have, or the prospect is in a stage it does not have.</summary>
    StageMissing,

    /// <summary>The CRM status is blank: the pull clears the stage, skips it, or writes the placeholder's stage.</summary>
    StatusBlank,

    /// <summary>The CRM record does not convert at all (see the error id).</summary>
    NotConvertible,
}

/// <summary>Which file a record came from.</summary>
public enum DriftSide
{
    Crm,
    Outreach,
}

/// <summary>
/// One finding of Find-StageDrift: a pair whose stages disagree, or a record the other file lacks.
/// </summary>
/// <param name="Kind">Drift, CrmOnly, OutreachOnly or DuplicateKey.</param>
/// <param name="Id">The join key as the record has it (a Salesforce id as written there).</param>
/// <param name="Name">The person's name, from whichever record was at hand.</param>
/// <param name="CrmStatus">The CRM record's status (the Stage mapping's CRM field), or null.</param>
/// <param name="ExpectedStage">The stage the CRM status gives under this configuration, or null for none.</param>
/// <param name="ActualStage">The prospect's stage (its name, or "stage id N" when the configuration has no such stage), or null.</param>
/// <param name="Reason">Why the stages disagree (Drift only).</param>
/// <param name="ErrorId">The conversion error id when the CRM record does not convert (UnmappedCrmStatus, UnknownStage, ...).</param>
/// <param name="NextPull">What the next pull from Salesforce would write to the prospect's stage.</param>
/// <param name="Side">The file the record is from (for CrmOnly, OutreachOnly, DuplicateKey; Crm for a pair).</param>
/// <param name="Message">One sentence saying what is wrong.</param>
public sealed record StageDrift(
    DriftKind Kind,
    string? Id,
    string? Name,
    string? CrmStatus,
    string? ExpectedStage,
    string? ActualStage,
    DriftReason? Reason,
    string? ErrorId,
    string? NextPull,
    DriftSide Side,
    string Message);
