using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// Outreach API v2 (JSON:API): bodies and Accept are application/vnd.api+json; errors are
/// {"errors":[{"id","title","detail"}]}. A refused token is renewed once at {BaseUri}/oauth/token
/// (grant_type=refresh_token) when the connection has the client's credentials.
/// </summary>
internal sealed class OutreachService : LiveService
{
    public const string JsonApi = "application/vnd.api+json";

    private readonly OutreachConnection _connection;
    private bool _refreshed;

    public OutreachService(OutreachConnection connection)
    {
        _connection = connection;
    }

    public override string SystemName => "Outreach";

    public override string MediaType => JsonApi;

    internal override void Authorize(HttpRequestMessage request)
    {
        if (_connection.AccessToken is { } token)
        {
            request.Headers.Authorization = SecureText.Bearer(token);
        }
    }

    /// <summary>Gets a new access token (and the refresh token that replaces the used one).</summary>
    /// <exception cref="StageMapException">OutreachAuthenticationFailed when the token endpoint refuses.</exception>
    internal override async Task<bool> RefreshAsync(LiveHttpClient client, CancellationToken cancellation)
    {
        if (!_connection.CanRefresh)
        {
            return false;
        }

        var request = LiveRequest.Token(_connection.TokenUri, () => new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _connection.ClientId!,
            ["client_secret"] = SecureText.Reveal(_connection.ClientSecret),
            ["refresh_token"] = SecureText.Reveal(_connection.RefreshToken),
        }));
        var response = await client.SendAsync(this, request, cancellation).ConfigureAwait(false);
        JObject answer;
        try
        {
            answer = LiveJson.Parse(response.Text) as JObject ?? new JObject();
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            throw Failures.LiveAnswerUnreadable(SystemName, request.ToString(), StrictJson.Describe(e));
        }

        if (answer["access_token"] is not { Type: JTokenType.String } access)
        {
            throw Failures.LiveAnswerUnreadable(SystemName, request.ToString(), "it has no access_token.");
        }

        var refresh = answer["refresh_token"] is { Type: JTokenType.String } r ? SecureText.Protect((string)r!) : null;
        var expires = answer["expires_in"] is { Type: JTokenType.Integer } seconds ? DateTimeOffset.UtcNow.AddSeconds((long)seconds) : (DateTimeOffset?)null;
        _connection.ReplaceTokens(SecureText.Protect((string)access!), refresh, expires);
        _refreshed = true;
        client.Log.Verbose("Outreach gave a new access token.");
        return true;
    }

    internal override StageMapException Failure(LiveRequest request, LiveResponse response)
    {
        var call = request.ToString();
        var errors = Errors(response);
        var details = errors.Select(e => e.Detail ?? e.Title ?? e.Id).Where(d => !string.IsNullOrEmpty(d)).Select(d => d!).ToList();
        var message = details.Count > 0 ? string.Join(" ", details) : (request.Authorize ? "" : OAuthError(response));
        if (!request.Authorize && response.Status is 400 or 401)
        {
            return Failures.OutreachAuthenticationFailed(call, message.Length > 0 ? message : response.StatusText, refreshed: false);
        }

        return response.Status switch
        {
            401 => Failures.OutreachAuthenticationFailed(call, message.Length > 0 ? message : response.StatusText, _refreshed || _connection.CanRefresh),
            403 when errors.Any(e => string.Equals(e.Id, "unauthorizedOauthScope", StringComparison.OrdinalIgnoreCase)) =>
                Failures.OutreachScopeMissing(call, Scope(request), message),
            422 => Failures.OutreachRequestRejected(call, details.Count > 0 ? details : new[] { response.StatusText }),
            _ => Failures.OutreachRequestFailed(call, response.StatusText, message),
        };
    }

    internal override StageMapException Unreachable(LiveRequest request, string why, Exception inner) =>
        Failures.LiveUnreachable(SystemName, request.ToString(), why, inner);

    /// <summary>The scope a call needs: its resource, then read for GET and write for the rest ("stages.write").</summary>
    internal static string Scope(LiveRequest request)
    {
        var segments = request.Uri.AbsolutePath.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "v2");
        var resource = at >= 0 && at + 1 < segments.Length ? segments[at + 1] : segments.LastOrDefault() ?? "";
        return $"{resource}.{(request.Writes ? "write" : "read")}";
    }

    private static List<(string? Id, string? Title, string? Detail)> Errors(LiveResponse response)
    {
        try
        {
            if (LiveJson.Parse(response.Text) is JObject body && body["errors"] is JArray errors)
            {
                return errors.OfType<JObject>().Select(e => ((string?)e["id"], (string?)e["title"], (string?)e["detail"])).ToList();
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Not JSON:API: the status says what happened.
        }

        return new List<(string?, string?, string?)>();
    }

    /// <summary>The token endpoint answers in OAuth's shape: {"error","error_description"}.</summary>
    private static string OAuthError(LiveResponse response)
    {
        try
        {
            if (LiveJson.Parse(response.Text) is JObject body)
            {
                return string.Join(": ", new[] { (string?)body["error"], (string?)body["error_description"] }.Where(s => !string.IsNullOrEmpty(s)));
            }
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // Not JSON.
        }

        return "";
    }
}
