using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine;

// CRM metadata files (Import-CrmMetadata), Outreach stage lists (Import-OutreachStage) and the
// auto-mapping of New-LeadStatusMapping -FromCrm.
internal static partial class Failures
{
    /// <summary>What Import-CrmMetadata reads, for messages that say what was expected.</summary>
    public const string CrmMetadataExpected =
        "Expected a Salesforce sObject describe of Lead or Contact (REST, or 'sf sobject describe --json'), a query result of LeadStatus (REST, or 'sf data query --json'), "
        + "an SFDX source file (LeadStatus.standardValueSet-meta.xml, <field>.field-meta.xml, a Lead Process <name>.businessProcess-meta.xml or a <name>.recordType-meta.xml), "
        + "the UI API's picklist values of a record type ('sf api request rest .../ui-api/object-info/Lead/picklist-values/<record type id>/Status'), "
        + "or a Data Loader CSV export of LeadStatus (columns ApiName and MasterLabel).";

    /// <summary>What Import-OutreachStage reads.</summary>
    public const string OutreachStagesExpected =
        "Expected an Outreach API v2 stage list ({\"data\":[{\"type\":\"stage\",\"id\":1,\"attributes\":{\"name\":\"New\",\"order\":1}}]}), "
        + "a JSON array of {id, name, order, color} objects, or JSON Lines of such objects.";

    public static StageMapException UnrecognizedMetadataFile(string path, string found, string expected) => new(
        ErrorIds.UnrecognizedMetadataFile, FailureCategory.InvalidData, path,
        $"'{path}' is not a file StageMap can read: it is {found}. {expected}");

    /// <param name="problem">Where and what: "line L, position P: ...".</param>
    public static StageMapException InvalidMetadataFile(string path, string kind, string problem, Exception? inner = null) => new(
        ErrorIds.InvalidMetadataFile, FailureCategory.InvalidData, path,
        $"'{path}' is not a valid {kind}: {problem}", inner);

    public static StageMapException MetadataFileUnreadable(string path, Exception inner) => new(
        ErrorIds.InvalidMetadataFile, FailureCategory.ReadError, path,
        $"Could not read '{path}': {inner.Message}", inner);

    public static StageMapException NoCrmLeadStatuses() => new(
        ErrorIds.NoCrmLeadStatuses, FailureCategory.InvalidOperation, null,
        "The configuration knows no CRM lead statuses, so there is nothing to map from the CRM. Import them first, for example "
        + "Import-CrmMetadata -Path ./Lead.json (a Lead describe) or a LeadStatus query result, then run New-LeadStatusMapping -FromCrm again.");

    public static StageMapException StagesInUseByImport(string path, IReadOnlyList<(string CrmStatus, string Stage)> lost) => new(
        ErrorIds.StageInUse, FailureCategory.InvalidOperation, path,
        $"Importing '{path}' would remove {Quote(lost.Select(l => l.Stage).Distinct(StringComparer.OrdinalIgnoreCase))}, which "
        + $"{lost.Count} lead status mapping(s) point at ({string.Join(", ", lost.Select(l => $"'{l.CrmStatus}' -> '{l.Stage}'"))}). Nothing was changed. "
        + "Use -Merge to keep the configuration's other stages, or -Force to replace the stages and drop those mappings.");

    private static string Quote(IEnumerable<string> names) =>
        (names.Count() == 1 ? "stage " : "stages ") + string.Join(", ", names.Select(n => $"'{n}'"));
}
