using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// StageMap's views (StageMap.Format.ps1xml, beside this assembly) are loaded into a session when a StageMap
/// command first runs there, not by Import-Module. Loading format data of any module rebuilds the session's
/// whole format table, PowerShell's own views included; at import that was a third of what Import-Module
/// StageMap cost. Every StageMap object comes out of a StageMap command, which loads the views before it
/// writes anything, so what an admin sees is the same.
/// </summary>
/// <remarks>
/// Loaded with Update-FormatData -AppendPath, where Import-Module would have put it: a view a user prepended
/// still comes first. The session's list of format files says whether it is there, so a second runspace
/// loads it for itself, and a Remove-Module and new import does not load it twice.
/// </remarks>
internal static class ModuleViews
{
    private static readonly string FormatFile = Path.Combine(
        Path.GetDirectoryName(typeof(ModuleViews).Assembly.Location) ?? "", "StageMap.Format.ps1xml");

    public static void EnsureLoaded(Cmdlet command)
    {
        var session = Runspace.DefaultRunspace?.InitialSessionState;
        if (session is null || IsLoaded(session) || !File.Exists(FormatFile))
        {
            return;
        }

        try
        {
            using var load = PowerShell.Create(RunspaceMode.CurrentRunspace);
            load.AddCommand(@"Microsoft.PowerShell.Utility\Update-FormatData").AddParameter("AppendPath", FormatFile).Invoke();
            foreach (var error in load.Streams.Error)
            {
                WarnNotLoaded(command, error.ToString());
            }
        }
        catch (RuntimeException e)
        {
            WarnNotLoaded(command, e.Message);
        }
    }

    private static void WarnNotLoaded(Cmdlet command, string why) =>
        command.WriteWarning($"StageMap's views could not be loaded ({why}); its objects are shown in PowerShell's default layout.");

    private static bool IsLoaded(InitialSessionState session)
    {
        foreach (var entry in session.Formats)
        {
            if (string.Equals(entry.FileName, FormatFile, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
