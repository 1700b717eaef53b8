using System;
using System.Management.Automation;
using System.Security;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Connect-Crm: a Salesforce connection from the Salesforce CLI (-TargetOrg) or from a token in hand
/// (-InstanceUrl, -AccessToken). It becomes the session's current one and is written to the pipeline.
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
        try
        {
            var connection = ParameterSetName == TokenSet
                ? CrmConnection.FromToken(InstanceUrl!, AccessToken!, ApiVersion)
                : _live.Run((http, cancellation) => new SalesforceCli().ConnectAsync(TargetOrg, ApiVersion, http.Log, cancellation));
            LiveSessions.Crm = connection;
            WriteVerbose($"Connected to Salesforce: {connection}, REST API v{connection.ApiVersion}.");
            WriteObject(connection);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
    }

    protected override void StopProcessing() => _live.Stop();
}
