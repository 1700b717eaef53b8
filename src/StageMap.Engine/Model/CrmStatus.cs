namespace StageMap.Engine.Model;

/// <summary>
/// A status value the CRM knows: a Lead status (the LeadStatus object) or a value of the Contact
/// status picklist. <see cref="Id"/> is the LeadStatus record id where a source gave it.
/// </summary>
public sealed record CrmStatus(
    CrmObject Object,
    string ApiName,
    string Label,
    bool IsDefault = false,
    bool IsConverted = false,
    bool IsActive = true,
    string? Id = null);
