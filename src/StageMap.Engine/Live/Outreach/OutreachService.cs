using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// Outreach API v2 (JSON:API): bodies and Accept are application/vnd.api+json; errors are
/// {"errors":[{"id","title","detail"}]}. A refused token is renewed once at {BaseUri}/oauth/token
/// (grant_type=refresh_token) when the connection has the client's credentials; the answer's new
/// refresh token replaces the used one.
/// </summary>
internal sealed class OutreachService : LiveService
{
    private static readonly char[] PathSeparator = { '/' };

    public const string JsonApi = "application/vnd.api+json";

    private readonly OutreachConnection _connection;

    public OutreachService(OutreachConnection connection)
    {
        _connection = connection;
    }

    public override string SystemName => "Outreach";

    public override string MediaType => JsonApi;

    internal override IEnumerable<SecureString?> Secrets => _connection.Secrets;

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

        var request = LiveRequest.Token(_connection.TokenUri, () => new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = _connection.ClientId ?? throw new InvalidOperationException("The Outreach connection has no client id: check CanRefresh first."),
            ["client_secret"] = SecureText.Reveal(_connection.ClientSecret),
            ["refresh_token"] = SecureText.Reveal(_connection.RefreshToken),
        }));
        var answer = await client.SendForObjectAsync(this, request, cancellation).ConfigureAwait(false);
        if (LiveJson.Text(answer["access_token"]) is not { Length: > 0 } access)
        {
            throw Failures.LiveAnswerUnreadable(SystemName, request.ToString(), "it has no access_token");
        }

        var refresh = LiveJson.Text(answer["refresh_token"]) is { Length: > 0 } r ? SecureText.Protect(r) : null;
        var expires = LiveJson.TryGetCount(answer["expires_in"], out var seconds) && seconds <= TimeSpan.FromDays(3650).TotalSeconds
            ? DateTimeOffset.UtcNow.AddSeconds(seconds)
            : (DateTimeOffset?)null;
        _connection.ReplaceTokens(SecureText.Protect(access), refresh, expires);
        client.Secrets.Learn(_connection.Secrets);
        client.Log.Verbose(refresh is null ? "Outreach gave a new access token." : "Outreach gave a new access token and a new refresh token, which replaces the used one.");
        return true;
    }

    internal override StageMapException Failure(LiveRequest request, LiveResponse response, bool renewed)
    {
        var call = request.ToString();
        var errors = Errors(response);
        var words = errors.Select(e => e.Detail ?? e.Title ?? e.Id).OfType<string>().ToList();
        if (!request.Authorize)
        {
            // The token endpoint answers in OAuth's shape: {"error","error_description"}.
            var oauth = OAuthError(response) ?? response.PlainText ?? response.StatusText;
            return response.Status is 400 or 401
                ? Failures.OutreachRefreshRefused(call, oauth, _connection.ClientId ?? "")
                : Failures.OutreachRequestFailed(call, response.StatusText, oauth);
        }

        var message = words.Count > 0 ? string.Join(". ", words.Select(w => w.TrimEnd('.'))) : response.PlainText ?? "";
        return response.Status switch
        {
            401 when renewed => Failures.OutreachRenewedTokenRefused(call, Or(message, response.StatusText), _connection.ClientId ?? ""),
            401 => Failures.OutreachTokenRefused(call, Or(message, response.StatusText)),
            403 when errors.Any(e => string.Equals(e.Id, "unauthorizedOauthScope", StringComparison.OrdinalIgnoreCase)) =>
                Failures.OutreachScopeMissing(call, Scope(request), message),
            422 => Failures.OutreachRequestRejected(call, words.Count > 0 ? words : new List<string> { response.StatusText }),
            _ => Failures.OutreachRequestFailed(call, response.StatusText, message),
        };
    }

    internal override StageMapException Unreachable(LiveRequest request, string why, Exception inner) =>
        Failures.LiveUnreachable(SystemName, request.ToString(), why, inner);

    /// <summary>The scope a call needs: its resource, then read for GET and write for the rest ("stages.write").</summary>
    internal static string Scope(LiveRequest request)
    {
        var segments = request.Uri.AbsolutePath.Split(PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "v2");
        var resource = at >= 0 && at + 1 < segments.Length ? segments[at + 1] : segments.LastOrDefault() ?? "";
        return $"{resource}.{(request.Writes ? "write" : "read")}";
    }

    private static string Or(string message, string fallback) => message.Length > 0 ? message : fallback;

    /// <summary>Each entry of errors[], its id, title and detail read for their words whatever their JSON type.</summary>
    private static List<(string? Id, string? Title, string? Detail)> Errors(LiveResponse response) =>
        LiveJson.TryParse(response.Body) is JObject { } body && body["errors"] is JArray errors
            ? errors.OfType<JObject>().Select(e => (LiveJson.Words(e["id"]), LiveJson.Words(e["title"]), LiveJson.Words(e["detail"] ?? e["details"]))).ToList()
            : new List<(string?, string?, string?)>();

    /// <summary>"invalid_grant: The provided authorization grant is invalid", or null when the body is not OAuth's error.</summary>
    private static string? OAuthError(LiveResponse response)
    {
        if (LiveJson.TryParse(response.Body) is not JObject body)
        {
            return null;
        }

        var text = string.Join(": ", new[] { LiveJson.Words(body["error"]), LiveJson.Words(body["error_description"]) }.Where(s => !string.IsNullOrEmpty(s)));
        return text.Length > 0 ? text : null;
    }
}
