using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Live.Outreach;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Outreach: forgets an Outreach connection's token (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Outreach")]
[OutputType(typeof(OutreachConnection))]
public sealed class DisconnectOutreachCommand : StageMapCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public OutreachConnection? Connection { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var connection = Connection ?? LiveSessions.Outreach;
        if (connection is null)
        {
            WriteVerbose("No Outreach connection to forget.");
            return;
        }

        connection.Close();
        if (ReferenceEquals(connection, LiveSessions.Outreach))
        {
            LiveSessions.Outreach = null;
        }

        WriteVerbose($"Disconnected from Outreach: {connection}.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
