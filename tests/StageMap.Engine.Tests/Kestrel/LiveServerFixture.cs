using System.Collections.Generic;
using System.Security;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Live.Salesforce;
using StageMap.Engine.Tests.Support;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

/// <summary>The loopback servers, started once for the Live tests, which run one at a time and reset them first.</summary>
public sealed class LiveServerFixture : IAsyncLifetime
{
    public LoopbackSystems Servers { get; private set; } = null!;

    public SalesforceServer Salesforce => Servers.Salesforce;

    public OutreachServer Outreach => Servers.Outreach;

    public async Task InitializeAsync() => Servers = await LoopbackSystems.StartAsync(Fixtures.Directory);

    public async Task DisposeAsync() => await Servers.DisposeAsync();

    public void Reset()
    {
        Salesforce.Reset();
        Outreach.Reset();
    }

    public static SecureString Secure(string text) => SecureText.Protect(text);

    /// <summary>Every secret the loopback servers hand out: none may appear in any text a test sees.</summary>
    public static readonly string[] AllSecrets =
    {
        SalesforceServer.AccessToken, OutreachServer.FirstAccessToken, OutreachServer.ClientSecret, OutreachServer.FirstRefreshToken, "or-access-2", "or-refresh-2",
    };

    public OutreachConnection OutreachWithToken(string? token = null) => OutreachConnection.FromToken(Outreach.BaseUri, Secure(token ?? OutreachServer.FirstAccessToken));

    public OutreachConnection OutreachWithRefresh(string? clientSecret = null) => OutreachConnection.WithRefresh(
        Outreach.BaseUri, OutreachServer.ClientId, Secure(clientSecret ?? OutreachServer.ClientSecret), Secure(OutreachServer.FirstRefreshToken), Secure(OutreachServer.FirstAccessToken));

    public CrmConnection Crm(string? token = null) => CrmConnection.FromToken(Salesforce.BaseUri, Secure(token ?? SalesforceServer.AccessToken), null);
}

[CollectionDefinition(Name)]
public sealed class LiveCollection : ICollectionFixture<LiveServerFixture>
{
    public const string Name = "Live servers";
}

/// <summary>What a live call wrote to Verbose and Progress.</summary>
public sealed class RecordingLog : ILiveLog
{
    public List<string> Lines { get; } = new();

    public void Verbose(string message)
    {
        lock (Lines)
        {
            Lines.Add(message);
        }
    }

    public void Progress(string activity, string status, int percentComplete = -1) => Verbose($"progress: {activity}: {status}");

    public void ProgressCompleted(string activity) => Verbose($"progress done: {activity}");
}
