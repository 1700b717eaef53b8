using System;
using System.Globalization;
using System.Diagnostics;
using System.IO;
using System.Linq;
using StageMap.Engine;

namespace StageMap.Fuzz;

/// <summary>
/// The long fuzz runs of build.ps1 -Task Fuzz (the short, fixed-seed run is part of the engine tests):
///   mutate [--seconds N] [--seed S]   the mutation fuzzer over every reader for N seconds, from random seeds (or S, S+1 ...)
///   afl &lt;target&gt;                     one case from AFL on stdin, for SharpFuzz (coverage-guided; the engine instrumented)
///   replay &lt;target&gt; &lt;file&gt;...         reads files with a target and says how each ended (to triage AFL's crashes)
///   case &lt;target&gt; &lt;fixture&gt; &lt;seed&gt; &lt;iteration&gt; &lt;file&gt;   writes one mutated case to a file and replays it
///   seeds &lt;target&gt; &lt;folder&gt;          writes the target's fixtures there (AFL's starting corpus)
///   targets                           lists the targets
/// Exit code 1 when a case broke the contract.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var command = args.FirstOrDefault() ?? "mutate";
        switch (command)
        {
            case "mutate":
                return Mutate(Option(args, "--seconds", 60), args.Contains("--seed") ? Option(args, "--seed", 0) : (int?)null);
            case "afl":
                SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
                {
                    // The engine is instrumented: none of it may run before the fuzzer has set up its trace map.
                    var target = FuzzTargets.Named(args[1]);
                    using var memory = new MemoryStream();
                    stream.CopyTo(memory);
                    try
                    {
                        var bytes = memory.ToArray();
                        target.Read(bytes, FuzzTargets.NameFor(target, bytes).Name);
                    }
                    catch (StageMapException)
                    {
                        // A refusal is a correct outcome; anything else escapes, and AFL records a crash.
                    }
                });
                return 0;
            case "replay":
                var replayed = FuzzTargets.Named(args[1]);
                return Replay(replayed, args.Skip(2).ToArray(), null);
            case "case":
                // case <target> <fixture name> <seed> <iteration> <file>: writes one mutated case, to reproduce a finding.
                var of = FuzzTargets.Named(args[1]);
                var index = of.Fixtures.ToList().FindIndex(f => f.Name == args[2]);
                File.WriteAllBytes(args[5], MutationFuzzer.Case(of.Fixtures[index], int.Parse(args[3], CultureInfo.InvariantCulture), index, int.Parse(args[4], CultureInfo.InvariantCulture)).Bytes);
                return Replay(of, new[] { args[5] }, of.Fixtures[index]);
            case "seeds":
                // seeds <target> <folder>: the target's fixtures, as AFL's starting corpus.
                Directory.CreateDirectory(args[2]);
                foreach (var fixture in FuzzTargets.Named(args[1]).Fixtures)
                {
                    File.WriteAllBytes(Path.Combine(args[2], fixture.Name), fixture.Bytes);
                }

                return 0;
            case "targets":
                foreach (var t in FuzzTargets.All)
                {
                    Console.WriteLine(t.Name);
                }

                return 0;
            default:
                Console.Error.WriteLine($"Unknown command '{command}': use mutate, afl, replay, case, seeds or targets.");
                return 2;
        }
    }

    private static int Mutate(int seconds, int? fixedSeed)
    {
        var budget = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var totals = FuzzTargets.All.ToDictionary(t => t.Name, _ => new FuzzRun());
        var imports = new FuzzRun();
        var seeds = new System.Collections.Generic.List<int>();
        using var invariant = new ImportInvariant();
        while (clock.Elapsed < budget)
        {
            var seed = fixedSeed is null ? new Random().Next() : fixedSeed.Value + seeds.Count;
            seeds.Add(seed);
            Console.WriteLine($"seed {seed}");
            foreach (var target in FuzzTargets.All)
            {
                MutationFuzzer.Run(target, seed, 200, budget - clock.Elapsed, totals[target.Name]);
            }

            var import = invariant.Run(seed, 20);
            imports.Elapsed += import.Elapsed;
            imports.Executions += import.Executions;
            imports.Read += import.Read;
            imports.Refused += import.Refused;
            imports.Findings.AddRange(import.Findings);
            if (import.Hung || totals.Values.Any(r => r.Hung))
            {
                // The case that hung still runs on a background thread: nothing after it would be timed fairly.
                Console.WriteLine("A case hung: the run stops here.");
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:N0} s, {seeds.Count} seed(s), {Environment.ProcessorCount} processor(s), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        foreach (var (name, run) in totals.Select(p => (p.Key, p.Value)).Append(("imports (configuration unchanged)", imports)))
        {
            Console.WriteLine($"{name,-36} {run.Executions,9:N0} executions  {run.Read,9:N0} read  {run.Refused,9:N0} refused  {run.Findings.Count,5} findings  {run.Elapsed.TotalSeconds,6:N1} s");
        }

        var findings = totals.Values.SelectMany(r => r.Findings).Concat(imports.Findings).ToList();
        foreach (var group in findings.GroupBy(f => (f.Target, f.Problem)).Take(50))
        {
            Console.WriteLine($"FINDING x{group.Count()}: {group.First()}");
        }

        return findings.Count == 0 ? 0 : 1;
    }

    private static int Replay(FuzzTarget target, string[] files, Fixture? named)
    {
        var run = new FuzzRun();
        foreach (var file in files)
        {
            var before = run.Findings.Count;
            var bytes = File.ReadAllBytes(file);
            MutationFuzzer.Check(target, named ?? FuzzTargets.NameFor(target, bytes), bytes, run, f => f);
            Console.WriteLine(run.Findings.Count > before ? $"FINDING {target.Name} {file}: {run.Findings[run.Findings.Count - 1].Problem}" : $"ok {file}");
        }

        return run.Findings.Count == 0 ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
