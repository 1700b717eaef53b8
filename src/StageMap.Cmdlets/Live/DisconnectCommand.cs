using System;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;

namespace StageMap.Cmdlets.Live;

/// <summary>Disconnect-Crm and Disconnect-Outreach: forget a connection's secrets (the session's current one by default).</summary>
/// <remarks>
/// Not generic over the connection type: Import-Module lists this assembly's public types, and a base type
/// naming an engine type would load the engine then, before the module's loader is in place (and for nothing).
/// </remarks>
public abstract class DisconnectCommand : StageMapCommand
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>Forgets <paramref name="given"/>, or else the session's current connection, which it then clears.</summary>
    private protected void Disconnect<TConnection>(string systemName, TConnection? given, Func<TConnection?> current, Action clearCurrent, Action<TConnection> close)
        where TConnection : class
    {
        var connection = given ?? current();
        if (connection is null)
        {
            WriteVerbose($"No {systemName} connection to forget.");
            return;
        }

        close(connection);
        if (ReferenceEquals(connection, current()))
        {
            clearCurrent();
        }

        WriteVerbose($"Disconnected from {systemName}: {connection}.");
        if (PassThru)
        {
            WriteObject(connection);
        }
    }
}
