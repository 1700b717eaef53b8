using System;
using System.Security;
using System.Text.RegularExpressions;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// A Salesforce org to read: its instance URL, the user, the REST API version, and the access token,
/// which stays a SecureString in memory and shows nowhere (ToString is the user and the instance).
/// </summary>
public sealed class CrmConnection
{
    /// <summary>
    /// 62.0 (Winter '25): a version every production org and sandbox serves, and the describes and the
    /// LeadStatus query StageMap makes read the same from it to the newest release.
    /// </summary>
    public const string DefaultApiVersion = "62.0";

    private static readonly Regex VersionPattern = new(@"^v?(?<version>\d{2,3}\.\d)$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
    private SecureString? _accessToken;

    internal CrmConnection(Uri instanceUrl, string? userName, string? orgId, string apiVersion, SecureString accessToken, string? targetOrg)
    {
        InstanceUrl = LiveUri.RequireSecure(instanceUrl, "InstanceUrl");
        UserName = userName;
        OrgId = orgId;
        ApiVersion = NormalizeVersion(apiVersion);
        TargetOrg = targetOrg;
        _accessToken = accessToken;
    }

    public Uri InstanceUrl { get; }

    /// <summary>The Salesforce user the token belongs to: userinfo's preferred_username once Connect-Crm checked the token (before that, what the CLI said).</summary>
    public string? UserName { get; private set; }

    public string? OrgId { get; }

    /// <summary>The REST API version, without the v: "62.0".</summary>
    public string ApiVersion { get; }

    /// <summary>The CLI alias or username the token came from; null for a token in hand.</summary>
    public string? TargetOrg { get; }

    public bool IsConnected => _accessToken is not null;

    /// <exception cref="StageMapException">NoCrmConnection once disconnected.</exception>
    internal SecureString AccessToken => _accessToken ?? throw Failures.ConnectionClosed("Salesforce", this);

    /// <summary>A token in hand, for an instance: the way without the Salesforce CLI.</summary>
    /// <exception cref="StageMapException">InsecureBaseUri, CrmRequestFailed (a malformed version).</exception>
    public static CrmConnection FromToken(Uri instanceUrl, SecureString accessToken, string? apiVersion) =>
        new(instanceUrl, null, null, apiVersion ?? DefaultApiVersion, accessToken.Copy(), null);

    /// <summary>The connection to use: <paramref name="connection"/>, which must be open.</summary>
    /// <exception cref="StageMapException">NoCrmConnection when there is none or it was disconnected.</exception>
    public static CrmConnection Require(CrmConnection? connection)
    {
        var given = connection ?? throw Failures.NoCrmConnection();
        return given.IsConnected ? given : throw Failures.ConnectionClosed("Salesforce", given);
    }

    /// <summary>The OpenID Connect userinfo endpoint of the instance: who the token belongs to.</summary>
    public Uri UserInfoUri => LiveUri.Combine(InstanceUrl, UserInfoPath);

    private const string UserInfoPath = "/services/oauth2/userinfo";

    internal static bool IsUserInfo(Uri uri) => uri.AbsolutePath.TrimEnd('/').EndsWith(UserInfoPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>Records whom the token belongs to, as the userinfo endpoint said.</summary>
    internal void Verified(string? userName)
    {
        if (!string.IsNullOrWhiteSpace(userName))
        {
            UserName = userName;
        }
    }

    /// <summary>"/services/data/v62.0" followed by <paramref name="path"/>, on the instance.</summary>
    public Uri DataUri(string path) => LiveUri.Combine(InstanceUrl, $"/services/data/v{ApiVersion}{path}");

    internal void ReplaceToken(SecureString token)
    {
        var old = _accessToken;
        _accessToken = token;
        old?.Dispose();
    }

    /// <summary>Forgets the token; the connection cannot be used again.</summary>
    public void Close()
    {
        _accessToken?.Dispose();
        _accessToken = null;
    }

    public override string ToString() => $"{UserName ?? "(token)"} at {InstanceUrl.GetLeftPart(UriPartial.Authority)}";

    internal static string NormalizeVersion(string version)
    {
        var match = VersionPattern.Match(version.Trim());
        return match.Success ? match.Groups["version"].Value : throw Failures.InvalidApiVersion(version);
    }
}
