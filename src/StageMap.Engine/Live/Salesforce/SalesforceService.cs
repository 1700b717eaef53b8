using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// Salesforce REST: a bearer token; errors are a list of {errorCode, message}. A token from the
/// Salesforce CLI is fetched again once after a refusal (the CLI renews it); a token in hand cannot be.
/// The userinfo endpoint refuses a bad token with 403 (Bad_OAuth_Token) rather than 401.
/// </summary>
internal sealed class SalesforceService : LiveService
{
    private readonly CrmConnection _connection;
    private readonly SalesforceCli? _cli;

    public SalesforceService(CrmConnection connection, SalesforceCli? cli = null)
    {
        _connection = connection;
        _cli = cli;
    }

    public override string SystemName => "Salesforce";

    public override string MediaType => "application/json";

    internal override IEnumerable<SecureString?> Secrets => new[] { _connection.IsConnected ? _connection.AccessToken : null };

    internal override void Authorize(HttpRequestMessage request) => request.Headers.Authorization = SecureText.Bearer(_connection.AccessToken);

    internal override bool RefusesToken(LiveRequest request, LiveResponse response) =>
        response.Status == 401 || (response.Status == 403 && CrmConnection.IsUserInfo(request.Uri));

    internal override async Task<bool> RefreshAsync(LiveHttpClient client, CancellationToken cancellation)
    {
        if (_connection.TargetOrg is null || _cli is null)
        {
            return false;
        }

        var token = await _cli.GetAccessTokenAsync(_connection.TargetOrg, client, cancellation).ConfigureAwait(false);
        _connection.ReplaceToken(token);
        return true;
    }

    internal override StageMapException Failure(LiveRequest request, LiveResponse response, bool renewed)
    {
        var message = ApiMessage(response);
        return RefusesToken(request, response)
            ? Failures.CrmAuthenticationFailed(request.ToString(), message, renewed ? _connection.TargetOrg : null)
            : Failures.CrmRequestFailed(request.ToString(), response.StatusText, message);
    }

    internal override StageMapException Unreachable(LiveRequest request, string why, Exception inner) =>
        Failures.LiveUnreachable(SystemName, request.ToString(), why, inner);

    /// <summary>
    /// "ERROR_CODE: message" for each entry of Salesforce's error list (each read for its words,
    /// whatever its JSON type); a short plain-text body as it is; else the status.
    /// </summary>
    private static string ApiMessage(LiveResponse response)
    {
        var errors = LiveJson.TryParse(response.Body) switch
        {
            JArray list => list.OfType<JObject>(),
            JObject one => new[] { one },
            _ => Enumerable.Empty<JObject>(),
        };
        var messages = errors
            .Select(e => string.Join(": ", new[] { LiveJson.Words(e["errorCode"]), LiveJson.Words(e["message"]) }.Where(w => w is not null)))
            .Where(m => m.Length > 0)
            .ToList();
        return messages.Count > 0 ? string.Join(". ", messages.Select(m => m.TrimEnd('.'))) : response.PlainText ?? response.StatusText;
    }
}
