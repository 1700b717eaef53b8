using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>
/// The UI API's picklist values of one record type and field (GET
/// /services/data/vXX.X/ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field}, or the same saved
/// by 'sf api request rest'): controllerValues, defaultValue, eTag, url and values[] of {attributes,
/// label, validFor, value}. The document names its object, record type id and field only in its url.
/// Lead statuses carry attributes.converted.
/// </summary>
internal static class UiApiPicklistReader
{
    private static readonly Regex ResourceUrl = new(
        @"/ui-api/object-info/(?<object>[A-Za-z0-9_]+)/picklist-values/(?<id>[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?)/(?<field>[A-Za-z0-9_]+)/?$",
        RegexOptions.CultureInvariant);

    /// <summary>True when the document is a UI API Picklist Values answer (its url names the resource).</summary>
    public static bool IsPicklistValues(JObject document) =>
        JsonSource.Get(document, "values") is JArray
        && JsonSource.Get(document, "url") is JValue { Value: string url }
        && url.Contains("/picklist-values/");

    public static MetadataFile Read(JObject document, JsonSource source, string contactStatusField)
    {
        var file = new MetadataFile(source.Path, MetadataFormat.UiApiPicklistValues);
        // IsPicklistValues, which chose this reader, found the url as a string and the values as an array.
        var urlToken = JsonSource.Get(document, "url")!;
        var match = ResourceUrl.Match((string)urlToken!);
        if (!match.Success)
        {
            throw source.Invalid(urlToken, $"the url '{urlToken}' is not /ui-api/object-info/<object>/picklist-values/<record type id>/<field>.");
        }

        var sobject = match.Groups["object"].Value;
        var id = match.Groups["id"].Value;
        var field = match.Groups["field"].Value;
        var crmObject = Is(sobject, "Lead") ? CrmObject.Lead : Is(sobject, "Contact") ? CrmObject.Contact : (CrmObject?)null;
        var statusField = crmObject == CrmObject.Lead ? "Status" : contactStatusField;
        if (crmObject is null || !Is(field, statusField))
        {
            var wanted = crmObject is null ? "the Lead Status field or the contact status field of Contact" : $"{crmObject}.{statusField}";
            return file with { Warnings = new[] { $"'{file.Name}' holds the values of {sobject}.{field} for record type {id}; StageMap reads {wanted}. Nothing was read from it." } };
        }

        if (string.Equals(id, CrmRecordType.MasterId, StringComparison.OrdinalIgnoreCase) || id.StartsWith(CrmRecordType.MasterId.Substring(0, 15), StringComparison.Ordinal))
        {
            return file with { Warnings = new[] { $"'{file.Name}' holds the values of the master record type, which offers every value of {sobject}.{field}: the lead statuses and contact statuses come from the describe or the value set. Nothing was read from it." } };
        }

        var values = new List<string>();
        var converted = new List<string>();
        foreach (var entry in (JArray)JsonSource.Get(document, "values")!)
        {
            if (values.Count == ReadLimits.MaxListValues)
            {
                throw source.Invalid(entry, ReadLimits.TooManyValues("picklist values"));
            }

            var value = source.RequireObject(entry, "each entry of values");
            var apiName = source.RequiredName(value, "value", $"picklist value {values.Count + 1}");
            if (values.Contains(apiName, StringComparer.Ordinal))
            {
                throw source.Invalid(value, $"the picklist value '{apiName}' is listed twice.");
            }

            values.Add(apiName);
            if (JsonSource.Get(value, "attributes") is JObject attributes && source.OptionalBool(attributes, "converted") == true)
            {
                converted.Add(apiName);
            }
        }

        if (values.Count == 0)
        {
            return file with { Warnings = new[] { $"'{file.Name}' lists no values of {sobject}.{field} for record type {id}. Nothing was read from it." } };
        }

        var defaultValue = JsonSource.Get(document, "defaultValue") switch
        {
            JObject given => source.RequiredName(given, "value", "the defaultValue"),
            null or { Type: JTokenType.Null } => null,
            var other => throw source.Invalid(other, $"defaultValue must be a JSON object or null, not {JsonSource.TypeName(other)}."),
        };
        var facts = new RecordTypeFacts(crmObject.Value)
        {
            Id = id,
            Values = values,
            DefaultValue = defaultValue,
            ConvertedValues = crmObject == CrmObject.Lead ? converted : null,
        };
        return file with { Object = crmObject, StatusField = statusField, RecordTypes = new[] { facts } };
    }

    /// <summary>Object and field names compare ignoring case, as Salesforce compares them.</summary>
    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
