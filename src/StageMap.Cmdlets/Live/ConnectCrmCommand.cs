using System;
using System.Management.Automation;
using System.Security;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Connect-Crm: a Salesforce connection from the Salesforce CLI (-TargetOrg) or from a token in hand
/// (-InstanceUrl, -AccessToken), checked at once on the org's userinfo endpoint (which names the user).
/// It then becomes the session's current one and is written to the pipeline; a refusal leaves the
/// session's connection as it was.
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Crm", DefaultParameterSetName = CliSet)]
[OutputType(typeof(CrmConnection))]
public sealed class ConnectCrmCommand : StageMapCommand
{
    private const string CliSet = "TargetOrg";
    private const string TokenSet = "AccessToken";

    private readonly LiveCall _live;

    public ConnectCrmCommand()
    {
        _live = new LiveCall(this);
    }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = CliSet)]
    [ArgumentCompleter(typeof(TargetOrgCompleter))]
    [ValidateNotNullOrEmpty]
    public string TargetOrg { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [ValidateNotNull]
    public Uri? InstanceUrl { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = TokenSet)]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>The REST API version, for example 62.0 (the default).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ApiVersion { get; set; }

    protected override void EndProcessing()
    {
        CrmConnection? connection = null;
        try
        {
            connection = _live.Run(async (http, cancellation) =>
            {
                // InstanceUrl and AccessToken are mandatory in the token parameter set.
                var made = ParameterSetName == TokenSet
                    ? CrmConnection.FromToken(InstanceUrl!, AccessToken!, ApiVersion)
                    : await new SalesforceCli().ConnectAsync(TargetOrg, ApiVersion, http, cancellation).ConfigureAwait(false);
                connection = made;
                await new CrmOrgReader(http, made).CheckTokenAsync(cancellation).ConfigureAwait(false);
                return made;
            });
            LiveSessions.Crm = connection;
            WriteVerbose($"Connected to Salesforce: {connection}, REST API v{connection.ApiVersion}.");
            WriteObject(connection);
        }
        catch (StageMapException failure)
        {
            connection?.Close();
            ThrowFailure(ConnectFailure.KeepingCurrent(failure, "Salesforce", LiveSessions.Crm));
        }
    }

    protected override void StopProcessing() => _live.Stop();
}
