using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Benchmarks;

/// <summary>
/// Where the time of a bulk conversion goes, stage by stage: each stage runs the whole file and does
/// what the one before it did plus one more step (decode, parse, look the mapped fields up, convert,
/// write), so the difference between two rows is the cost of the step the second adds. Run with
/// <c>dotnet run -c Release --project tests/StageMap.Benchmarks -- profile &lt;leads.csv&gt; &lt;configuration.json&gt;</c>.
/// </summary>
public static class RecordPathProfile
{
    /// <param name="only">Run only the stage of this number (1-based), once: for instruction counts under valgrind.</param>
    public static void Run(string input, string configurationPath, int runs, int only = 0)
    {
        var configuration = new StageMapConfiguration(ConfigurationSerializer.FromBytes(File.ReadAllBytes(configurationPath), configurationPath));
        var plan = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        var sources = plan.SourceFields.ToArray();
        var stages = new (string Name, Func<long> Run)[]
        {
            ("decode: strict UTF-8 text of the whole file", () => Decode(input)),
            ("+ parse: CSV rows and fields", () => Parse(input)),
            ("+ field lookup: each mapped field of each row by name", () => Lookup(input, sources)),
            ("+ conversion: the plan's rules into the output record", () => Convert(input, plan, null)),
            ("+ JSON Lines writing (to a null stream)", () => Convert(input, plan, Stream.Null)),
            ("whole command path: BulkConverter.Run to a file", () => Whole(input, plan)),
        };

        var chosen = only > 0 ? stages.Skip(only - 1).Take(1).ToArray() : stages;
        var results = Measure(chosen.Select(stage => stage.Run).ToArray(), runs);
        var previous = 0.0;
        Console.WriteLine("| stage | median | rows/s | adds per row | allocated per row |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        for (var i = 0; i < chosen.Length; i++)
        {
            var (median, rows, allocated) = results[i];
            var whole = chosen[i].Name.StartsWith("whole", StringComparison.Ordinal);
            var adds = whole ? "" : string.Format(CultureInfo.InvariantCulture, "{0:N0} ns", (median - previous) * 1e9 / Math.Max(rows, 1));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N3} s | {2:N0} | {3} | {4:N0} B |", chosen[i].Name, median, rows / median, adds, allocated / (double)Math.Max(rows, 1)));
            previous = whole ? previous : median;
        }
    }

    /// <summary>
    /// Runs each stage <paramref name="runs"/> times, the stages taking turns (so a machine whose load
    /// changes slows them alike): for each, the median time, the rows and the bytes allocated in its last run.
    /// </summary>
    private static (double Median, long Rows, long Allocated)[] Measure(Func<long>[] stages, int runs)
    {
        var times = stages.Select(_ => new List<double>()).ToArray();
        var rows = new long[stages.Length];
        var allocated = new long[stages.Length];
        for (var round = 0; round < runs; round++)
        {
            for (var i = 0; i < stages.Length; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                // Every thread's allocations: the whole command path reads, converts and writes on threads of its own.
                var before = GC.GetTotalAllocatedBytes(precise: true);
                var watch = Stopwatch.StartNew();
                rows[i] = stages[i]();
                times[i].Add(watch.Elapsed.TotalSeconds);
                allocated[i] = GC.GetTotalAllocatedBytes(precise: true) - before;
            }
        }

        return times.Select((t, i) => (t.OrderBy(x => x).ElementAt(t.Count / 2), rows[i], allocated[i])).ToArray();
    }

    /// <summary>
    /// Where Find-StageDrift's time goes on the leads and the prospects converted from them: each file
    /// read alone (records only), then the whole join. Its rows/s count the records of both files.
    /// </summary>
    public static void RunDrift(string leads, string configurationPath, int runs)
    {
        var configuration = new StageMapConfiguration(ConfigurationSerializer.FromBytes(File.ReadAllBytes(configurationPath), configurationPath));
        var plan = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        var prospects = Path.Combine(Path.GetTempPath(), $"stagemap-profile-{Environment.ProcessId}-prospects.jsonl");
        var findings = Path.Combine(Path.GetTempPath(), $"stagemap-profile-{Environment.ProcessId}-drift.jsonl");
        BulkConverter.Run(plan, new BulkConversion { InputPath = leads, OutputPath = prospects, Force = true });
        try
        {
            var stages = new (string Name, Func<long> Run)[]
            {
                ("read the leads (CSV records)", () => Parse(leads)),
                ("read the prospects (JSON Lines records, Json.NET's reader, as before)", () => ReadAllByJsonNet(prospects)),
                ("read the prospects (JSON Lines records, StageMap's reader)", () => ReadAll(prospects, RecordFileFormat.JsonLines)),
                ("Find-StageDrift's join of both, findings to a file", () => Drift(configuration, leads, prospects, findings)),
            };
            var results = Measure(stages.Select(stage => stage.Run).ToArray(), runs);
            Console.WriteLine("| stage | median | rows/s | allocated per row |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            for (var i = 0; i < stages.Length; i++)
            {
                var (median, rows, allocated) = results[i];
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N3} s | {2:N0} | {3:N0} B |", stages[i].Name, median, rows / median, allocated / (double)Math.Max(rows, 1)));
            }
        }
        finally
        {
            File.Delete(prospects);
            File.Delete(findings);
        }
    }

    private static long ReadAll(string path, RecordFileFormat format)
    {
        using var reader = RecordFileReaders.Open(path, format, reuseRecords: true);
        long rows = 0;
        foreach (var _ in reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static long ReadAllByJsonNet(string path)
    {
        using var stream = RecordFileReaders.OpenFile(path);
        using var reader = new JsonNetRecordReader(stream, StrictText.OpenReader(stream, null, leaveOpen: true), path, encodingNamed: false);
        long rows = 0;
        foreach (var _ in reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static long Drift(StageMapConfiguration configuration, string leads, string prospects, string findings)
    {
        var summary = StageMap.Engine.Drift.StageDriftFinder.Run(configuration, new StageMap.Engine.Drift.DriftJob { CrmPath = leads, OutreachPath = prospects, OutFile = findings, Force = true });
        return summary.CrmRead + summary.OutreachRead;
    }

    private static long Decode(string input)
    {
        using var reader = StrictText.OpenReader(RecordFileReaders.OpenFile(input));
        var buffer = new char[65536];
        long lines = 0;
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, n).Count('\n');
        }

        return lines - 1;
    }

    private static long Parse(string input)
    {
        using var reader = RecordFileReaders.Open(input, RecordFileFormat.Csv, reuseRecords: true);
        long rows = 0;
        foreach (var _ in reader.Read())
        {
            rows++;
        }

        return rows;
    }

    private static long Lookup(string input, string[] sources)
    {
        using var reader = RecordFileReaders.Open(input, RecordFileFormat.Csv, reuseRecords: true);
        long rows = 0;
        foreach (var item in reader.Read())
        {
            foreach (var source in sources)
            {
                item.Record.TryGetValue(source, out _);
            }

            rows++;
        }

        return rows;
    }

    private static long Convert(string input, ConversionPlan plan, Stream? output)
    {
        using var reader = RecordFileReaders.Open(input, RecordFileFormat.Csv, reuseRecords: true);
        using var writer = output is null ? null : RecordFileWriter.ForConverted(RecordFileFormat.JsonLines, output, plan, RecordShape.Object);
        var buffer = new ConvertedRecord(plan, new object?[plan.OutputFields.Count]);
        var missing = new MissingFieldTally(plan);
        long rows = 0;
        foreach (var item in reader.Read())
        {
            var result = plan.Convert(item.Record, buffer, missing);
            if (result.Succeeded)
            {
                writer?.Write(result.Record!);
            }

            rows++;
        }

        writer?.Finish();
        return rows;
    }

    private static long Whole(string input, ConversionPlan plan)
    {
        var output = Path.Combine(Path.GetTempPath(), $"stagemap-profile-{Environment.ProcessId}.jsonl");
        try
        {
            // STAGEMAP_PROFILE_THREADS: the threads to convert on (unset: one per core, as the command does).
            var threads = int.TryParse(Environment.GetEnvironmentVariable("STAGEMAP_PROFILE_THREADS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            return BulkConverter.Run(plan, new BulkConversion { InputPath = input, OutputPath = output, Force = true }, null, null, null, threads, default).Read;
        }
        finally
        {
            File.Delete(output);
        }
    }
}
