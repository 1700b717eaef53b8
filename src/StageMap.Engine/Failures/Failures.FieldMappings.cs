namespace StageMap.Engine;

internal static partial class Failures
{
    /// <param name="existing">The Outreach and CRM field of the mapping that holds it.</param>
    public static StageMapException OutreachFieldAlreadyMapped(string crmObject, string outreachField, (string OutreachField, string CrmField) existing) => new(
        ErrorIds.DuplicateFieldMapping, FailureCategory.ResourceExists, outreachField,
        $"Outreach field '{existing.OutreachField}' is already mapped to CRM field '{existing.CrmField}' on {crmObject}. "
        + "Each Outreach field and each CRM field is mapped at most once on an object (a second mapping causes syncing errors): change it with Set-FieldMapping, or remove it first.");

    /// <param name="existing">The Outreach and CRM field of the mapping that holds it.</param>
    public static StageMapException CrmFieldAlreadyMapped(string crmObject, string crmField, (string OutreachField, string CrmField) existing) => new(
        ErrorIds.DuplicateFieldMapping, FailureCategory.ResourceExists, crmField,
        $"CRM field '{existing.CrmField}' is already mapped to Outreach field '{existing.OutreachField}' on {crmObject} (CRM field names compare ignoring case). "
        + "Each Outreach field and each CRM field is mapped at most once on an object (a second mapping causes syncing errors): change it with Set-FieldMapping, or remove it first.");

    public static StageMapException ExternalMappedFieldRequiresLookup(string crmObject, string outreachField) => new(
        ErrorIds.ExternalMappedFieldRequiresLookup, FailureCategory.InvalidArgument, outreachField,
        $"The External Mapped Field option of the {crmObject} mapping of '{outreachField}' is only available when the Lookup field option is enabled. "
        + "Turn LookupField on with it, or turn ExternalMappedField off.");

    public static StageMapException FieldMappingNotFound(string? crmObject, string outreachField) => new(
        ErrorIds.FieldMappingNotFound, FailureCategory.ObjectNotFound, outreachField,
        crmObject is { } only
            ? $"There is no {only} field mapping of Outreach field '{outreachField}'. Get-FieldMapping -Object {only} lists them."
            : $"There is no field mapping of Outreach field '{outreachField}' on any object. Get-FieldMapping lists them.");

    /// <param name="customFieldCount">How many custom fields (custom1 ... customN) Outreach has.</param>
    public static StageMapException UnknownOutreachField(string name, string? suggestion, int customFieldCount) => new(
        ErrorIds.InvalidFieldName, FailureCategory.InvalidArgument, name,
        $"'{name}' is not an Outreach field: not one of the known prospect fields, nor custom1 ... custom{customFieldCount}. "
        + (suggestion is null ? "" : $"Did you mean '{suggestion}'? ")
        + "Tab completion of -OutreachField lists the known fields.");

    public static StageMapException InvalidFieldName(string side, string? name) => new(
        ErrorIds.InvalidFieldName, FailureCategory.InvalidArgument, name,
        $"The {side} field name cannot be empty or white space only.");
}
