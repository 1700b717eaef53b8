using System.Management.Automation;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Crm: forgets a Salesforce connection's token (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Crm")]
[OutputType(typeof(CrmConnection))]
public sealed class DisconnectCrmCommand : DisconnectCommand<CrmConnection>
{
    protected override string SystemName => "Salesforce";

    protected override CrmConnection? Current
    {
        get => LiveSessions.Crm;
        set => LiveSessions.Crm = value;
    }

    protected override void Close(CrmConnection connection) => connection.Close();
}
