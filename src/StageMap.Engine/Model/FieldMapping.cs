namespace StageMap.Engine.Model;

/// <summary>
/// An Outreach field mapped to a CRM field on one object, with its sync direction and advanced options.
/// On an object, each Outreach field and each CRM field is mapped at most once.
/// </summary>
public sealed record FieldMapping(
    CrmObject Object,
    string OutreachField,
    string CrmField,
    SyncDirection Direction,
    FieldMappingOptions Options);
