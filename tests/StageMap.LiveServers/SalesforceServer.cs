using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StageMap.LiveServers;

/// <summary>
/// A Salesforce org's REST API: sObject describes (the fixtures' Lead and Contact describes, with the
/// org's record types), the LeadStatus query answered in two pages joined by nextRecordsUrl (the
/// fixture's six records), the UI API's picklist values of each record type (<see cref="SalesforceRecordTypes"/>),
/// errors as [{"message","errorCode"}], and the OpenID Connect userinfo endpoint
/// (/services/oauth2/userinfo), which refuses a bad token with 403 and the plain text Bad_OAuth_Token.
/// </summary>
public sealed class SalesforceServer : LoopbackServer
{
    public const string AccessToken = "00DLOOPBACK000001!AQ4AQ.sf-access-3c9e";
    public const string UserName = "admin@loopback.example";
    public const string OrgId = "00DLOOPBACK000001AAA";

    private const string QueryLocator = "01gLOOPBACK000001AAA";
    private readonly string _fixtures;
    private readonly SalesforceRecordTypes _recordTypes;

    /// <param name="fixtures">The tests/fixtures folder.</param>
    public SalesforceServer(string fixtures)
    {
        _fixtures = fixtures;
        _recordTypes = new SalesforceRecordTypes(fixtures, DescribeOf);
    }

    /// <summary>Records on the first page of the query; the rest come from nextRecordsUrl.</summary>
    public int FirstPageSize { get; set; } = 4;

    protected override Answer Handle(Exchange exchange)
    {
        if (Hostility.Is(Hostile.EchoToken))
        {
            return Error(401, "INVALID_SESSION_ID", $"Session expired or invalid: {exchange.Context.Request.Headers.Authorization}");
        }

        if (exchange.Path == "/services/oauth2/userinfo")
        {
            return UserInfo(exchange);
        }

        if (exchange.Bearer != AccessToken)
        {
            return Error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }

        if (exchange.Method != "GET")
        {
            return Error(405, "METHOD_NOT_ALLOWED", $"HTTP Method '{exchange.Method}' not allowed. Allowed are GET");
        }

        var describe = Regex.Match(exchange.Path, @"^/services/data/v(?<v>\d+\.\d)/sobjects/(?<object>\w+)/describe/?$");
        if (describe.Success)
        {
            return Describe(describe.Groups["object"].Value);
        }

        if (SalesforceRecordTypes.PicklistValuesPath.IsMatch(exchange.Path))
        {
            return _recordTypes.PicklistValues(exchange, Error);
        }

        var query = Regex.Match(exchange.Path, @"^/services/data/v(?<v>\d+\.\d)/query(/(?<locator>[\w-]+))?/?$");
        if (query.Success)
        {
            return Query(exchange, query.Groups["v"].Value, query.Groups["locator"].Success ? query.Groups["locator"].Value : null);
        }

        return Error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private Answer UserInfo(Exchange exchange)
    {
        if (exchange.Bearer != AccessToken)
        {
            return new Answer(403, "Bad_OAuth_Token", "text/plain");
        }

        var user = new JsonObject
        {
            ["sub"] = $"{BaseUri}id/{OrgId}/005LOOPBACK000001AAA",
            ["user_id"] = "005LOOPBACK000001AAA",
            ["organization_id"] = OrgId,
            ["preferred_username"] = UserName,
            ["nickname"] = "admin",
            ["name"] = "Loopback Admin",
            ["email"] = UserName,
            ["email_verified"] = true,
            ["active"] = true,
            ["user_type"] = "STANDARD",
            ["language"] = "en_US",
            ["locale"] = "en_US",
        };
        return new Answer(200, user.ToJsonString());
    }

    private Answer Describe(string sobject)
    {
        if (Hostility.Is(Hostile.HugeBody) || Hostility.Is(Hostile.HugeLength))
        {
            return Hostile.Huge(Hostility, "application/json");
        }

        var file = DescribeOf(sobject);
        return file is null ? Error(404, "NOT_FOUND", $"The requested resource does not exist: sObject type '{sobject}' is not supported.") : new Answer(200, _recordTypes.Listed(sobject, file));
    }

    /// <summary>The fixture describe of an object, without the org's record types; null for an object the org lacks.</summary>
    private string? DescribeOf(string sobject) => sobject.ToLowerInvariant() switch
    {
        // The CLI's output wraps the REST describe; the org answers with what is inside.
        "lead" => JsonNode.Parse(File.ReadAllText(Path.Combine(_fixtures, "salesforce", "sf_cli_describe_Lead__stagemap.json")))!["result"]!.ToJsonString(),
        "contact" => File.ReadAllText(Path.Combine(_fixtures, "salesforce", "sf_rest_describe_Contact__stagemap.json")),
        _ => null,
    };

    private Answer Query(Exchange exchange, string version, string? locator)
    {
        var all = JsonNode.Parse(File.ReadAllText(Path.Combine(_fixtures, "salesforce", "sf_rest_query_LeadStatus__stagemap.json")))!["records"]!.AsArray();
        var records = all.Select(r => r!.DeepClone()).ToList();
        if (locator is null)
        {
            var soql = exchange.Query("q") ?? "";
            if (Hostility.Is(Hostile.OddErrors))
            {
                // errorCode and message as lists, not the strings the reference gives.
                return new Answer(400, "[{\"message\":[\"No such column 'ApiName' on entity 'LeadStatus'\"],\"errorCode\":[\"INVALID_FIELD\",\"MALFORMED_QUERY\"]}]");
            }

            if (!Regex.IsMatch(soql, @"\bFROM\s+LeadStatus\b", RegexOptions.IgnoreCase))
            {
                return Error(400, "MALFORMED_QUERY", $"sObject type in '{soql}' is not supported here.");
            }

            var first = new JsonObject
            {
                ["totalSize"] = records.Count,
                ["done"] = false,
                ["nextRecordsUrl"] = $"/services/data/v{version}/query/{QueryLocator}-{FirstPageSize}",
                ["records"] = new JsonArray(records.Take(FirstPageSize).ToArray()),
            };
            return new Answer(200, first.ToJsonString());
        }

        if (locator != $"{QueryLocator}-{FirstPageSize}")
        {
            return Error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }

        if (Hostility.Is(Hostile.NextLoop))
        {
            var again = new JsonObject { ["totalSize"] = records.Count, ["done"] = false, ["nextRecordsUrl"] = exchange.Path, ["records"] = new JsonArray() };
            return new Answer(200, again.ToJsonString());
        }

        var rest = new JsonObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = new JsonArray(records.Skip(FirstPageSize).ToArray()) };
        return new Answer(200, rest.ToJsonString());
    }

    private static Answer Error(int status, string code, string message) =>
        new(status, new JsonArray(new JsonObject { ["message"] = message, ["errorCode"] = code }).ToJsonString());
}
