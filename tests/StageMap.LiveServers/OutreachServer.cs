using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace StageMap.LiveServers;

/// <summary>
/// Outreach API v2 as its reference shows it: JSON:API resources (type, id, attributes), lists paged
/// with links.next, POST 201, PATCH 200, DELETE 204, errors as {"errors":[{"id","title","detail"}]},
/// 415 for any media type but application/vnd.api+json, 403 unauthorizedOauthScope, and the OAuth
/// token endpoint (grant_type=refresh_token), which hands out a new refresh token each time and
/// accepts only the newest. As strict as the real one where clients go wrong: a collection gives
/// meta.count only when asked with count=true (Outreach stopped counting by default in 2025, see
/// "Deprecated features" in its API reference), and every API answer carries X-RateLimit-Limit,
/// -Remaining and -Reset (a Unix time). Starts with Outreach's six default stages, and three prospects
/// on Unresponsive (ids 1001 to 1003) that no test deletes unless it means to.
/// Prospects have an id and a stage (or none: "No Stage"). GET /prospects filters by stage
/// (filter[stage][id]) or by ids (filter[id]=a,b,c), gives only the fields fields[prospect] names (id:
/// none; stage: relationships.stage), pages by cursor (page[after] in links.next) and refuses a
/// page[size] above 1,000 (400); PATCH /prospects/{id} takes relationships.stage (data null or a stage
/// Outreach has) and answers 422 to any other shape. Deleting a stage leaves its prospects with no stage.
/// </summary>
public sealed class OutreachServer : LoopbackServer
{
    public const string FirstAccessToken = "or-access-1f6c2a9d";
    public const string ClientId = "stagemap-loopback-client";
    public const string ClientSecret = "or-client-secret-7b3e51";
    public const string FirstRefreshToken = "or-refresh-4d8a0c2e";
    public const string JsonApi = "application/vnd.api+json";

    private static readonly (string Name, string Color)[] Defaults =
    {
        ("New", "#4fb0ff"), ("Approaching", "#ffbf00"), ("Replied", "#3cc878"), ("Unresponsive", "#9aa5b1"), ("Do Not Contact", "#e5484d"), ("Bad Data", "#6e56cf"),
    };

    /// <summary>The prospects the server starts with: on Unresponsive (stage 4).</summary>
    public static readonly int[] SeededProspects = { 1001, 1002, 1003 };

    /// <summary>Outreach's largest page (page[size]); a larger one is refused.</summary>
    public const int LargestPage = 1000;

    private List<StageResource> _stages = new();
    private readonly SortedDictionary<int, int?> _prospects = new();
    private int _nextProspectId;
    private readonly HashSet<string> _deniedScopes = new(StringComparer.Ordinal);
    private int _nextId;
    private int _tokenGeneration;
    private int _rateLimitRemaining;
    private DateTimeOffset _blockedUntil;

    public OutreachServer()
    {
        Reset();
    }

    /// <summary>The access token the server accepts now; null after /_expire until a refresh.</summary>
    public string? AccessToken { get; private set; }

    public string RefreshToken { get; private set; } = FirstRefreshToken;

    /// <summary>Requests one user may make in an hour (Outreach's documented limit).</summary>
    public const int RateLimit = 10_000;

    /// <summary>The most stages one page lists, whatever page[size] asks: small, so lists take pages.</summary>
    public int PageSize { get; set; } = 4;

    public IReadOnlyList<StageResource> Stages => _stages.ToArray();

    /// <summary>Where each prospect is: its stage id, or null on "No Stage".</summary>
    public IReadOnlyDictionary<int, int?> Prospects
    {
        get
        {
            lock (Gate)
            {
                return new Dictionary<int, int?>(_prospects);
            }
        }
    }

    /// <summary>Makes the stage hold exactly <paramref name="count"/> prospects: new ones, the ones on it before moved to "No Stage".</summary>
    /// <returns>The new prospects' ids.</returns>
    public IReadOnlyList<int> SetProspects(int stageId, int count)
    {
        lock (Gate)
        {
            foreach (var held in _prospects.Where(p => p.Value == stageId).Select(p => p.Key).ToList())
            {
                _prospects[held] = null;
            }

            var added = Enumerable.Range(_nextProspectId, count).ToList();
            _nextProspectId += count;
            foreach (var id in added)
            {
                _prospects[id] = stageId;
            }

            return added;
        }
    }

    /// <summary>Puts a prospect on a stage (null: "No Stage"), as someone in Outreach would.</summary>
    public void MoveProspect(int prospectId, int? stageId)
    {
        lock (Gate)
        {
            _prospects[prospectId] = stageId;
        }
    }

    public override void Reset()
    {
        base.Reset();
        _stages = Defaults.Select((d, i) => new StageResource(i + 1, d.Name, i + 1, d.Color)).ToList();
        _prospects.Clear();
        foreach (var id in SeededProspects)
        {
            _prospects[id] = 4;
        }

        _nextProspectId = 2001;
        _deniedScopes.Clear();
        _nextId = 101;
        _tokenGeneration = 1;
        _rateLimitRemaining = RateLimit;
        _blockedUntil = DateTimeOffset.MinValue;
        AccessToken = FirstAccessToken;
        RefreshToken = FirstRefreshToken;
    }

    protected override Answer? Control(Exchange exchange)
    {
        lock (Gate)
        {
            switch (exchange.Path)
            {
                case "/_expire":
                    AccessToken = null;
                    return new Answer(204);
                case "/_deny":
                    _deniedScopes.Add(exchange.Query("scope")!);
                    return new Answer(204);
                case "/_prospects" when exchange.Query("count") is { } count:
                    var ids = SetProspects(int.Parse(exchange.Query("stage")!, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture));
                    return new Answer(200, new JsonArray(ids.Select(i => (JsonNode)i).ToArray()).ToJsonString());
                case "/_prospects" when exchange.Query("move") is { } move:
                    MoveProspect(int.Parse(move, CultureInfo.InvariantCulture), exchange.Query("stage") is { Length: > 0 } to ? int.Parse(to, CultureInfo.InvariantCulture) : null);
                    return new Answer(204);
                case "/_prospects":
                    return new Answer(200, new JsonObject(_prospects.Select(p => KeyValuePair.Create(p.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)p.Value))).ToJsonString());
                case "/_stages":
                    return new Answer(200, new JsonArray(_stages.Select(s => (JsonNode)s.ToJson(BaseUri)).ToArray()).ToJsonString());
                default:
                    return null;
            }
        }
    }

    protected override Answer Handle(Exchange exchange)
    {
        if (exchange.Path == "/oauth/token")
        {
            return Token(exchange);
        }

        return WithRateLimit(HandleApi(exchange));
    }

    private Answer HandleApi(Exchange exchange)
    {
        if (Hostility.Is(Hostile.RateLimitZero) && DateTimeOffset.UtcNow < _blockedUntil)
        {
            return Error(429, "rateLimitExceeded", "Rate Limit Exceeded", "You have exceeded your rate limit.");
        }

        if (Hostility.Is(Hostile.EchoToken))
        {
            return Error(401, "unauthorized", "Unauthorized", $"The access token in '{exchange.Context.Request.Headers.Authorization}' is invalid or has expired.");
        }

        if (exchange.Bearer is null || exchange.Bearer != AccessToken)
        {
            return Error(401, "unauthorized", "Unauthorized", "The access token is invalid or has expired.");
        }

        var match = Regex.Match(exchange.Path, @"^/api/v2/(?<resource>[a-z]+)(/(?<id>\d+))?$");
        if (!match.Success)
        {
            return Error(404, "resourceNotFound", "Resource Not Found", $"No route {exchange.Path}.");
        }

        var resource = match.Groups["resource"].Value;
        var scope = $"{resource}.{(exchange.Method == "GET" ? "read" : "write")}";
        if (_deniedScopes.Contains(scope))
        {
            return Error(403, "unauthorizedOauthScope", "Unauthorized OAuth Scope", $"Your authorization does not include the required scope '{scope}'.");
        }

        if (exchange.Method is "POST" or "PATCH" && exchange.Context.Request.ContentType != JsonApi)
        {
            return Error(415, "unsupportedMediaType", "Unsupported Media Type", $"Requests must use the media type {JsonApi} without parameters.");
        }

        if (exchange.Method is "POST" or "PATCH" && Hostility.Is(Hostile.OddErrors))
        {
            // Each field in a shape the reference does not give: an object id, a list title, an object detail.
            return new Answer(422, "{\"errors\":[{\"id\":{\"code\":\"validationError\"},\"title\":[\"Validation\",\"Error\"],\"detail\":{\"name\":\"is too long\"}},{\"id\":7,\"detail\":\"Name is too long\"}]}", JsonApi);
        }

        var id = match.Groups["id"].Success ? int.Parse(match.Groups["id"].Value, CultureInfo.InvariantCulture) : (int?)null;
        return (resource, exchange.Method, id) switch
        {
            ("stages", "GET", null) => ListStages(exchange),
            ("stages", "POST", null) => CreateStage(exchange),
            ("stages", "PATCH", { } stage) => UpdateStage(exchange, stage),
            ("stages", "DELETE", { } stage) => DeleteStage(stage),
            ("prospects", "GET", null) => ListProspects(exchange),
            ("prospects", "PATCH", { } prospect) => UpdateProspect(exchange, prospect),
            _ => Error(405, "methodNotAllowed", "Method Not Allowed", $"{exchange.Method} {exchange.Path} is not served."),
        };
    }

    private Answer Token(Exchange exchange)
    {
        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(exchange.Body);
        string Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : "";
        if (Hostility.Is(Hostile.EchoToken))
        {
            var echoed = new JsonObject { ["error"] = "invalid_grant", ["error_description"] = $"The refresh token {Field("refresh_token")} of client {Field("client_id")} (secret {Field("client_secret")}) is revoked." };
            return new Answer(400, echoed.ToJsonString());
        }
        if (Field("grant_type") != "refresh_token" || Field("client_id") != ClientId || Field("client_secret") != ClientSecret || Field("refresh_token") != RefreshToken)
        {
            return new Answer(401, "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid, expired or revoked.\"}");
        }

        _tokenGeneration++;
        AccessToken = $"or-access-{_tokenGeneration}-9e1b7f";
        RefreshToken = $"or-refresh-{_tokenGeneration}-5a2c8d";
        var body = new JsonObject
        {
            ["access_token"] = AccessToken,
            ["token_type"] = "bearer",
            ["expires_in"] = 7200,
            ["refresh_token"] = RefreshToken,
            ["scope"] = "stages.read stages.write prospects.read prospects.write",
            ["created_at"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        };
        return new Answer(200, body.ToJsonString());
    }

    private Answer ListStages(Exchange exchange)
    {
        if (Hostility.Is(Hostile.HugeBody) || Hostility.Is(Hostile.HugeLength))
        {
            return Hostile.Huge(Hostility, JsonApi);
        }

        if (PageSizeProblem(exchange) is { } refused)
        {
            return refused;
        }

        var asked = int.TryParse(exchange.Query("page[size]"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 50;
        var offset = int.TryParse(exchange.Query("page[offset]"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var skip) ? skip : 0;
        var pageSize = Math.Min(asked, PageSize);
        var page = _stages.OrderBy(s => s.Id).Skip(offset).Take(pageSize).ToList();
        var links = new JsonObject { ["first"] = new Uri(BaseUri, $"/api/v2/stages?page%5Bsize%5D={asked}").ToString() };
        if (Hostility.Is(Hostile.NextLoop))
        {
            links["next"] = new Uri(BaseUri, exchange.PathAndQuery).ToString();
        }
        else if (offset + pageSize < _stages.Count || Hostility.Is(Hostile.NextEndless))
        {
            links["next"] = new Uri(BaseUri, $"/api/v2/stages?page%5Bsize%5D={asked}&page%5Boffset%5D={offset + pageSize}").ToString();
        }

        var body = new JsonObject
        {
            ["data"] = new JsonArray(page.Select(s => (JsonNode)s.ToJson(BaseUri)).ToArray()),
            ["links"] = links,
            ["meta"] = Meta(exchange, _stages.Count.ToString(CultureInfo.InvariantCulture)),
        };
        return new Answer(200, body.ToJsonString(), JsonApi);
    }

    /// <summary>
    /// A collection's meta: the count only when the request says count=true, as Outreach does since
    /// 2025 (and in the shape a hostile scenario asks for).
    /// </summary>
    private JsonObject Meta(Exchange exchange, string count)
    {
        var meta = new JsonObject();
        if (!string.Equals(exchange.Query("count"), "true", StringComparison.Ordinal) || Hostility.Is(Hostile.CountMissing))
        {
            return meta;
        }

        var given = Hostility.Is(Hostile.CountOverflow) ? "100000000000000000000000000"
            : Hostility.Is(Hostile.CountNegative) ? "-1"
            : Hostility.Is(Hostile.CountFraction) ? "2.5"
            : Hostility.Is(Hostile.CountTruncated) || Hostility.Is(Hostile.CountZero) ? "0"
            : count;
        meta["count"] = JsonNode.Parse(given);
        meta["count_truncated"] = Hostility.Is(Hostile.CountTruncated);
        return meta;
    }

    private Answer CreateStage(Exchange exchange)
    {
        if (Attributes(exchange, null) is not { } attributes)
        {
            return Error(422, "validationError", "Validation Error", "The body must be {\"data\":{\"type\":\"stage\",\"attributes\":{…}}}.");
        }

        var name = (string?)attributes["name"];
        if (string.IsNullOrWhiteSpace(name))
        {
            return Error(422, "validationError", "Validation Error", "Name can't be blank.");
        }

        if (_stages.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Error(422, "validationError", "Validation Error", "Name has already been taken.");
        }

        var stage = new StageResource(_nextId++, name!, (int?)attributes["order"] ?? _stages.Count + 1, (string?)attributes["color"]);
        _stages.Add(stage);
        var created = stage.ToJson(BaseUri);
        if (Hostility.Is(Hostile.IdOverflow) || Hostility.Is(Hostile.IdNegative))
        {
            created["id"] = JsonNode.Parse(Hostility.Is(Hostile.IdOverflow) ? "99999999999" : "-3");
        }

        return new Answer(201, new JsonObject { ["data"] = created }.ToJsonString(), JsonApi);
    }

    private Answer UpdateStage(Exchange exchange, int id)
    {
        var index = _stages.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return Error(404, "resourceNotFound", "Resource Not Found", $"Could not find 'stage' with ID '{id}'.");
        }

        if (Attributes(exchange, id) is not { } attributes)
        {
            return Error(422, "validationError", "Validation Error", "The body must be {\"data\":{\"type\":\"stage\",\"id\":…,\"attributes\":{…}}} with the id of the URL.");
        }

        var stage = _stages[index];
        var name = (string?)attributes["name"] ?? stage.Name;
        if (_stages.Any(s => s.Id != id && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Error(422, "validationError", "Validation Error", "Name has already been taken.");
        }

        _stages[index] = stage with { Name = name, Order = (int?)attributes["order"] ?? stage.Order, Color = (string?)attributes["color"] ?? stage.Color };
        return new Answer(200, new JsonObject { ["data"] = _stages[index].ToJson(BaseUri) }.ToJsonString(), JsonApi);
    }

    private Answer DeleteStage(int id)
    {
        if (_stages.RemoveAll(s => s.Id == id) == 0)
        {
            return Error(404, "resourceNotFound", "Resource Not Found", $"Could not find 'stage' with ID '{id}'.");
        }

        // As in Outreach: the stage's prospects stay, on "No Stage".
        foreach (var held in _prospects.Where(p => p.Value == id).Select(p => p.Key).ToList())
        {
            _prospects[held] = null;
        }

        return new Answer(204);
    }

    /// <summary>
    /// GET /prospects: filtered by stage or by ids, the fields fields[prospect] names, a page of at most
    /// page[size] (and <see cref="PageSize"/>) after the cursor page[after]; meta.count only with count=true.
    /// </summary>
    private Answer ListProspects(Exchange exchange)
    {
        if (PageSizeProblem(exchange) is { } refused)
        {
            return refused;
        }

        IEnumerable<KeyValuePair<int, int?>> matching = _prospects;
        if (exchange.Query("filter[stage][id]") is { } stage)
        {
            matching = matching.Where(p => p.Value?.ToString(CultureInfo.InvariantCulture) == stage);
        }

        if (exchange.Query("filter[id]") is { } ids)
        {
            var wanted = ids.Split(',').Select(i => int.TryParse(i, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1).ToHashSet();
            matching = matching.Where(p => wanted.Contains(p.Key));
        }

        var all = matching.ToList();
        var asked = int.TryParse(exchange.Query("page[size]"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : 50;
        var after = exchange.Query("page[after]") is { } cursor ? int.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture) : 0;
        var page = all.Where(p => p.Key > after).Take(Math.Min(asked, PageSize)).ToList();
        var fields = exchange.Query("fields[prospect]")?.Split(',').ToHashSet();
        var links = new JsonObject();
        if (Hostility.Is(Hostile.ProspectNextLoop))
        {
            links["next"] = new Uri(BaseUri, exchange.PathAndQuery).ToString();
        }
        else if (page.Count > 0 && all.Any(p => p.Key > page[^1].Key))
        {
            var next = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(page[^1].Key.ToString(CultureInfo.InvariantCulture)));
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(exchange.Context.Request.QueryString.Value).Where(q => q.Key != "page[after]")
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page%5Bafter%5D={Uri.EscapeDataString(next)}");
            links["next"] = new Uri(BaseUri, $"/api/v2/prospects?{string.Join("&", query)}").ToString();
        }

        var body = new JsonObject
        {
            ["data"] = new JsonArray(page.Select(p => (JsonNode)Prospect(p.Key, p.Value, fields)).ToArray()),
            ["links"] = links,
            ["meta"] = Meta(exchange, all.Count.ToString(CultureInfo.InvariantCulture)),
        };
        return new Answer(200, body.ToJsonString(), JsonApi);
    }

    /// <summary>PATCH /prospects/{id}: data.type prospect, data.id the URL's, and at most relationships.stage (null, or a stage Outreach has).</summary>
    private Answer UpdateProspect(Exchange exchange, int id)
    {
        if (!_prospects.ContainsKey(id))
        {
            return Error(404, "resourceNotFound", "Resource Not Found", $"Could not find 'prospect' with ID '{id}'.");
        }

        JsonObject? data;
        try
        {
            data = (JsonNode.Parse(exchange.Body) as JsonObject)?["data"] as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            data = null;
        }

        if (data is null || (string?)data["type"] != "prospect" || data["id"]?.ToString() != id.ToString(CultureInfo.InvariantCulture))
        {
            return Error(422, "validationError", "Validation Error", "The body must be {\"data\":{\"type\":\"prospect\",\"id\":…}} with the id of the URL.");
        }

        if (data["attributes"] is JsonObject { Count: > 0 })
        {
            return Error(422, "validationError", "Validation Error", "The loopback Outreach changes a prospect's stage only (relationships.stage).");
        }

        if (data["relationships"] is not JsonObject relationships)
        {
            return data["relationships"] is null
                ? new Answer(200, new JsonObject { ["data"] = Prospect(id, _prospects[id], null) }.ToJsonString(), JsonApi)
                : Error(422, "validationError", "Validation Error", "relationships must be an object.");
        }

        if (relationships.Count != 1 || relationships["stage"] is not JsonObject stage || !stage.ContainsKey("data"))
        {
            return Error(422, "validationError", "Validation Error", "relationships must be {\"stage\":{\"data\":…}}.");
        }

        switch (stage["data"])
        {
            case null:
                _prospects[id] = null;
                break;
            case JsonObject target when (string?)target["type"] == "stage" && int.TryParse(target["id"]?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var stageId):
                if (_stages.All(s => s.Id != stageId))
                {
                    return Error(422, "validationError", "Validation Error", $"Stage {stageId} does not exist.");
                }

                _prospects[id] = stageId;
                break;
            default:
                return Error(422, "validationError", "Validation Error", "relationships.stage.data must be null or {\"type\":\"stage\",\"id\":…}.");
        }

        return new Answer(200, new JsonObject { ["data"] = Prospect(id, _prospects[id], null) }.ToJsonString(), JsonApi);
    }

    /// <summary>A prospect as the API gives it: only the fields named when fields[prospect] is given.</summary>
    private JsonObject Prospect(int id, int? stage, ISet<string>? fields)
    {
        var prospect = new JsonObject { ["type"] = "prospect", ["id"] = id };
        if (fields is null)
        {
            prospect["attributes"] = new JsonObject { ["firstName"] = $"Prospect {id}", ["emails"] = new JsonArray($"prospect{id}@example.com") };
        }

        if (fields is null || fields.Contains("stage"))
        {
            prospect["relationships"] = new JsonObject
            {
                ["stage"] = new JsonObject { ["data"] = stage is null ? null : new JsonObject { ["type"] = "stage", ["id"] = stage } },
            };
        }

        prospect["links"] = new JsonObject { ["self"] = new Uri(BaseUri, $"/api/v2/prospects/{id}").ToString() };
        return prospect;
    }

    /// <summary>page[size] must be a whole number from 1 to <see cref="LargestPage"/>, as Outreach serves at most 1,000 a page.</summary>
    private static Answer? PageSizeProblem(Exchange exchange) =>
        exchange.Query("page[size]") is { } size && !(int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked is >= 1 and <= LargestPage)
            ? Error(400, "badRequest", "Bad Request", $"page[size] must be a whole number from 1 to {LargestPage}, not '{size}'.")
            : null;

    /// <summary>The rate-limit headers of an API answer; with <see cref="Hostile.RateLimitZero"/>, none left until the reset.</summary>
    private Answer WithRateLimit(Answer answer)
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset reset;
        if (Hostility.Is(Hostile.RateLimitZero))
        {
            var seconds = int.TryParse(Hostility.Option("reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : 1;
            reset = DateTimeOffset.FromUnixTimeSeconds(now.AddSeconds(seconds).ToUnixTimeSeconds() + 1);
            _rateLimitRemaining = 0;
            if (answer.Status != 429)
            {
                _blockedUntil = reset;
            }
        }
        else
        {
            reset = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - (now.ToUnixTimeSeconds() % 3600) + 3600);
            _rateLimitRemaining = Math.Max(0, _rateLimitRemaining - 1);
        }

        var headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = RateLimit.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Remaining"] = _rateLimitRemaining.ToString(CultureInfo.InvariantCulture),
            ["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };
        if (answer.Status == 429)
        {
            headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling((_blockedUntil - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return answer.WithHeaders(headers);
    }

    /// <summary>data.attributes of a JSON:API body whose data.type is stage (and data.id <paramref name="id"/> when given).</summary>
    private static JsonObject? Attributes(Exchange exchange, int? id)
    {
        try
        {
            if (JsonNode.Parse(exchange.Body) is not JsonObject { } body || body["data"] is not JsonObject data || (string?)data["type"] != "stage")
            {
                return null;
            }

            if (id is not null && (data["id"] is not JsonValue given || given.ToString() != id.Value.ToString(CultureInfo.InvariantCulture)))
            {
                return null;
            }

            return data["attributes"] as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static Answer Error(int status, string id, string title, string detail) =>
        new(status, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["id"] = id, ["title"] = title, ["detail"] = detail }) }.ToJsonString(), JsonApi);
}

/// <summary>A stage as the server keeps it.</summary>
public sealed record StageResource(int Id, string Name, int Order, string? Color)
{
    public JsonObject ToJson(Uri baseUri) => new()
    {
        ["type"] = "stage",
        ["id"] = Id,
        ["attributes"] = new JsonObject
        {
            ["color"] = Color,
            ["createdAt"] = "2024-01-15T09:30:00.000Z",
            ["name"] = Name,
            ["order"] = Order,
            ["updatedAt"] = "2024-01-15T09:30:00.000Z",
        },
        ["relationships"] = new JsonObject
        {
            ["prospects"] = new JsonObject { ["links"] = new JsonObject { ["related"] = new Uri(baseUri, $"/api/v2/prospects?filter%5Bstage%5D%5Bid%5D={Id}").ToString() } },
        },
        ["links"] = new JsonObject { ["self"] = new Uri(baseUri, $"/api/v2/stages/{Id}").ToString() },
    };
}
