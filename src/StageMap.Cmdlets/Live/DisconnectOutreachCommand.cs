using System.Management.Automation;
using StageMap.Engine.Live.Outreach;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Outreach: forgets an Outreach connection's tokens and client secret (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Outreach")]
[OutputType(typeof(OutreachConnection))]
public sealed class DisconnectOutreachCommand : DisconnectCommand<OutreachConnection>
{
    protected override string SystemName => "Outreach";

    protected override OutreachConnection? Current
    {
        get => LiveSessions.Outreach;
        set => LiveSessions.Outreach = value;
    }

    protected override void Close(OutreachConnection connection) => connection.Close();
}
