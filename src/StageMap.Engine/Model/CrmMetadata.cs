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

    /// <summary>The Lead fields' labels, as the Salesforce UI shows them (from the last Lead describe).</summary>
    public IReadOnlyList<CrmFieldLabel> LeadFieldLabels { get; init; } = Array.Empty<CrmFieldLabel>();

    /// <summary>The Contact fields' labels, as the Salesforce UI shows them (from the last Contact describe).</summary>
    public IReadOnlyList<CrmFieldLabel> ContactFieldLabels { get; init; } = Array.Empty<CrmFieldLabel>();

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

    /// <summary>The label of <paramref name="field"/> (API name, any case) as the Salesforce UI shows it, or null when no describe gave one.</summary>
    public string? LabelOf(CrmObject crmObject, string field)
    {
        foreach (var label in crmObject == CrmObject.Lead ? LeadFieldLabels : ContactFieldLabels)
        {
            if (string.Equals(label.Name, field.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return label.Label;
            }
        }

        return null;
    }
}
