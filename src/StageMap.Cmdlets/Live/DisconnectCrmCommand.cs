using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Crm: forgets a Salesforce connection's token (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Crm")]
[OutputType(typeof(CrmConnection))]
public sealed class DisconnectCrmCommand : StageMapCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public CrmConnection? Connection { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var connection = Connection ?? LiveSessions.Crm;
        if (connection is null)
        {
            WriteVerbose("No Salesforce connection to forget.");
            return;
        }

        connection.Close();
        if (ReferenceEquals(connection, LiveSessions.Crm))
        {
            LiveSessions.Crm = null;
        }

        WriteVerbose($"Disconnected from Salesforce: {connection}.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
