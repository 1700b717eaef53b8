using System;
using System.Management.Automation;
using System.Security;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Connect-Outreach: an Outreach connection from a token in hand, or from an OAuth client's id, secret
/// and refresh token (renewed when a call gets 401), checked at once with the cheapest stage read. It
/// then becomes the session's current one; a refusal leaves the session's connection as it was.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Outreach", DefaultParameterSetName = TokenSet)]
[OutputType(typeof(OutreachConnection))]
public sealed class ConnectOutreachCommand : StageMapCommand
{
    private const string TokenSet = "AccessToken";
    private const string RefreshSet = "RefreshToken";

    private readonly LiveCall _live;

    public ConnectOutreachCommand()
    {
        _live = new LiveCall(this);
    }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = TokenSet)]
    [Parameter(ParameterSetName = RefreshSet)]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RefreshSet)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = RefreshSet)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = RefreshSet)]
    [ValidateNotNull]
    public SecureString? RefreshToken { get; set; }

    /// <summary>Where the API and the token endpoint live; https://api.outreach.io by default.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? BaseUri { get; set; }

    protected override void EndProcessing()
    {
        OutreachConnection? connection = null;
        try
        {
            // Mandatory in their parameter set: ClientSecret and RefreshToken in the refresh set, AccessToken in the token set.
            connection = ParameterSetName == RefreshSet
                ? OutreachConnection.WithRefresh(BaseUri, ClientId, ClientSecret!, RefreshToken!, AccessToken)
                : OutreachConnection.FromToken(BaseUri, AccessToken!);
            var checking = connection;
            _live.Run(async (http, cancellation) =>
            {
                var client = new OutreachClient(http, checking);
                if (ParameterSetName == RefreshSet && AccessToken is null)
                {
                    await client.RenewTokenAsync(cancellation).ConfigureAwait(false);
                }

                await client.CheckTokenAsync(cancellation).ConfigureAwait(false);
            });

            LiveSessions.Outreach = connection;
            WriteVerbose($"Connected to Outreach: {connection}.");
            WriteObject(connection);
        }
        catch (StageMapException failure)
        {
            connection?.Close();
            ThrowFailure(ConnectFailure.KeepingCurrent(failure, "Outreach", LiveSessions.Outreach));
        }
    }

    protected override void StopProcessing() => _live.Stop();
}
