using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// What the configuration knows of the CRM, read from Salesforce files: the lead statuses and the
/// contact status picklist values, each in the CRM's order, the field names of each object, and the
/// record types of Lead and Contact with the statuses each offers.
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

    /// <summary>The record types of Lead and Contact, each object's in the CRM's order (see <see cref="CrmRecordType"/>).</summary>
    public IReadOnlyList<CrmRecordType> RecordTypes { get; init; } = Array.Empty<CrmRecordType>();

    /// <summary>The files this metadata was read from, by name.</summary>
    public IReadOnlyList<string> Sources { get; init; } = Array.Empty<string>();

    public bool IsEmpty =>
        LeadStatuses.Count == 0 && ContactStatuses.Count == 0 && LeadFields.Count == 0 && ContactFields.Count == 0 && Sources.Count == 0
        && RecordTypes.Count == 0 && ContactStatusField == DefaultContactStatusField;

    public bool HasLeadStatuses => LeadStatuses.Count > 0;

    public bool HasContactStatuses => ContactStatuses.Count > 0;

    /// <summary>True when at least one lead status carries a well-formed LeadStatus record id.</summary>
    public bool HasLeadStatusIds => LeadStatuses.Any(s => SalesforceId.IsWellFormed(s.Id));

    /// <summary>
    /// True when <paramref name="stageLookup"/> looks lead statuses up by record id (LookForName off)
    /// and this metadata holds no id to find: every lead with a status fails to convert (SM015).
    /// </summary>
    public bool LeadStatusIdsMissingFor(FieldMapping stageLookup) => !stageLookup.Options.LookForName && !HasLeadStatusIds;

    public IReadOnlyList<CrmStatus> StatusesOf(CrmObject crmObject) =>
        crmObject == CrmObject.Lead ? LeadStatuses : ContactStatuses;

    public IReadOnlyList<string> FieldsOf(CrmObject crmObject) =>
        crmObject == CrmObject.Lead ? LeadFields : ContactFields;

    /// <summary>
    /// True when the metadata says which lead statuses are converted (a LeadStatus query, export or value
    /// set, or the UI API's values of a record type), so a Lead Process without one can be told apart
    /// from one whose converted flags were never imported.
    /// </summary>
    public bool KnowsConvertedStatuses =>
        LeadStatuses.Any(s => s.IsConverted) || RecordTypes.Any(r => r.Object == CrmObject.Lead && r.ConvertedValues.Count > 0);

    /// <summary>
    /// The record types of <paramref name="crmObject"/> (of both, Lead first, when null) as they offer
    /// values: the master record type offers every active status of the object, with its default; a Lead
    /// record type's converted values include those the lead statuses mark converted.
    /// </summary>
    public IReadOnlyList<CrmRecordType> RecordTypesOf(CrmObject? crmObject = null) =>
        RecordTypes.Where(r => crmObject is null || r.Object == crmObject).OrderBy(r => r.Object).Select(Offering).ToList();

    private CrmRecordType Offering(CrmRecordType recordType)
    {
        var statuses = StatusesOf(recordType.Object);
        var offered = recordType;
        if (recordType.IsMaster)
        {
            offered = recordType with
            {
                Values = statuses.Where(s => s.IsActive).Select(s => s.ApiName).ToList(),
                DefaultValue = statuses.FirstOrDefault(s => s.IsDefault && s.IsActive)?.ApiName ?? recordType.DefaultValue,
            };
        }

        if (recordType.Object != CrmObject.Lead)
        {
            return offered;
        }

        var converted = new HashSet<string>(statuses.Where(s => s.IsConverted).Select(s => s.ApiName).Concat(recordType.ConvertedValues), StringComparer.Ordinal);
        return offered with { ConvertedValues = offered.Values.Where(converted.Contains).ToList() };
    }

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
