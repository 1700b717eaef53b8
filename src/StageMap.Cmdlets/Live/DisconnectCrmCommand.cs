using System.Management.Automation;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Crm: forgets a Salesforce connection's token (the session's current one by default).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Crm")]
[OutputType(typeof(CrmConnection))]
public sealed class DisconnectCrmCommand : DisconnectCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public CrmConnection? Connection { get; set; }

    protected override void ProcessRecord() =>
        Disconnect("Salesforce", Connection, () => LiveSessions.Crm, () => LiveSessions.Crm = null, c => c.Close());
}
