using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Crm and Disconnect-Outreach: forget a connection's secrets (the session's current one by default).</summary>
public abstract class DisconnectCommand<TConnection> : StageMapCommand
    where TConnection : class
{
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TConnection? Connection { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>"Salesforce" or "Outreach".</summary>
    protected abstract string SystemName { get; }

    /// <summary>The session's current connection of this kind.</summary>
    protected abstract TConnection? Current { get; set; }

    protected abstract void Close(TConnection connection);

    protected override void ProcessRecord()
    {
        var connection = Connection ?? Current;
        if (connection is null)
        {
            WriteVerbose($"No {SystemName} connection to forget.");
            return;
        }

        Close(connection);
        if (ReferenceEquals(connection, Current))
        {
            Current = null;
        }

        WriteVerbose($"Disconnected from {SystemName}: {connection}.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
