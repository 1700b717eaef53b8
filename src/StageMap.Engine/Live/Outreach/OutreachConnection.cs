using System;
using System.Security;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// An Outreach instance: the base URI under which the API (/api/v2/…) and the token endpoint
/// (/oauth/token) live, and the tokens, which stay SecureStrings in memory and show nowhere. With a
/// client id, client secret and refresh token the access token is renewed when a call gets 401.
/// </summary>
public sealed class OutreachConnection
{
    public static readonly Uri DefaultBaseUri = new("https://api.outreach.io");

    private SecureString? _accessToken;
    private SecureString? _clientSecret;
    private SecureString? _refreshToken;
    private bool _closed;

    private OutreachConnection(Uri baseUri, SecureString? accessToken, string? clientId, SecureString? clientSecret, SecureString? refreshToken)
    {
        BaseUri = LiveUri.RequireSecure(baseUri, "BaseUri");
        _accessToken = accessToken;
        ClientId = clientId;
        _clientSecret = clientSecret;
        _refreshToken = refreshToken;
    }

    public Uri BaseUri { get; }

    /// <summary>The OAuth application's client id, when the connection can renew its token.</summary>
    public string? ClientId { get; }

    /// <summary>Whom the token belongs to, as far as StageMap knows: the OAuth client, or "(token)".</summary>
    public string User => ClientId is null ? "(token)" : $"client {ClientId}";

    /// <summary>True when a refused token can be renewed at the token endpoint.</summary>
    public bool CanRefresh => ClientId is not null && _clientSecret is not null && _refreshToken is not null;

    public bool IsConnected => !_closed;

    /// <summary>When the current access token expires, as the token endpoint said; null for a token in hand.</summary>
    public DateTimeOffset? TokenExpires { get; private set; }

    public Uri TokenUri => LiveUri.Combine(BaseUri, "/oauth/token");

    public Uri ApiUri(string pathAndQuery) => LiveUri.Combine(BaseUri, "/api/v2" + pathAndQuery);

    internal SecureString? AccessToken => !_closed ? _accessToken : throw Failures.ConnectionClosed("Outreach", this);

    internal SecureString ClientSecret => _clientSecret ?? throw new InvalidOperationException("The Outreach connection has no client secret: check CanRefresh first.");

    /// <summary>Every secret the connection holds now, for the scrubber; none once closed.</summary>
    internal System.Collections.Generic.IEnumerable<SecureString?> Secrets => new[] { _accessToken, _refreshToken, _clientSecret };

    internal SecureString RefreshToken => _refreshToken ?? throw new InvalidOperationException("The Outreach connection has no refresh token: check CanRefresh first.");

    /// <exception cref="StageMapException">InsecureBaseUri.</exception>
    public static OutreachConnection FromToken(Uri? baseUri, SecureString accessToken) =>
        new(baseUri ?? DefaultBaseUri, accessToken.Copy(), null, null, null);

    /// <summary>The connection to use: <paramref name="connection"/>, which must be open.</summary>
    /// <exception cref="StageMapException">NoOutreachConnection when there is none or it was disconnected.</exception>
    public static OutreachConnection Require(OutreachConnection? connection)
    {
        var given = connection ?? throw Failures.NoOutreachConnection();
        return given.IsConnected ? given : throw Failures.ConnectionClosed("Outreach", given);
    }

    /// <summary>A connection that renews its token; <paramref name="accessToken"/> may be null (the first call gets one).</summary>
    public static OutreachConnection WithRefresh(Uri? baseUri, string clientId, SecureString clientSecret, SecureString refreshToken, SecureString? accessToken) =>
        new(baseUri ?? DefaultBaseUri, accessToken?.Copy(), clientId, clientSecret.Copy(), refreshToken.Copy());

    internal void ReplaceTokens(SecureString accessToken, SecureString? refreshToken, DateTimeOffset? expires)
    {
        var (oldAccess, oldRefresh) = (_accessToken, _refreshToken);
        _accessToken = accessToken;
        if (refreshToken is not null)
        {
            _refreshToken = refreshToken;
            oldRefresh?.Dispose();
        }

        TokenExpires = expires;
        oldAccess?.Dispose();
    }

    /// <summary>Forgets every secret; the connection cannot be used again.</summary>
    public void Close()
    {
        _closed = true;
        foreach (var secret in new[] { _accessToken, _clientSecret, _refreshToken })
        {
            secret?.Dispose();
        }

        (_accessToken, _clientSecret, _refreshToken) = (null, null, null);
    }

    public override string ToString() => $"{User} at {BaseUri.GetLeftPart(UriPartial.Authority)}";
}
