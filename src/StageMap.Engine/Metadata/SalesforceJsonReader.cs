using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Salesforce JSON: an sObject describe (fields[].picklistValues[]) or a REST query result of
/// LeadStatus (totalSize/done/records), either as the REST API returns it or wrapped by the
/// Salesforce CLI's --json ({"status":0,"result":{…}}).
/// </summary>
internal static class SalesforceJsonReader
{
    private const string Kind = "Salesforce JSON file";
    private const string LeadStatusQuery = "SELECT Id, ApiName, MasterLabel, SortOrder, IsDefault, IsConverted FROM LeadStatus";

    public static MetadataFile Read(byte[] bytes, string path, string contactStatusField)
    {
        var documents = StrictJson.ParseDocuments(bytes, multipleDocuments: false, (problem, e) => Failures.InvalidMetadataFile(path, "JSON file", problem, e));
        if (documents.Count == 0)
        {
            throw Failures.UnrecognizedMetadataFile(path, "empty", Failures.CrmMetadataExpected);
        }

        var root = documents[0];
        var source = new JsonSource(path, what => Failures.InvalidMetadataFile(path, Kind, what));
        if (root is not JObject document)
        {
            throw Failures.UnrecognizedMetadataFile(path, JsonSource.DescribeShape(root), Failures.CrmMetadataExpected);
        }

        var fromCli = IsCliOutput(document);
        var content = fromCli ? Unwrap(document, source) : document;
        var file = JsonSource.Get(content, "fields") is JArray fields && JsonSource.Get(content, "name") is JValue { Value: string name }
            ? WithRecordTypes(WithFieldLabels(ReadDescribe(name, fields, content, source, contactStatusField), fields, source), content, source)
            : JsonSource.Get(content, "records") is JArray records
                ? ReadQuery(content, records, source)
                : UiApiPicklistReader.IsPicklistValues(content)
                    ? UiApiPicklistReader.Read(content, source, contactStatusField)
                    : throw Failures.UnrecognizedMetadataFile(path, JsonSource.DescribeShape(content), Failures.CrmMetadataExpected);
        return file with { FromSalesforceCli = fromCli };
    }

    /// <summary>The CLI's --json envelope: a numeric status and a result (or, on failure, an exit code).</summary>
    private static bool IsCliOutput(JObject document) =>
        JsonSource.Get(document, "status") is { Type: JTokenType.Integer }
        && (JsonSource.Get(document, "result") is not null || JsonSource.Get(document, "exitCode") is not null);

    private static JObject Unwrap(JObject envelope, JsonSource source)
    {
        // IsCliOutput, which chose this path, found the status.
        var status = JsonSource.Get(envelope, "status")!;
        if (!StrictJson.TryGetInt32(status, out var code) || code != 0)
        {
            var message = JsonSource.Get(envelope, "message") is { Type: JTokenType.String } m ? $": {m}" : "";
            throw Failures.UnrecognizedMetadataFile(source.Path, $"the output of a Salesforce CLI command that failed (status {status}{message})",
                "Run the command again and import its output once it succeeds.");
        }

        return JsonSource.Get(envelope, "result") as JObject
            ?? throw Failures.UnrecognizedMetadataFile(source.Path, "Salesforce CLI output whose result is not a JSON object", Failures.CrmMetadataExpected);
    }

    /// <summary>The describe's field labels, for a describe whose field names were read.</summary>
    private static MetadataFile WithFieldLabels(MetadataFile file, JArray fields, JsonSource source) =>
        file.Fields.Count == 0 ? file : file with
        {
            FieldLabels = fields.OfType<JObject>()
                .Select(f => (Name: JsonSource.Get(f, "name") is { Type: JTokenType.String } n ? (string?)n : null, Label: source.OptionalString(f, "label")))
                .Select(f => f.Name is { } name && f.Label is { } label && !string.IsNullOrWhiteSpace(label) ? new CrmFieldLabel(name, label) : null)
                .OfType<CrmFieldLabel>()
                .ToList(),
        };

    /// <summary>
    /// The describe's recordTypeInfos (name, developerName, recordTypeId, active, master), for a describe of
    /// Lead or Contact. Every org lists its master record type; the values each record type offers are not
    /// in a describe (the UI API gives them).
    /// </summary>
    private static MetadataFile WithRecordTypes(MetadataFile file, JObject describe, JsonSource source)
    {
        if (file.Object is not { } crmObject || JsonSource.Get(describe, "recordTypeInfos") is not JArray infos)
        {
            return file;
        }

        var recordTypes = new List<RecordTypeFacts>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in infos)
        {
            if (recordTypes.Count == ReadLimits.MaxListValues)
            {
                throw source.Invalid(entry, ReadLimits.TooManyValues("record types"));
            }

            var info = source.RequireObject(entry, "each entry of recordTypeInfos");
            var owner = $"record type {recordTypes.Count + 1}";
            var developerName = source.RequiredName(info, "developerName", owner);
            if (!seen.Add(developerName))
            {
                throw source.Invalid(info, $"the record type '{developerName}' is listed twice.");
            }

            recordTypes.Add(new RecordTypeFacts(crmObject)
            {
                DeveloperName = developerName,
                Label = source.OptionalName(info, "name", owner) ?? developerName,
                Id = source.OptionalString(info, "recordTypeId"),
                IsActive = source.OptionalBool(info, "active"),
                IsMaster = source.OptionalBool(info, "master") ?? false,
            });
        }

        return file with { RecordTypes = recordTypes };
    }

    private static MetadataFile ReadDescribe(string sobject, JArray fieldArray, JObject describe, JsonSource source, string contactStatusField)
    {
        var fields = fieldArray.Select(f => source.RequireObject(f, "each entry of fields")).ToList();
        var names = fields.Select((f, i) => source.RequiredString(f, "name", $"field {i + 1}")).ToList();
        var file = new MetadataFile(source.Path, MetadataFormat.SObjectDescribe);
        var fileName = file.Name;
        JObject? Field(string name) => fields.FirstOrDefault(f => string.Equals((string?)JsonSource.Get(f, "name"), name, StringComparison.OrdinalIgnoreCase));

        if (Is(sobject, "Lead"))
        {
            var status = Field("Status");
            return status is null
                ? file with { Object = CrmObject.Lead, Fields = names, Warnings = new[] { $"The Lead describe '{fileName}' has no Status field, so no lead statuses were read from it; its field names were." } }
                // Field found the status field by its name.
                : file with { Object = CrmObject.Lead, Fields = names, StatusField = (string)JsonSource.Get(status, "name")!, Statuses = ReadPicklist(status, source), IsRestricted = source.OptionalBool(status, "restrictedPicklist") };
        }

        if (Is(sobject, "Contact"))
        {
            var statusField = Field(contactStatusField);
            if (statusField is null)
            {
                var candidates = fields.Where(f => JsonSource.Get(f, "type") is { Type: JTokenType.String } type && Is((string?)type, "picklist") && JsonSource.Get(f, "custom") is { Type: JTokenType.Boolean } custom && (bool)custom)
                    .Select(f => JsonSource.Get(f, "name") is JValue { Value: string name } ? name : null).OfType<string>().ToList();
                var hint = candidates.Count == 0 ? "It has no custom picklist." : $"Its custom picklists: {string.Join(", ", candidates)}.";
                return file with
                {
                    Object = CrmObject.Contact,
                    Fields = names,
                    Warnings = new[] { $"The Contact describe '{fileName}' has no field '{contactStatusField}', so no contact statuses were read from it; its field names were. {hint} Use -ContactStatusField to name the picklist that carries the contact status." },
                };
            }

            // The status field was found by its name.
            var fieldName = (string)JsonSource.Get(statusField, "name")!;
            var values = ReadPicklist(statusField, source);
            return values.Count > 0
                ? file with { Object = CrmObject.Contact, Fields = names, StatusField = fieldName, Statuses = values, IsRestricted = source.OptionalBool(statusField, "restrictedPicklist") }
                : file with
                {
                    Object = CrmObject.Contact,
                    Fields = names,
                    Warnings = new[] { $"The Contact field '{fieldName}' in '{fileName}' has no picklist values (its type is '{source.OptionalString(statusField, "type")}'), so no contact statuses were read; the field names were." },
                };
        }

        var why = Is(sobject, "LeadStatus")
            ? $"'{fileName}' is the describe of the LeadStatus object: it lists the object's fields (ApiName, MasterLabel, …), not the lead status values. Nothing was read from it. The values are in the Lead describe (its Status picklist) or in a query: {LeadStatusQuery}."
            : $"'{fileName}' is the describe of {sobject}; StageMap reads the describes of Lead and Contact. Nothing was read from it.";
        return file with { Warnings = new[] { why } };
    }

    private static IReadOnlyList<PicklistValue> ReadPicklist(JObject field, JsonSource source)
    {
        if (JsonSource.Get(field, "picklistValues") is not JArray entries)
        {
            return Array.Empty<PicklistValue>();
        }

        var values = new List<PicklistValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (values.Count == ReadLimits.MaxListValues)
            {
                throw source.Invalid(entry, ReadLimits.TooManyValues("picklist values"));
            }

            var value = source.RequireObject(entry, "each picklist value");
            var owner = $"picklist value {values.Count + 1}";
            var apiName = source.RequiredName(value, "value", owner);
            if (!seen.Add(apiName))
            {
                throw source.Invalid(value, $"the picklist value '{apiName}' is listed twice.");
            }

            values.Add(new PicklistValue(apiName, source.OptionalName(value, "label", owner), source.OptionalBool(value, "defaultValue"), null, source.OptionalBool(value, "active")));
        }

        return values;
    }

    private static MetadataFile ReadQuery(JObject result, JArray records, JsonSource source)
    {
        if (records.Count == 0)
        {
            throw Failures.UnrecognizedMetadataFile(source.Path, "a query result with no records, so what it lists cannot be told",
                $"StageMap reads a query of LeadStatus records: {LeadStatusQuery}.");
        }

        var first = source.RequireObject(records[0], "each record");
        var firstType = RecordType(first);
        var isLeadStatus = firstType is null
            ? JsonSource.Get(first, "ApiName") is not null && (JsonSource.Get(first, "MasterLabel") is not null || JsonSource.Get(first, "IsConverted") is not null)
            : Is(firstType, "LeadStatus");
        if (!isLeadStatus)
        {
            throw Failures.UnrecognizedMetadataFile(source.Path, firstType is null ? "a list of records that have no type" : $"a list of {firstType} records",
                $"StageMap reads a query of LeadStatus records: {LeadStatusQuery}.");
        }

        var values = new List<PicklistValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in records)
        {
            if (values.Count == ReadLimits.MaxListValues)
            {
                throw source.Invalid(token, ReadLimits.TooManyValues("lead statuses"));
            }

            var record = source.RequireObject(token, "each record");
            var owner = $"record {values.Count + 1}";
            var type = RecordType(record);
            if (type is not null && !Is(type, "LeadStatus"))
            {
                throw source.Invalid(record, $"{owner} is a {type}, not a LeadStatus.");
            }

            if (JsonSource.Get(record, "ApiName") is null)
            {
                throw source.Invalid(record, $"{owner} has no ApiName, the value Lead.Status holds. Select it: {LeadStatusQuery}.");
            }

            var apiName = source.RequiredName(record, "ApiName", owner);
            if (!seen.Add(apiName))
            {
                throw source.Invalid(record, $"the lead status '{apiName}' is listed twice.");
            }

            values.Add(new PicklistValue(
                apiName,
                source.OptionalName(record, "MasterLabel", owner),
                source.OptionalBool(record, "IsDefault"),
                source.OptionalBool(record, "IsConverted"),
                null,
                source.OptionalString(record, "Id"),
                source.OptionalInt(record, "SortOrder")));
        }

        var warnings = JsonSource.Get(result, "done") is { Type: JTokenType.Boolean } done && !(bool)done
            ? new[] { $"'{System.IO.Path.GetFileName(source.Path)}' is the first part of a longer query result (done is false): the lead statuses on later pages (nextRecordsUrl) are not in it." }
            : Array.Empty<string>();
        return new MetadataFile(source.Path, MetadataFormat.LeadStatusQuery)
        {
            Object = CrmObject.Lead,
            StatusField = "Status",
            Statuses = values,
            Warnings = warnings,
        };
    }

    private static string? RecordType(JObject record) =>
        JsonSource.Get(record, "attributes") is JObject attributes && JsonSource.Get(attributes, "type") is { Type: JTokenType.String } type ? (string?)type : null;

    /// <summary>sObject and field names compare ignoring case, as Salesforce compares them.</summary>
    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
