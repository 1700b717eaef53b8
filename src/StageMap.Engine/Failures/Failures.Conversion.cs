using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine;

internal static partial class Failures
{
    // One record that cannot convert: values, not exceptions (ConversionFailure).

    public static ConversionFailure UnmappedCrmStatus(string field, string status, string? resolvedFrom = null) => new(
        ErrorIds.UnmappedCrmStatus, FailureCategory.ObjectNotFound,
        resolvedFrom is null
            ? $"{field} '{status}' has no lead status mapping, so the record has no stage. Map it with New-LeadStatusMapping -CrmStatus '{status}' -Stage <stage>."
            : $"{field} '{resolvedFrom}' is the LeadStatus record of '{status}', which has no lead status mapping, so the record has no stage. Map it with New-LeadStatusMapping -CrmStatus '{status}' -Stage <stage>.",
        field);

    public static ConversionFailure StageNotMapped(string field, string stage) => new(
        ErrorIds.UnknownStage, FailureCategory.ObjectNotFound,
        $"Stage '{stage}' has no lead status mapping, so there is no Salesforce {field} for it. Map a lead status to it with New-LeadStatusMapping.",
        field);

    public static ConversionFailure UnknownStage(string field, string value, string? nearMatch = null) => new(
        ErrorIds.UnknownStage, FailureCategory.ObjectNotFound,
        nearMatch is null
            ? $"{field} '{value}' is not a stage of the configuration. Get-OutreachStage lists the stages."
            : $"{field} '{value}' is not exactly a stage name: the stage is '{nearMatch}'. The sync compares the text exactly, case and spaces included.",
        field);

    public static ConversionFailure PlaceholderNamesNoStage(string field, string placeholder) => new(
        ErrorIds.UnknownStage, FailureCategory.ObjectNotFound,
        $"{field} is blank and its mapping's InternalEmptyPlaceholder '{placeholder}' is not a stage name, so there is no stage to give the record.",
        field);

    public static ConversionFailure MappedStageMissing(string field, string status, int stageId) => new(
        ErrorIds.UnknownStage, FailureCategory.ObjectNotFound,
        $"{field} '{status}' is mapped to stage id {stageId}, which is not a stage of the configuration (Test-StageMapping reports the mapping).",
        field);

    /// <param name="isRecordId">Whether <paramref name="value"/> has the form of a Salesforce record id.</param>
    public static ConversionFailure UnknownLeadStatusId(string field, string value, bool isRecordId, bool metadataHasIds) => new(
        ErrorIds.UnknownLeadStatusId, FailureCategory.ObjectNotFound,
        !isRecordId
            ? $"{field} '{value}' is not a LeadStatus record id. The Stage mapping looks statuses up by record id (LookForName is off); turn LookForName on when the records carry status API names."
            : metadataHasIds
                ? $"{field} '{value}' is not the record id of a LeadStatus the configuration knows. Run Import-CrmMetadata with a current LeadStatus query to refresh the ids."
                : $"{field} '{value}' is a record id, but the configuration holds no LeadStatus record ids. Run Import-CrmMetadata with a LeadStatus query (it carries the ids), or turn LookForName on.",
        field);

    public static ConversionFailure NoLeadStatusId(string field, string status) => new(
        ErrorIds.UnknownLeadStatusId, FailureCategory.ObjectNotFound,
        $"Lead status '{status}' has no LeadStatus record id in the configuration's metadata, and the Stage mapping writes record ids (LookForName is off). Run Import-CrmMetadata with a LeadStatus query, or turn LookForName on.",
        field);

    public static ConversionFailure NotARecord(object? input) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        input is null ? "The input is null, not a record." : $"The input is a {input.GetType().Name}, not a record: pipe objects with properties (Import-Csv, ConvertFrom-Json) or hashtables.");

    public static ConversionFailure WrongObjectType(string type, string expected) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        $"The record is a Salesforce {type} (attributes.type), not a {expected}. Convert it with -Object {expected} only if it is one; for child records of a query, pipe the nested records (for example .records.Contacts.records).");

    /// <param name="value">A record (an object) or a list of values.</param>
    public static ConversionFailure NotAValue(string field, object value) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        value is System.Collections.ICollection list
            ? $"{field} holds a list of {list.Count} values where the mapping expects one."
            : $"{field} holds an object, not a value.",
        field);

    public static ConversionFailure NoMappedField(IEnumerable<string> fields) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        $"The record carries none of the mapped fields ({string.Join(", ", fields.Distinct(StringComparer.OrdinalIgnoreCase))}) and no record id: is it the right object?");

    public static ConversionFailure DuplicateField(string field) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        $"The record has the field '{field}' twice (names compare ignoring case).", field);

    public static ConversionFailure BadCsvRow(int fields, int columns) => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        $"The CSV row has {fields} fields where the header has {columns} (a stray quote or delimiter?).");

    public static ConversionFailure BadCsvQuote() => new(
        ErrorIds.InvalidRecord, FailureCategory.InvalidData,
        "The CSV row has a quote inside an unquoted field, or text after a closing quote.");

    // A whole command that cannot proceed.

    /// <param name="pull">True for a conversion from the CRM, false for one to it.</param>
    public static StageMapException NoConversionMappings(string crmObject, bool pull) => new(
        ErrorIds.NoConversionMappings, FailureCategory.InvalidOperation, crmObject,
        $"The configuration has no {crmObject} field mapping that {(pull ? "pulls from the CRM (Direction Bidirectional or FromCrm)" : "pushes to the CRM (Direction Bidirectional or ToCrm)")}, so there is nothing to convert. Add one with New-FieldMapping -Object {crmObject}.");

    public static StageMapException InvalidRecordFile(string path, string problem, Exception? inner = null) => new(
        ErrorIds.InvalidRecordFile, FailureCategory.InvalidData, path,
        $"Cannot read records from '{path}': {problem}", inner);

    public static StageMapException OutputFileExists(string path) => new(
        ErrorIds.OutputFileExists, FailureCategory.ResourceExists, path,
        $"The file '{path}' already exists. Use -Force to overwrite it.");

    public static StageMapException InvalidOutputFile(string path, string problem) => new(
        ErrorIds.InvalidOutputFile, FailureCategory.InvalidArgument, path,
        $"'{path}': {problem}");

    public static StageMapException OutputFailed(string path, Exception inner) => new(
        ErrorIds.OutputWriteFailed, FailureCategory.WriteError, path,
        $"Could not write '{path}': {inner.Message} Nothing was written there.", inner);
}
