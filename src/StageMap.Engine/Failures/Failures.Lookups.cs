using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine;

// Failures of a Get- cmdlet's lookup by a literal name.
internal static partial class Failures
{
    public static StageMapException StageNotMapped(string stage) => new(
        ErrorIds.StageNotMapped, FailureCategory.ObjectNotFound, stage,
        $"No lead status is mapped to stage '{stage}'. Get-LeadStatusMapping lists the mappings; New-LeadStatusMapping -CrmStatus <status> -Stage '{stage.Replace("'", "''")}' adds one.");

    public static StageMapException CrmStatusNotFound(string apiName, IReadOnlyList<CrmObject> objects, CrmMetadata metadata) => new(
        ErrorIds.CrmStatusNotFound, FailureCategory.ObjectNotFound, apiName,
        objects.All(o => metadata.StatusesOf(o).Count == 0)
            ? $"There is no CRM status '{apiName}': the configuration holds no {string.Join(" or ", objects)} statuses. Import-CrmMetadata reads them from the org's files."
            : $"There is no {string.Join(" or ", objects)} status '{apiName}' in the configuration's CRM metadata. Get-CrmStatus lists the statuses it knows.");

    public static StageMapException InvalidWildcardPattern(string pattern, string problem) => new(
        ErrorIds.InvalidWildcardPattern, FailureCategory.InvalidArgument, pattern,
        $"'{pattern}' is not a valid wildcard pattern: {problem}. To look up a name with [ or ] in it, escape them with a backtick: `[ and `].");

    public static StageMapException RecordTypeNotFound(string name, IReadOnlyList<CrmObject> objects, CrmMetadata metadata) => new(
        ErrorIds.RecordTypeNotFound, FailureCategory.ObjectNotFound, name,
        objects.All(o => metadata.RecordTypes.All(r => r.Object != o))
            ? $"There is no record type '{name}': the configuration holds no {string.Join(" or ", objects)} record types. Import-CrmMetadata reads them: an SFDX project folder, the describes, or -Online."
            : $"There is no {string.Join(" or ", objects)} record type '{name}' (label or developer name) in the configuration's CRM metadata. Get-CrmRecordType lists the record types it knows.");
}
