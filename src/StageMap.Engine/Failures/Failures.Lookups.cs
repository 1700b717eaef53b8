using System.Collections.Generic;

namespace StageMap.Engine;

// Failures of a Get- cmdlet's lookup by a literal name.
internal static partial class Failures
{
    public static StageMapException StageNotMapped(string stage) => new(
        ErrorIds.StageNotMapped, FailureCategory.ObjectNotFound, stage,
        $"No lead status is mapped to stage '{stage}'. Get-LeadStatusMapping lists the mappings; New-LeadStatusMapping -CrmStatus <status> -Stage '{stage.Replace("'", "''")}' adds one.");

    /// <param name="objects">The objects searched.</param>
    /// <param name="noneKnown">True when the configuration holds no status of any of them.</param>
    public static StageMapException CrmStatusNotFound(string apiName, IReadOnlyList<string> objects, bool noneKnown) => new(
        ErrorIds.CrmStatusNotFound, FailureCategory.ObjectNotFound, apiName,
        noneKnown
            ? $"There is no CRM status '{apiName}': the configuration holds no {string.Join(" or ", objects)} statuses. Import-CrmMetadata reads them from the org's files."
            : $"There is no {string.Join(" or ", objects)} status '{apiName}' in the configuration's CRM metadata. Get-CrmStatus lists the statuses it knows.");

    public static StageMapException InvalidWildcardPattern(string pattern, string problem) => new(
        ErrorIds.InvalidWildcardPattern, FailureCategory.InvalidArgument, pattern,
        $"'{pattern}' is not a valid wildcard pattern: {problem}. To look up a name with [ or ] in it, escape them with a backtick: `[ and `].");

    /// <param name="objects">The objects searched.</param>
    /// <param name="noneKnown">True when the configuration holds no record type of any of them.</param>
    public static StageMapException RecordTypeNotFound(string name, IReadOnlyList<string> objects, bool noneKnown) => new(
        ErrorIds.RecordTypeNotFound, FailureCategory.ObjectNotFound, name,
        noneKnown
            ? $"There is no record type '{name}': the configuration holds no {string.Join(" or ", objects)} record types. Import-CrmMetadata reads them: an SFDX project folder, the describes, or -Online."
            : $"There is no {string.Join(" or ", objects)} record type '{name}' (label or developer name) in the configuration's CRM metadata. Get-CrmRecordType lists the record types it knows.");
}
