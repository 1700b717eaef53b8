using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

/// <summary>Pass 3 of the join, run on a thread of its own beside pass 2 (<see cref="UnmatchedScan"/>).</summary>
public class UnmatchedScanTests
{
    private static StageMapConfiguration Configuration() =>
        Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Lead("Last Name", "LastName"));

    private static string Id(int n) => $"00Q5g{n:D10}";

    private static string Leads(IEnumerable<int> ids) =>
        "Id,LastName,Status\n" + string.Concat(ids.Select(n => $"{Id(n)},Last{n},Working - Contacted\n"));

    private static string Prospects(IEnumerable<int> ids) =>
        string.Concat(ids.Select(n => $"{{\"salesforceId\":\"{Id(n)}\",\"lastName\":\"Last{n}\",\"stage\":2}}\n"));

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, true)]
    [InlineData(257, false)]
    [InlineData(513, true)]
    [InlineData(2000, false)]
    public void Records_without_a_partner_are_listed_in_file_order_whichever_file_is_held(int rows, bool crmHeld)
    {
        using var folder = new TempDirectory();
        // Unmatched records at the edges of the scan's steps (every 256 records) and of the file; the other file larger on disk, so it is not held.
        var held = Enumerable.Range(0, rows).ToList();
        var unmatched = new[] { 0, 1, 254, 255, 256, 257, 511, 512, rows - 1 }.Where(n => n < rows).Distinct().ToHashSet();
        var other = held.Where(n => !unmatched.Contains(n)).Concat(Enumerable.Range(100000, unmatched.Count + (crmHeld ? 40 : rows))).ToList();
        File.WriteAllText(folder.File("leads.csv"), Leads(crmHeld ? held : other));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects(crmHeld ? other : held));
        var found = new List<StageDrift>();

        var summary = StageDriftFinder.Run(Configuration(), new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") }, found.Add);

        Assert.Equal(crmHeld ? DriftSide.Crm : DriftSide.Outreach, summary.HeldSide);
        var heldOnly = found.Where(f => f.Kind == (crmHeld ? DriftKind.CrmOnly : DriftKind.OutreachOnly)).ToList();
        Assert.Equal(unmatched.OrderBy(n => n).Select(Id), heldOnly.Select(f => f.Id));
        Assert.Equal(unmatched.OrderBy(n => n).Select(n => $"Last{n}"), heldOnly.Select(f => f.Name));
        Assert.All(heldOnly, f => Assert.Equal(crmHeld ? "Working - Contacted" : null, f.CrmStatus));
        Assert.All(heldOnly, f => Assert.Equal(crmHeld ? null : "Approaching", f.ActualStage));
    }

    [Fact]
    public void More_records_without_a_partner_than_the_scan_keeps_are_listed_by_reading_the_file_again()
    {
        using var folder = new TempDirectory();
        var rows = UnmatchedScan.MostCandidates + 100;
        File.WriteAllText(folder.File("leads.csv"), Leads(Enumerable.Range(0, rows)));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects(Enumerable.Range(rows, rows + 10))); // longer: the leads are held
        var found = new List<StageDrift>();

        var summary = StageDriftFinder.Run(Configuration(), new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") }, found.Add);

        Assert.Equal((0L, (long)rows), (summary.Pairs, summary.CrmOnly));
        Assert.Equal(Enumerable.Range(0, rows).Select(Id), found.Where(f => f.Kind == DriftKind.CrmOnly).Select(f => f.Id));
    }

    [Fact]
    public void A_failure_on_the_scan_s_thread_is_thrown_by_Finish_after_the_candidates_before_it()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads(Enumerable.Range(0, 600)));
        var read = 0;
        Unmatched? Candidate(IInputRecord record)
        {
            if (++read == 400)
            {
                throw Failures.InvalidRecordFile(folder.File("leads.csv"), "broken on purpose");
            }

            var id = RecordValue.Text(DriftRecords.CrmKey(record, null));
            return new Unmatched(JoinKey.From(id)!.Value, id, default, null, null);
        }

        using var scan = UnmatchedScan.Start(folder.File("leads.csv"), RecordFileFormat.Csv, Candidate, CancellationToken.None);
        var reported = new List<string?>();
        var failure = Assert.Throws<StageMapException>(() => scan.Finish(c => reported.Add(c.KeyText)));

        Assert.Equal(ErrorIds.InvalidRecordFile, failure.ErrorId);
        Assert.Contains("broken on purpose", failure.Message);
        Assert.Equal(Enumerable.Range(0, 399).Select(Id), reported);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_fails_at_Finish_not_at_the_start()
    {
        using var folder = new TempDirectory();

        using var scan = UnmatchedScan.Start(folder.File("gone.csv"), RecordFileFormat.Csv, _ => null, CancellationToken.None);
        var failure = Assert.Throws<StageMapException>(() => scan.Finish(_ => { }));

        Assert.Equal(ErrorIds.InvalidRecordFile, failure.ErrorId);
    }

    [Fact]
    public void A_scan_waiting_behind_the_join_stops_when_cancelled_or_disposed()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads(Enumerable.Range(0, 5000)));
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        var scan = UnmatchedScan.Start(folder.File("leads.csv"), RecordFileFormat.Csv, _ => { Interlocked.Increment(ref seen); return null; }, cancel.Token);
        scan.Joined(0.5);
        SpinWait.SpinUntil(() => Volatile.Read(ref seen) > 0, TimeSpan.FromSeconds(30));
        cancel.Cancel();
        scan.Dispose(); // joins the thread: returns only when the scan has stopped and closed the file

        Assert.InRange(seen, 1, 4999); // it waited behind the join's half, and did not read on
        File.Delete(folder.File("leads.csv"));
        var idle = UnmatchedScan.Start(folder.File("leads.csv"), RecordFileFormat.Csv, _ => null, CancellationToken.None);
        idle.Dispose();
    }

    [Fact]
    public void A_run_cancelled_while_the_scan_runs_stops_it_and_leaves_no_findings_file()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads(Enumerable.Range(0, 20000)));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects(Enumerable.Range(10, 20010)));
        using var cancel = new CancellationTokenSource();
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") };

        Assert.ThrowsAny<OperationCanceledException>(() => StageDriftFinder.Run(Configuration(), job, found: _ => cancel.Cancel(), cancellation: cancel.Token));
        job.OutFile = folder.File("drift.jsonl");
        Assert.ThrowsAny<OperationCanceledException>(() => StageDriftFinder.Run(Configuration(), job, progress: (_, _) => { }, cancellation: new CancellationToken(canceled: true)));

        Assert.False(File.Exists(folder.File("drift.jsonl")));
        Assert.Empty(Directory.GetFiles(folder.Path, ".stagemap-*"));
    }
}
