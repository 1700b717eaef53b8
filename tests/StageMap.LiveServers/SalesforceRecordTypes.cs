using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StageMap.LiveServers;

/// <summary>
/// The record types of the loopback org (tests/fixtures/loopback/salesforce_record_types.json): the
/// describes list them in recordTypeInfos beside the master, and the UI API answers
/// /ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field} for each, as strictly as the
/// org does: an object, record type or field it does not have is 404 NOT_FOUND, an id that is not an
/// id is 400 MALFORMED_ID. The master record type offers every active value of the describe's picklist.
/// </summary>
public sealed class SalesforceRecordTypes
{
    public const string MasterId = "012000000000000AAA";

    public static readonly Regex PicklistValuesPath = new(
        @"^/services/data/v(?<v>\d+\.\d)/ui-api/object-info/(?<object>[^/]+)/picklist-values/(?<id>[^/]+)/(?<field>[^/]+)/?$", RegexOptions.CultureInvariant);

    private readonly JsonObject _org;
    private readonly Func<string, string?> _describe;
    private readonly HashSet<string> _converted;

    /// <param name="describe">The org's describe of an object (without record types), or null for an object it lacks.</param>
    public SalesforceRecordTypes(string fixtures, Func<string, string?> describe)
    {
        _org = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "loopback", "salesforce_record_types.json")))!.AsObject();
        _describe = describe;
        _converted = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "salesforce", "sf_rest_query_LeadStatus__stagemap.json")))!["records"]!.AsArray()
            .Where(r => (bool)r!["IsConverted"]!).Select(r => (string)r!["ApiName"]!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The describe with the org's record types listed before the master, as a describe lists them.</summary>
    public string Listed(string sobject, string describe)
    {
        var document = JsonNode.Parse(describe)!.AsObject();
        var infos = document["recordTypeInfos"]!.AsArray();
        var position = 0;
        foreach (var recordType in RecordTypes(sobject))
        {
            var id = (string)recordType["recordTypeId"]!;
            infos.Insert(position++, new JsonObject
            {
                ["active"] = (bool)recordType["active"]!,
                ["available"] = (bool)recordType["active"]!,
                ["defaultRecordTypeMapping"] = false,
                ["developerName"] = (string)recordType["developerName"]!,
                ["master"] = false,
                ["name"] = (string)recordType["name"]!,
                ["recordTypeId"] = id,
                ["urls"] = new JsonObject { ["layout"] = $"/services/data/v62.0/sobjects/{(string)document["name"]!}/describe/layouts/{id}" },
            });
        }

        return document.ToJsonString();
    }

    /// <summary>The UI API's Picklist Values answer for one record type and field.</summary>
    public Answer PicklistValues(Exchange exchange, Func<int, string, string, Answer> error)
    {
        var request = PicklistValuesPath.Match(exchange.Path);
        var (sobject, id, field) = (request.Groups["object"].Value, request.Groups["id"].Value, request.Groups["field"].Value);
        var entry = _org.FirstOrDefault(o => string.Equals(o.Key, sobject, StringComparison.OrdinalIgnoreCase));
        if (entry.Value is null || _describe(entry.Key) is not { } describe)
        {
            return error(404, "NOT_FOUND", "The requested resource does not exist");
        }

        if (!Regex.IsMatch(id, "^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$"))
        {
            return error(400, "MALFORMED_ID", $"Record type ID: id value of incorrect type: {id}");
        }

        var statusField = (string)entry.Value["field"]!;
        var recordType = RecordTypes(entry.Key).FirstOrDefault(r => SameId((string)r["recordTypeId"]!, id));
        if (!string.Equals(field, statusField, StringComparison.OrdinalIgnoreCase) || (recordType is null && !SameId(MasterId, id)))
        {
            return error(404, "NOT_FOUND", "The requested resource does not exist");
        }

        var picklist = JsonNode.Parse(describe)!["fields"]!.AsArray().First(f => string.Equals((string)f!["name"]!, statusField, StringComparison.OrdinalIgnoreCase))!["picklistValues"]!.AsArray();
        var labels = picklist.Where(v => (bool)v!["active"]!).ToDictionary(v => (string)v!["value"]!, v => (string?)v!["label"] ?? (string)v!["value"]!, StringComparer.Ordinal);
        var values = recordType is null ? labels.Keys.ToList() : recordType["values"]!.AsArray().Select(v => (string)v!).ToList();
        var defaultValue = recordType is null
            ? picklist.Where(v => (bool)v!["active"]! && (bool)v!["defaultValue"]!).Select(v => (string)v!["value"]!).FirstOrDefault()
            : (string?)recordType["defaultValue"];
        JsonNode Value(string value) => new JsonObject
        {
            ["attributes"] = entry.Key == "Lead" ? new JsonObject { ["converted"] = _converted.Contains(value), ["picklistAtrributesValueType"] = "LeadStatus" } : null,
            ["label"] = labels.TryGetValue(value, out var label) ? label : value,
            ["validFor"] = new JsonArray(),
            ["value"] = value,
        };
        var answer = new JsonObject
        {
            ["controllerValues"] = new JsonObject(),
            ["defaultValue"] = defaultValue is null ? null : Value(defaultValue),
            ["eTag"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("|", values)))).Substring(0, 32).ToLowerInvariant(),
            ["url"] = exchange.Path,
            ["values"] = new JsonArray(values.Select(Value).ToArray()),
        };
        return new Answer(200, answer.ToJsonString());
    }

    private IEnumerable<JsonObject> RecordTypes(string sobject) =>
        _org.FirstOrDefault(o => string.Equals(o.Key, sobject, StringComparison.OrdinalIgnoreCase)).Value?["recordTypes"]?.AsArray().Select(r => r!.AsObject()) ?? Enumerable.Empty<JsonObject>();

    private static bool SameId(string left, string right) => string.CompareOrdinal(left, 0, right, 0, 15) == 0 && right.Length >= 15;
}
