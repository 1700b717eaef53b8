using System;
using System.Text.RegularExpressions;
using StageMap.Engine.Model;
using StageMap.Engine.Report;
using StageMap.Engine.Undo;
using Xunit;

namespace StageMap.Engine.Tests.Report;

/// <summary>Export-StageMapReport shows the last snapshot of Outreach and whether a restore is pending.</summary>
public class UndoReportTests
{
    private static readonly DateTimeOffset Generated = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Taken = new(2026, 12, 1, 8, 30, 5, TimeSpan.Zero);

    private static StageSnapshotInfo Snapshot(Action<RestoreProgress>? restore = null, DateTimeOffset? takenAt = null)
    {
        var change = new SnapshotChange(SnapshotChangeKind.Delete, 4, null, new[] { 1001, 1002, 1003 }) { Result = SnapshotChangeResult.Done };
        if (restore is not null)
        {
            change.Restore = new RestoreProgress { NewId = 101 };
            restore(change.Restore);
        }

        var taken = takenAt ?? Taken;
        return StageSnapshotInfo.Of(new StageSnapshot($"/home/admin/live-mapping.snapshots/{taken:yyyy-MM-dd'T'HHmmss}.000Z.json", taken, new Uri("https://api.outreach.io"), null,
            new[] { new SnapshotStage(4, "Unresponsive", 4, null) }, new[] { change }));
    }

    private static string Render(params StageSnapshotInfo[] snapshots) => StageMapReport.Render(StageMapConfiguration.CreateDefault(), null, Generated, snapshots);

    private static string RestoreState(string page) => Regex.Match(page, "<p class=\"([a-z]+)\" id=\"restore-state\">([^<]*)</p>").Groups[1].Value + ": " + Regex.Match(page, "<p class=\"[a-z]+\" id=\"restore-state\">([^<]*)</p>").Groups[1].Value;

    [Fact]
    public void The_last_snapshot_shows_when_what_the_sync_changed_and_how_to_restore_it()
    {
        var page = Render(Snapshot(), Snapshot(takenAt: Taken.AddDays(-1)));

        Assert.Contains("<section id=\"undo\">", page);
        Assert.Contains("<tr><th>taken</th><td>2026-12-01 08:30:05 UTC</td></tr>", page);
        Assert.Contains("<tr><th>changes</th><td>deleted &#39;Unresponsive&#39;</td></tr><tr><th>prospects saved</th><td>3</td></tr>", page);
        Assert.Equal("note: Not restored: Restore-OutreachStage -Snapshot &#39;/home/admin/live-mapping.snapshots/2026-12-01T083005.000Z.json&#39; puts Outreach back as it was before that sync.", RestoreState(page));
        Assert.Contains("2 snapshots in all", page);
        Assert.DoesNotContain("restore pending", page);
    }

    [Fact]
    public void A_pending_restore_is_said_in_the_section_and_in_the_header()
    {
        var page = Render(Snapshot(r => r.Moved.Add(1001)));

        Assert.StartsWith("near: A restore is pending: it stopped with 1 of 3 saved prospects handled. Run Restore-OutreachStage", RestoreState(page), StringComparison.Ordinal);
        Assert.Contains("<span>restore pending (see Undo)</span>", page);
    }

    [Fact]
    public void A_finished_restore_says_what_it_did_and_an_older_pending_one_is_still_named()
    {
        var page = Render(Snapshot(r => { r.Moved.AddRange(new[] { 1001, 1003 }); r.Left.Add(1002); r.Done = true; }), Snapshot(r => r.Gone.Add(1001), Taken.AddDays(-1)));

        Assert.Equal("ok: Restored: 2 prospects moved back, 1 left where someone moved them, 0 gone.", RestoreState(page));
        Assert.Contains("The restore of an older snapshot is pending too (2026-11-30T083005.000Z.json)", page);
        Assert.Contains("restore pending (see Undo)", page);
    }

    [Fact]
    public void Without_a_snapshot_or_a_file_the_section_says_why()
    {
        Assert.Contains("No sync has written to Outreach from this configuration", Render());
        Assert.Contains("The configuration is not saved in a file, so it has no snapshot folder", StageMapReport.Render(StageMapConfiguration.CreateDefault(), null, Generated));
    }
}
