using System;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;
using StageMap.Engine.Validation.Rules;

namespace StageMap.Engine.Validation;

/// <summary>
/// What the CRM metadata says about a name at the moment it is typed, before Test-StageMapping would:
/// a lead status the metadata lacks (SM003's words and near match) or a CRM field its describe lacks.
/// Metadata can be out of date, so these are warnings: the command still saves.
/// </summary>
public static class InputAdvice
{
    private const string SavedAnyway = "Saved anyway, since the CRM metadata may be out of date (Import-CrmMetadata refreshes it).";

    /// <summary>The warning for mapping <paramref name="crmStatus"/>, or null when the metadata has it or holds no lead status.</summary>
    public static string? ForLeadStatus(CrmMetadata metadata, string crmStatus)
    {
        var statuses = metadata.LeadStatuses;
        if (statuses.Count == 0 || statuses.Any(s => string.Equals(s.ApiName, crmStatus, StringComparison.Ordinal)))
        {
            return null;
        }

        var match = CrmStatus.NearMatchOf(statuses).Find(crmStatus);
        var use = match?.Single is { } exact ? $"Map '{exact}' instead. " : string.Empty;
        return SM003CrmStatusNotInCrm.Describe(crmStatus, match, statuses.Count) + use + SavedAnyway + " Test-StageMapping reports it as SM003.";
    }

    /// <summary>The warning for mapping <paramref name="crmField"/> on <paramref name="crmObject"/>, or null when the describe has it or none was imported.</summary>
    public static string? ForCrmField(CrmMetadata metadata, CrmObject crmObject, string crmField)
    {
        var fields = metadata.FieldsOf(crmObject);
        var name = crmField.Trim();
        if (fields.Count == 0 || fields.Any(f => StageMapConfiguration.CrmFieldComparer.Equals(f, name)))
        {
            return null;
        }

        var near = NearMatch.Of(fields, f => f, _ => null).FindName(name);
        return $"CRM field '{name}' is not one of the {fields.Count} fields of the imported {crmObject} describe, and the sync fails on a field Salesforce does not have. "
            + (near is null ? $"Check its API name in Salesforce (tab completion offers the describe's fields). " : $"Did you mean '{near}'? ")
            + SavedAnyway;
    }
}
