using System.Management.Automation;
using StageMap.Engine.Live.Outreach;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Outreach: forgets an Outreach connection's tokens and client secret (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Outreach")]
[OutputType(typeof(OutreachConnection))]
public sealed class DisconnectOutreachCommand : DisconnectCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public OutreachConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        Disconnect("Outreach", Connection, () => LiveSessions.Outreach, () => LiveSessions.Outreach = null, c => c.Close());
}
