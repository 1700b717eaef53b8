using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// The Outreach calls StageMap makes: list the stages (every page), create, update and delete one,
/// and count the prospects a stage holds. The stage list is read by <see cref="OutreachStageReader"/>,
/// as an API v2 file would be.
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

    /// <summary>GET /stages, following links.next to the end; the pages are read as one API v2 list.</summary>
    public async Task<OutreachStageFile> ListStagesAsync(CancellationToken cancellation)
    {
        const string Activity = "Reading the stages from Outreach";
        var stages = new JArray();
        var request = LiveRequest.Get(_connection.ApiUri($"/stages?page%5Bsize%5D={PageSize}"));
        for (var page = 1; ; page++)
        {
            _http.Log.Progress(Activity, $"page {page} ({stages.Count} stages so far)");
            var body = await SendForObjectAsync(request, cancellation).ConfigureAwait(false);
            if (body["data"] is JArray data)
            {
                foreach (var stage in data)
                {
                    stages.Add(stage);
                }
            }

            if (body["links"] is not JObject links || links["next"] is not { Type: JTokenType.String } next || ((string?)next)!.Length == 0)
            {
                break;
            }

            if (!Uri.TryCreate(_connection.BaseUri, (string)next!, out var nextUri) || !LiveUri.SameOrigin(nextUri, _connection.BaseUri))
            {
                throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), $"links.next '{next}' does not point at {_connection.BaseUri.GetLeftPart(UriPartial.Authority)}, so the token is not sent there.");
            }

            request = LiveRequest.Get(nextUri);
        }

        _http.Log.ProgressCompleted(Activity);
        var whole = new JObject { ["data"] = stages };
        return OutreachStageReader.Read(Encodings.Utf8NoBom.GetBytes(whole.ToString(Newtonsoft.Json.Formatting.None)), $"{_connection.BaseUri.Host} stages");
    }

    /// <returns>The id Outreach gave the new stage.</returns>
    public async Task<int> CreateStageAsync(StageAttributes attributes, CancellationToken cancellation)
    {
        var request = CreateRequest(_connection, attributes);
        var body = await SendForObjectAsync(request, cancellation).ConfigureAwait(false);
        return body["data"] is JObject data && ParseId(data["id"]) is { } id
            ? id
            : throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), "it gives no data.id for the new stage.");
    }

    public async Task UpdateStageAsync(int id, StageAttributes attributes, CancellationToken cancellation) =>
        await _http.SendAsync(_service, UpdateRequest(_connection, id, attributes), cancellation).ConfigureAwait(false);

    public async Task DeleteStageAsync(int id, CancellationToken cancellation) =>
        await _http.SendAsync(_service, DeleteRequest(_connection, id), cancellation).ConfigureAwait(false);

    /// <summary>GET /prospects?filter[stage][id]=X: meta.count.</summary>
    public async Task<long> CountProspectsAsync(int stageId, CancellationToken cancellation)
    {
        var request = LiveRequest.Get(_connection.ApiUri($"/prospects?filter%5Bstage%5D%5Bid%5D={stageId}&page%5Bsize%5D=1"));
        var body = await SendForObjectAsync(request, cancellation).ConfigureAwait(false);
        return body["meta"] is JObject meta && meta["count"] is { Type: JTokenType.Integer } count
            ? (long)count
            : throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), "it gives no meta.count.");
    }

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

    private static int? ParseId(JToken? token) => token?.Type switch
    {
        JTokenType.Integer => (int)token,
        JTokenType.String when int.TryParse((string?)token, out var id) => id,
        _ => null,
    };
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
