using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// The configuration each PowerShell session (runspace) is working on: set by
/// New-/Import-StageMapConfiguration, used by every cmdlet not given -Configuration.
/// </summary>
internal static class CurrentConfiguration
{
    private static readonly ConditionalWeakTable<Runspace, Holder> BySession = new();

    public static StageMapConfiguration? Get() =>
        Runspace.DefaultRunspace is { } session && BySession.TryGetValue(session, out var holder) ? holder.Configuration : null;

    public static void Set(StageMapConfiguration configuration)
    {
        if (Runspace.DefaultRunspace is { } session)
        {
            BySession.GetOrCreateValue(session).Configuration = configuration;
        }
    }

    private sealed class Holder
    {
        public StageMapConfiguration? Configuration { get; set; }
    }
}
