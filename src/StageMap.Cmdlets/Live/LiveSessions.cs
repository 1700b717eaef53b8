using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Live.Salesforce;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// The connections each PowerShell session (runspace) uses when a live cmdlet is not given
/// -Connection: set by Connect-Crm and Connect-Outreach, cleared by Disconnect-. Runspaces of
/// ForEach-Object -Parallel start without them, so they pass -Connection.
/// </summary>
internal static class LiveSessions
{
    private static readonly ConditionalWeakTable<Runspace, Holder> BySession = new();

    public static CrmConnection? Crm
    {
        get => Current?.Crm;
        set => Set(h => h.Crm = value);
    }

    public static OutreachConnection? Outreach
    {
        get => Current?.Outreach;
        set => Set(h => h.Outreach = value);
    }

    public static CrmConnection RequireCrm(CrmConnection? given) => CrmConnection.Require(given ?? Crm);

    public static OutreachConnection RequireOutreach(OutreachConnection? given) => OutreachConnection.Require(given ?? Outreach);

    private static Holder? Current => Runspace.DefaultRunspace is { } session && BySession.TryGetValue(session, out var holder) ? holder : null;

    private static void Set(System.Action<Holder> change)
    {
        if (Runspace.DefaultRunspace is { } session)
        {
            change(BySession.GetOrCreateValue(session));
        }
    }

    private sealed class Holder
    {
        public CrmConnection? Crm { get; set; }

        public OutreachConnection? Outreach { get; set; }
    }
}
