using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// The Outreach calls StageMap makes: check a token, list the stages (every page), create, update and
/// delete one, count the prospects a stage holds, list their ids, read where prospects are and move
/// one to a stage. The stage list is read by
/// <see cref="OutreachStageReader"/>, as an API v2 file would be. What Outreach answers is read
/// defensively (<see cref="LiveJson"/>): an id that is not a positive Int32 or a count that is not a
/// whole number from 0 up is an error, never a value.
/// </summary>
public sealed class OutreachClient
{
    /// <summary>The largest page Outreach serves: fewest calls.</summary>
    public const int PageSize = 1000;

    private readonly LiveHttpClient _http;
    private readonly OutreachConnection _connection;
    private readonly OutreachService _service;

    public OutreachClient(LiveHttpClient http, OutreachConnection connection)
    {
        _http = http;
        _connection = connection;
        _service = new OutreachService(connection);
    }

    /// <summary>Gets an access token with the refresh token now, so a bad credential shows at once.</summary>
    public Task RenewTokenAsync(CancellationToken cancellation) => _service.RefreshAsync(_http, cancellation);

    /// <summary>
    /// GET /stages?page[size]=1&amp;count=false: the cheapest call that needs the token and the
    /// stages.read scope Sync-OutreachStage and Import-OutreachStage need. A refused token renews once
    /// when the connection can.
    /// </summary>
    /// <exception cref="StageMapException">OutreachAuthenticationFailed, OutreachScopeMissing, or the call's other failure.</exception>
    public async Task CheckTokenAsync(CancellationToken cancellation) =>
        await SendForObjectAsync(LiveRequest.Get(_connection.ApiUri("/stages?page%5Bsize%5D=1&count=false")), cancellation).ConfigureAwait(false);

    /// <summary>GET /stages, following links.next to the end; the pages are read as one API v2 list.</summary>
    public async Task<OutreachStageFile> ListStagesAsync(CancellationToken cancellation)
    {
        var stages = await ReadListAsync($"/stages?page%5Bsize%5D={PageSize}&count=false", "stages", "Reading the stages from Outreach", ReadLimits.MaxListValues, cancellation).ConfigureAwait(false);
        var whole = new JObject { ["data"] = stages };
        return OutreachStageReader.Read(Encodings.Utf8NoBom.GetBytes(whole.ToString(Newtonsoft.Json.Formatting.None)), $"{_connection.BaseUri.Host} stages");
    }

    /// <summary>
    /// Every resource of a collection (<paramref name="pathAndQuery"/> under /api/v2, with its page
    /// size and count=false unless the count is wanted), page by page along links.next: at most
    /// <paramref name="maxItems"/> of them, and the paging held to <see cref="LiveHttpClient.ReadPagesAsync"/>'s rules.
    /// </summary>
    /// <param name="what">The resources, for messages and progress: "stages".</param>
    /// <exception cref="StageMapException">The call's failure; LivePagingLoop; LiveAnswerTooLarge for a longer list.</exception>
    public async Task<JArray> ReadListAsync(string pathAndQuery, string what, string activity, int maxItems, CancellationToken cancellation)
    {
        var items = new JArray();
        await ReadEachAsync(pathAndQuery, what, activity, maxItems, items.Add, cancellation).ConfigureAwait(false);
        return items;
    }

    /// <summary>
    /// As <see cref="ReadListAsync"/>, handing each resource to <paramref name="each"/> as its page is
    /// read, so a long list (a stage's prospects) is never held as JSON.
    /// </summary>
    /// <exception cref="StageMapException">The call's failure; LivePagingLoop; LiveAnswerTooLarge past <paramref name="maxItems"/>.</exception>
    public async Task ReadEachAsync(string pathAndQuery, string what, string activity, int maxItems, Action<JToken> each, CancellationToken cancellation)
    {
        var count = 0;
        var first = LiveRequest.Get(_connection.ApiUri(pathAndQuery));
        await _http.ReadPagesAsync(_service, first, "links.next", activity, (body, request) =>
        {
            if (body["data"] is JArray data)
            {
                count += data.Count;
                if (count > maxItems)
                {
                    throw Failures.LiveListTooLong(_service.SystemName, first.ToString(), maxItems, what);
                }

                foreach (var item in data)
                {
                    each(item);
                }
            }

            if ((body["links"] as JObject)?["next"] is not { } link || link.Type == JTokenType.Null || LiveJson.Text(link) is "")
            {
                return null;
            }

            return LiveJson.Text(link) is { } next && Uri.TryCreate(request.Uri, next, out var uri)
                ? uri
                : throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), $"its links.next is {LiveJson.Show(link)}, not a link.");
        }, page => $"page {page} ({count} {what} so far)", cancellation).ConfigureAwait(false);
    }

    /// <returns>The id Outreach gave the new stage: a whole number from 1 to 2,147,483,647.</returns>
    /// <exception cref="StageMapException">The call's failure; OutreachRequestFailed when the answer gives no such id.</exception>
    public async Task<int> CreateStageAsync(StageAttributes attributes, CancellationToken cancellation)
    {
        var request = CreateRequest(_connection, attributes);
        var body = await SendForObjectAsync(request, cancellation).ConfigureAwait(false);
        var given = (body["data"] as JObject)?["id"];
        return LiveJson.TryGetId(given, out var id)
            ? id
            : throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), given is null
                ? "it gives no data.id for the new stage. The stage may have been made: the next Sync-OutreachStage finds it by name."
                : $"its data.id {LiveJson.Show(given)} is not a stage id (a whole number from 1 to 2147483647). The stage may have been made: the next Sync-OutreachStage finds it by name.");
    }

    public async Task UpdateStageAsync(int id, StageAttributes attributes, CancellationToken cancellation) =>
        await _http.SendAsync(_service, UpdateRequest(_connection, id, attributes), cancellation).ConfigureAwait(false);

    public async Task DeleteStageAsync(int id, CancellationToken cancellation) =>
        await _http.SendAsync(_service, DeleteRequest(_connection, id), cancellation).ConfigureAwait(false);

    /// <summary>
    /// GET /prospects?filter[stage][id]=X&amp;count=true: meta.count. Outreach counts a collection only
    /// when asked with count=true (since 2025), so the request asks.
    /// </summary>
    /// <exception cref="StageMapException">
    /// The call's failure; OutreachRequestFailed when meta.count is missing, not a whole number from 0 up,
    /// marked count_truncated, or 0 beside a listed prospect.
    /// </exception>
    public async Task<long> CountProspectsAsync(int stageId, CancellationToken cancellation)
    {
        var request = CountRequest(_connection, stageId);
        var body = await SendForObjectAsync(request, cancellation).ConfigureAwait(false);
        var meta = body["meta"] as JObject;
        var count = meta?["count"];
        if (!LiveJson.TryGetCount(count, out var prospects))
        {
            throw Failures.LiveCountUnreadable(_service.SystemName, request.ToString(), count is null
                ? "it gives no meta.count (Outreach counts only when asked with count=true, which this call asks)"
                : $"its meta.count {LiveJson.Show(count)} is not a number of prospects (a whole number from 0 up)");
        }

        // A count Outreach cut short under load, or a 0 beside a listed prospect, is no proof the stage is empty.
        if (meta?["count_truncated"] is { } truncated && !(truncated is JValue { Type: JTokenType.Boolean, Value: false }))
        {
            throw Failures.LiveCountUnreadable(_service.SystemName, request.ToString(), $"its meta.count {prospects} is cut short (meta.count_truncated {LiveJson.Show(truncated)})");
        }

        if (prospects == 0 && body["data"] is JArray { Count: > 0 })
        {
            throw Failures.LiveCountUnreadable(_service.SystemName, request.ToString(), "its meta.count 0 disagrees with the prospect it lists");
        }

        return prospects;
    }

    /// <summary>
    /// The ids of the prospects on a stage: GET /prospects?filter[stage][id]=X&amp;fields[prospect]=id,
    /// Outreach's largest page and no count, every page along links.next. At most
    /// <paramref name="maxProspects"/>: a longer list is LiveAnswerTooLarge.
    /// </summary>
    /// <exception cref="StageMapException">The call's failure; LivePagingLoop; LiveAnswerTooLarge; OutreachRequestFailed for an entry that is not a prospect id.</exception>
    public async Task<IReadOnlyList<int>> ListProspectIdsAsync(int stageId, int maxProspects, CancellationToken cancellation)
    {
        var ids = new List<int>();
        var path = $"/prospects?filter%5Bstage%5D%5Bid%5D={stageId}&fields%5Bprospect%5D=id&page%5Bsize%5D={PageSize}&count=false";
        await ReadEachAsync(path, "prospects", $"Reading the prospects on stage {stageId}", maxProspects, item =>
            ids.Add(LiveJson.TryGetId((item as JObject)?["id"], out var id)
                ? id
                : throw Failures.LiveAnswerUnreadable(_service.SystemName, $"GET {_connection.ApiUri(path)}", $"a prospect's id is {LiveJson.Show((item as JObject)?["id"] ?? item)}, not a prospect id (a whole number from 1 to 2147483647).")),
            cancellation).ConfigureAwait(false);
        return ids;
    }

    /// <summary>
    /// Where each of <paramref name="prospectIds"/> is now: GET /prospects?filter[id]=a,b,…&amp;fields[prospect]=stage.
    /// A prospect Outreach does not list (deleted, or out of the user's sight) is not in the answer.
    /// </summary>
    /// <returns>Each listed prospect's stage id, or null when it is on "No Stage".</returns>
    /// <exception cref="StageMapException">The call's failure; OutreachRequestFailed for an answer that does not say a prospect's stage.</exception>
    public async Task<IReadOnlyDictionary<int, int?>> ReadProspectStagesAsync(IReadOnlyCollection<int> prospectIds, CancellationToken cancellation)
    {
        var stages = new Dictionary<int, int?>();
        var path = $"/prospects?filter%5Bid%5D={string.Join(",", prospectIds)}&fields%5Bprospect%5D=stage&page%5Bsize%5D={PageSize}&count=false";
        var call = $"GET {_connection.ApiUri(path)}";
        await ReadEachAsync(path, "prospects", "Reading where the saved prospects are", prospectIds.Count, item =>
        {
            if (!LiveJson.TryGetId((item as JObject)?["id"], out var id))
            {
                throw Failures.LiveAnswerUnreadable(_service.SystemName, call, $"a prospect's id is {LiveJson.Show((item as JObject)?["id"] ?? item)}, not a prospect id.");
            }

            var stage = ((item["relationships"] as JObject)?["stage"] as JObject)?["data"];
            stages[id] = stage switch
            {
                JValue { Type: JTokenType.Null } => null,
                JObject data when LiveJson.TryGetId(data["id"], out var stageId) => stageId,
                _ => throw Failures.LiveAnswerUnreadable(_service.SystemName, call, $"prospect {id} has relationships.stage.data {LiveJson.Show(stage)}, neither null nor a stage."),
            };
        }, cancellation).ConfigureAwait(false);
        return stages;
    }

    /// <summary>PATCH /prospects/{id} with relationships.stage: the prospect goes on that stage.</summary>
    public async Task MoveProspectAsync(int prospectId, int stageId, CancellationToken cancellation) =>
        await _http.SendAsync(_service, MoveProspectRequest(_connection, prospectId, stageId), cancellation).ConfigureAwait(false);

    /// <summary>
    /// PATCH /prospects/{id} with neither attributes nor relationships: it changes nothing, and Outreach
    /// checks the token's scope before anything else, so a missing prospects.write is
    /// OutreachScopeMissing here, before any real write. A 404 (the prospect is gone) got past the scope
    /// check as well.
    /// </summary>
    /// <exception cref="StageMapException">OutreachScopeMissing naming prospects.write; the call's other failures.</exception>
    public async Task CheckProspectWriteAsync(int prospectId, CancellationToken cancellation)
    {
        var request = LiveRequest.WithJson(new HttpMethod("PATCH"), _connection.ApiUri($"/prospects/{prospectId}"),
            new JObject { ["data"] = new JObject { ["type"] = "prospect", ["id"] = prospectId } }.ToString(Newtonsoft.Json.Formatting.None), OutreachService.JsonApi);
        await _http.SendAsync(_service, request, cancellation, alsoAccepted: 404).ConfigureAwait(false);
    }

    public static LiveRequest MoveProspectRequest(OutreachConnection connection, int prospectId, int stageId) =>
        LiveRequest.WithJson(new HttpMethod("PATCH"), connection.ApiUri($"/prospects/{prospectId}"), new JObject
        {
            ["data"] = new JObject
            {
                ["type"] = "prospect",
                ["id"] = prospectId,
                ["relationships"] = new JObject { ["stage"] = new JObject { ["data"] = new JObject { ["type"] = "stage", ["id"] = stageId } } },
            },
        }.ToString(Newtonsoft.Json.Formatting.None), OutreachService.JsonApi);

    public static LiveRequest CountRequest(OutreachConnection connection, int stageId) =>
        LiveRequest.Get(connection.ApiUri($"/prospects?filter%5Bstage%5D%5Bid%5D={stageId}&page%5Bsize%5D=1&count=true"));

    public static LiveRequest CreateRequest(OutreachConnection connection, StageAttributes attributes) =>
        LiveRequest.WithJson(HttpMethod.Post, connection.ApiUri("/stages"), Document(null, attributes), OutreachService.JsonApi);

    public static LiveRequest UpdateRequest(OutreachConnection connection, int id, StageAttributes attributes) =>
        LiveRequest.WithJson(new HttpMethod("PATCH"), connection.ApiUri($"/stages/{id}"), Document(id, attributes), OutreachService.JsonApi);

    public static LiveRequest DeleteRequest(OutreachConnection connection, int id) => LiveRequest.Delete(connection.ApiUri($"/stages/{id}"));

    private static string Document(int? id, StageAttributes attributes)
    {
        var values = new JObject();
        if (attributes.Name is not null)
        {
            values["name"] = attributes.Name;
        }

        if (attributes.Order is not null)
        {
            values["order"] = attributes.Order;
        }

        if (attributes.Color is not null)
        {
            values["color"] = attributes.Color;
        }

        var data = new JObject { ["type"] = "stage" };
        if (id is not null)
        {
            data["id"] = id;
        }

        data["attributes"] = values;
        return new JObject { ["data"] = data }.ToString(Newtonsoft.Json.Formatting.None);
    }

    private Task<JObject> SendForObjectAsync(LiveRequest request, CancellationToken cancellation) =>
        _http.SendForObjectAsync(_service, request, cancellation);
}

/// <summary>What a create or update sends: only the attributes given (null ones are left out).</summary>
public sealed record StageAttributes(string? Name, int? Order, string? Color)
{
    public bool IsEmpty => Name is null && Order is null && Color is null;

    public override string ToString()
    {
        var parts = new System.Collections.Generic.List<string>();
        if (Name is not null)
        {
            parts.Add($"name '{Name}'");
        }

        if (Order is not null)
        {
            parts.Add($"order {Order}");
        }

        if (Color is not null)
        {
            parts.Add($"color {Color}");
        }

        return string.Join(", ", parts);
    }
}
