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
using StageMap.Engine.Threading;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

/// <summary>
/// Pass 1 over a held CSV file on two threads (<see cref="CrmRowBatch"/>, <see cref="OrderedBatchThreads{TBatch}"/>)
/// and pass 2 matching each prospect a few records after reading it (<see cref="PendingProspects"/>): the
/// answers are those of the join done one record at a time on one thread.
/// </summary>
public class DriftOnTwoCoresTests
{
    private static readonly string[] Statuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted", "", "Qualified", "  Working - Contacted " };
    private static readonly string[] Stages = { "1", "2", "3", "4", "5", "6", "null", "\"approaching\"", "77", "\"\"" };

    private static StageMapConfiguration Configuration() =>
        Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Lead("Last Name", "LastName"), Configs.Lead("First Name", "FirstName"));

    private static string Id(int n) => $"00Q5g{n:D10}";

    /// <summary>
    /// Leads with every kind of row the join tells apart: no key, a key twice, a key that is not an id, a row
    /// with too few fields, names that need quoting, blank and unknown statuses; prospects likewise.
    /// </summary>
    private static void WriteFiles(string crm, string prospects, int rows, int seed, string notes = "")
    {
        var random = new Random(seed);
        var leads = new StringBuilder("Id,FirstName,LastName,Email,Status,Notes\r\n");
        var outreach = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var id = i % 37 == 5 ? "" : i % 41 == 7 && i > 0 ? Id(i - 1) : i % 53 == 11 ? $"legacy-{i}" : Id(i);
            var status = Statuses[random.Next(Statuses.Length)];
            if (i % 97 == 13)
            {
                leads.Append(id).Append(",Short\r\n");
            }
            else
            {
                leads.Append(FormattableString.Invariant($"{id},First{i},\"Last, \"\"{i}\"\"\",lead{i}@example.com,{status},{notes}\r\n"));
            }

            if (i % 29 == 3)
            {
                continue; // a lead without a prospect
            }

            var key = i % 31 == 2 ? "null" : $"\"{(i % 53 == 11 ? $"legacy-{i}" : Id(i))}\"";
            var line = $"{{\"salesforceId\":{key},\"firstName\":\"First{i}\",\"lastName\":\"Last \\\"{i}\\\"\",\"stage\":{Stages[random.Next(Stages.Length)]}}}\n";
            outreach.Append(line);
            if (i % 43 == 9)
            {
                outreach.Append(line); // a prospect twice
            }

            if (i % 47 == 1)
            {
                outreach.Append(FormattableString.Invariant($"{{\"salesforceId\":\"{Id(i + 1000000)}\",\"name\":\"Only Outreach {i}\",\"stage\":2}}\n"));
            }
        }

        File.WriteAllText(crm, leads.ToString());
        File.WriteAllText(prospects, outreach.ToString());
    }

    private static (DriftSummary Summary, List<StageDrift> Found, byte[] Jsonl, byte[] Csv) Run(TempDirectory folder, int batchRows, int pendingRecords)
    {
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") };
        var found = new List<StageDrift>();
        var summary = StageDriftFinder.Run(Configuration(), job, found.Add, null, null, batchRows, pendingRecords, CancellationToken.None);
        job.Force = true;
        job.OutFile = folder.File("drift.jsonl");
        StageDriftFinder.Run(Configuration(), job, null, null, null, batchRows, pendingRecords, CancellationToken.None);
        job.OutFile = folder.File("drift.csv");
        StageDriftFinder.Run(Configuration(), job, null, null, null, batchRows, pendingRecords, CancellationToken.None);
        return (summary, found, File.ReadAllBytes(folder.File("drift.jsonl")), File.ReadAllBytes(folder.File("drift.csv")));
    }

    private static object Counts(DriftSummary s) =>
        (s.HeldSide, s.HeldKeys, s.CrmRead, s.OutreachRead, s.Pairs, s.Matching, s.Drifted, s.CrmOnly, s.OutreachOnly, s.CrmDuplicates, s.OutreachDuplicates);

    [Theory]
    [InlineData(2, 1, 1, "")]
    [InlineData(40, 1, 2, "")]
    [InlineData(200, 7, 3, "")]
    [InlineData(1023, 512, 32, "")]
    [InlineData(1024, 512, 32, "")]
    [InlineData(1025, 512, 32, "")]
    [InlineData(3000, 64, 5, "")]
    [InlineData(2000, 512, 32, "a long note that makes the lead file the larger one, so the prospects are held")]
    public void Two_threads_give_the_findings_of_one_byte_for_byte(int rows, int batchRows, int pendingRecords, string notes)
    {
        using var folder = new TempDirectory();
        WriteFiles(folder.File("leads.csv"), folder.File("prospects.jsonl"), rows, rows, notes);

        var inLine = Run(folder, batchRows: 0, pendingRecords: 1);
        var twoCores = Run(folder, batchRows, pendingRecords);

        if (rows >= 40)
        {
            Assert.Equal(notes.Length == 0 ? DriftSide.Crm : DriftSide.Outreach, inLine.Summary.HeldSide);
        }

        Assert.Equal(Counts(inLine.Summary), Counts(twoCores.Summary));
        Assert.Equal(inLine.Summary.CrossTab, twoCores.Summary.CrossTab);
        Assert.Equal(inLine.Summary.Reasons, twoCores.Summary.Reasons);
        Assert.Equal(inLine.Found, twoCores.Found);
        Assert.Equal(inLine.Jsonl, twoCores.Jsonl);
        Assert.Equal(inLine.Csv, twoCores.Csv);
        Assert.NotEmpty(inLine.Found);
        if (rows >= 200)
        {
            // The data has every kind of finding, so each path above was taken.
            Assert.Equal(new[] { DriftKind.Drift, DriftKind.CrmOnly, DriftKind.OutreachOnly, DriftKind.DuplicateKey }, inLine.Found.Select(f => f.Kind).Distinct().OrderBy(k => k).ToArray());
        }
    }

    [Theory]
    [InlineData("leads.csv", 70000, 65000)] // past the first 4 MB, which the key set's sizing reads first
    [InlineData("leads.csv", 70000, 65500)]
    [InlineData("prospects.jsonl", 1200, 40)]
    [InlineData("prospects.jsonl", 1200, 900)]
    public void A_file_that_breaks_part_way_gives_the_findings_before_the_break_and_then_the_same_error(string broken, int rows, int line)
    {
        using var folder = new TempDirectory();
        WriteFiles(folder.File("leads.csv"), folder.File("prospects.jsonl"), rows, 7);
        var lines = File.ReadAllLines(folder.File(broken)).ToList();
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", lines.Take(line)) + "\n").Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).Concat(Encoding.UTF8.GetBytes(string.Join("\n", lines.Skip(line)) + "\n")).ToArray();
        File.WriteAllBytes(folder.File(broken), bytes);
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") };

        (List<StageDrift> Found, StageMapException Failure) Run(int batchRows, int pendingRecords)
        {
            var found = new List<StageDrift>();
            var failure = Assert.Throws<StageMapException>(() => StageDriftFinder.Run(Configuration(), job, found.Add, null, null, batchRows, pendingRecords, CancellationToken.None));
            return (found, failure);
        }

        var inLine = Run(0, 1);
        var twoCores = Run(64, 32);
        job.OutFile = folder.File("drift.jsonl");
        var toFile = Assert.Throws<StageMapException>(() => StageDriftFinder.Run(Configuration(), job, null, null, null, 64, 32, CancellationToken.None));
        Assert.Equal((inLine.Failure.ErrorId, inLine.Failure.Message), (toFile.ErrorId, toFile.Message));
        Assert.False(File.Exists(job.OutFile));
        job.OutFile = null;

        Assert.True(new FileInfo(job.CrmPath).Length < new FileInfo(job.OutreachPath).Length); // the leads are held: their break is in pass 1
        Assert.Equal(ErrorIds.InvalidRecordFile, twoCores.Failure.ErrorId);
        Assert.Equal(inLine.Failure.Message, twoCores.Failure.Message);
        Assert.Equal(inLine.Found, twoCores.Found);
        Assert.NotEmpty(twoCores.Found);
    }

    [Fact]
    public void A_run_cancelled_in_its_first_pass_stops_both_threads_and_leaves_no_findings_file()
    {
        using var folder = new TempDirectory();
        WriteFiles(folder.File("leads.csv"), folder.File("prospects.jsonl"), 20000, 3);
        using var cancel = new CancellationTokenSource();
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl"), OutFile = folder.File("drift.jsonl") };

        // The first finding is a lead without a key, reported in the first pass: cancelled there, the run stops at its next check.
        var found = new List<StageDrift>();
        var streamed = new DriftJob { CrmPath = job.CrmPath, OutreachPath = job.OutreachPath };
        Assert.ThrowsAny<OperationCanceledException>(() => StageDriftFinder.Run(Configuration(), streamed, f => { found.Add(f); cancel.Cancel(); }, null, null, 16, 32, cancel.Token));
        Assert.All(found, f => Assert.Equal(DriftSide.Crm, f.Side));
        Assert.InRange(found.Count, 1, 4096 / 37 + 4096 / 41 + 16);
        Assert.ThrowsAny<OperationCanceledException>(() => StageDriftFinder.Run(Configuration(), job, null, null, null, 16, 32, new CancellationToken(canceled: true)));

        Assert.False(File.Exists(folder.File("drift.jsonl")));
        File.Delete(folder.File("leads.csv")); // closed by both runs' readers, the second thread's included
    }

    [Fact]
    public void Pending_records_keep_their_key_and_name_after_the_reader_moves_on()
    {
        var pending = new PendingProspects(3);
        var buffer = "00Q5g0000000001 Dean Jo".ToCharArray();
        TextSlice Slice(int start, int length)
        {
            var slice = new TextSlice();
            slice.Set(buffer, start, length);
            return slice;
        }

        var longText = new string('x', 5000).ToCharArray(); // more text than the pending buffer holds: it grows, the earlier values stay
        var longName = new TextSlice();
        longName.Set(longText, 0, longText.Length);
        pending.Add(Slice(0, 15), new NameParts(null, Slice(16, 4), Slice(21, 2)), Slice(21, 2));
        pending.Add(null, new NameParts(longName, 42L, null), 4L);
        pending.Add("other", new NameParts(Slice(16, 4), null, null), null);
        pending.SetJoin(2, JoinKey.From("other"), 5);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = '?';
        }

        longText[0] = '?';

        Assert.True(pending.IsFull);
        Assert.Equal("00Q5g0000000001", pending.KeyValueAt(0)!.ToString());
        Assert.Equal(("Dean", "Jo"), (pending.NameAt(0).First!.ToString(), pending.NameAt(0).Last!.ToString()));
        Assert.Equal((new string('x', 5000), (object)42L), (pending.NameAt(1).Whole!.ToString(), pending.NameAt(1).First!));
        Assert.Equal("Dean", pending.NameAt(2).Whole!.ToString());
        Assert.Equal(("Jo", (object)4L, (object?)null), (pending.StageAt(0)!.ToString(), pending.StageAt(1)!, pending.StageAt(2)));
        Assert.Equal(5, pending.ActualAt(2));
        Assert.Equal(JoinKey.From("other"), pending.KeyAt(2));
        pending.Clear();
        Assert.Equal(0, pending.Count);
    }
}
