using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StageMap.Engine.Undo;

namespace StageMap.Engine.Report;

/// <summary>
/// The report's undo section: the last snapshot a sync took of Outreach (when, what that sync changed,
/// the prospects saved) and where a restore stands, a pending one first of all.
/// </summary>
internal static class UndoSection
{
    /// <param name="snapshots">The configuration's snapshots, newest first; null when it has no snapshot folder (not saved in a file).</param>
    public static void Write(Html html, IReadOnlyList<StageSnapshotInfo>? snapshots)
    {
        html.Raw("<section id=\"undo\"><h2>Undo: the last snapshot of Outreach</h2>");
        if (snapshots is null || snapshots.Count == 0)
        {
            html.Element("p", snapshots is null
                ? "The configuration is not saved in a file, so it has no snapshot folder: a sync that writes to Outreach needs -SnapshotPath."
                : "No sync has written to Outreach from this configuration: there is no snapshot to restore from.", "class=\"note\" id=\"last-snapshot\"");
            html.Raw("</section>");
            return;
        }

        var last = snapshots[0];
        html.Raw("<table class=\"undo\" id=\"last-snapshot\"><tbody>");
        Row(html, "taken", last.TakenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture));
        Row(html, "file", last.Name);
        Row(html, "changes", last.Changes);
        Row(html, "prospects saved", last.ProspectsSaved.ToString("N0", CultureInfo.InvariantCulture));
        html.Raw("</tbody></table>");
        var (text, css) = State(last);
        html.Element("p", text, $"class=\"{css}\" id=\"restore-state\"");
        foreach (var older in snapshots.Skip(1).Where(s => s.Restore == RestoreState.Pending))
        {
            html.Element("p", $"The restore of an older snapshot is pending too ({older.Name}): {State(older).Text}", "class=\"near\"");
        }

        if (snapshots.Count > 1)
        {
            html.Element("p", $"{snapshots.Count} snapshots in all: Get-StageMapSnapshot lists them, newest first.", "class=\"note\"");
        }

        html.Raw("</section>");
    }

    /// <summary>True when a restore started and did not finish: the header says so.</summary>
    public static bool IsPending(IReadOnlyList<StageSnapshotInfo>? snapshots) => snapshots?.Any(s => s.Restore == RestoreState.Pending) == true;

    private static (string Text, string Css) State(StageSnapshotInfo snapshot)
    {
        var restore = $"Restore-OutreachStage -Snapshot '{snapshot.Path.Replace("'", "''")}'";
        var handled = snapshot.ProspectsMoved + snapshot.ProspectsLeft + snapshot.ProspectsGone;
        return snapshot.Restore switch
        {
            RestoreState.Pending => ($"A restore is pending: it stopped with {handled:N0} of {snapshot.ProspectsSaved:N0} saved prospects handled. Run {restore} again to finish it.", "near"),
            RestoreState.Restored => ($"Restored{(snapshot.RestoredAt is { } at ? " at " + at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "")}: {snapshot.ProspectsMoved:N0} prospects moved back, {snapshot.ProspectsLeft:N0} left where someone moved them, {snapshot.ProspectsGone:N0} gone.", "ok"),
            RestoreState.NothingToDo => ("That sync changed no stage Outreach had: there is nothing to restore.", "note"),
            _ => ($"Not restored: {restore} puts Outreach back as it was before that sync.", "note"),
        };
    }

    private static void Row(Html html, string name, string value) => html.Raw("<tr>").Element("th", name).Element("td", value).Raw("</tr>");
}
