using System;
using System.Collections.Generic;

namespace StageMap.Engine.Model;

/// <summary>
/// What the configuration knows of the CRM, read from Salesforce files: the lead statuses and the
/// contact status picklist values, each in the CRM's order, and the field names of each object.
/// </summary>
public sealed record CrmMetadata
{
    public const string DefaultContactStatusField = "Contact_Status__c";

    public static CrmMetadata Empty { get; } = new();

    public IReadOnlyList<CrmStatus> LeadStatuses { get; init; } = Array.Empty<CrmStatus>();

    /// <summary>The Contact picklist that carries the status.</summary>
    public string ContactStatusField { get; init; } = DefaultContactStatusField;

    public IReadOnlyList<CrmStatus> ContactStatuses { get; init; } = Array.Empty<CrmStatus>();

    public IReadOnlyList<string> LeadFields { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ContactFields { get; init; } = Array.Empty<string>();

    /// <summary>The files this metadata was read from, by name.</summary>
    public IReadOnlyList<string> Sources { get; init; } = Array.Empty<string>();

    public bool IsEmpty =>
        LeadStatuses.Count == 0 && ContactStatuses.Count == 0 && LeadFields.Count == 0 && ContactFields.Count == 0 && Sources.Count == 0
        && ContactStatusField == DefaultContactStatusField;

    public bool HasLeadStatuses => LeadStatuses.Count > 0;

    public bool HasContactStatuses => ContactStatuses.Count > 0;

    public IReadOnlyList<CrmStatus> StatusesOf(CrmObject crmObject) =>
        crmObject == CrmObject.Lead ? LeadStatuses : ContactStatuses;

    public IReadOnlyList<string> FieldsOf(CrmObject crmObject) =>
        crmObject == CrmObject.Lead ? LeadFields : ContactFields;
}
