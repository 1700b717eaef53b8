using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// Salesforce REST: a bearer token; errors are a list of {errorCode, message}. A token from the
/// Salesforce CLI is fetched again once after a 401 (the CLI renews it); a token in hand cannot be.
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

    internal override void Authorize(HttpRequestMessage request) => request.Headers.Authorization = SecureText.Bearer(_connection.AccessToken);

    internal override async Task<bool> RefreshAsync(LiveHttpClient client, CancellationToken cancellation)
    {
        if (_connection.TargetOrg is null || _cli is null)
        {
            return false;
        }

        var token = await _cli.GetAccessTokenAsync(_connection.TargetOrg, client.Log, cancellation).ConfigureAwait(false);
        _connection.ReplaceToken(token);
        return true;
    }

    internal override StageMapException Failure(LiveRequest request, LiveResponse response)
    {
        var message = ApiMessage(response);
        return response.Status == 401
            ? Failures.CrmAuthenticationFailed(request.ToString(), message)
            : Failures.CrmRequestFailed(request.ToString(), response.StatusText, message);
    }

    internal override StageMapException Unreachable(LiveRequest request, string why, Exception inner) =>
        Failures.LiveUnreachable(SystemName, request.ToString(), why, inner);

    /// <summary>"ERROR_CODE: message" for each entry of Salesforce's error list; the status when the body is not one.</summary>
    private static string ApiMessage(LiveResponse response)
    {
        try
        {
            var errors = LiveJson.Parse(response.Text) switch
            {
                JArray list => list.OfType<JObject>(),
                JObject one => new[] { one },
                _ => Enumerable.Empty<JObject>(),
            };
            var messages = errors
                .Select(e => $"{(string?)e["errorCode"]}: {(string?)e["message"]}".Trim(' ', ':'))
                .Where(m => m.Length > 0)
                .ToList();
            return messages.Count > 0 ? string.Join(" ", messages) : response.StatusText;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return response.StatusText;
        }
    }
}
