using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using StageMap.Engine;

namespace StageMap.Fuzz;

/// <summary>A reader outcome that breaks the contract: a bare .NET exception, text decoded into U+FFFD, or no end within the case time limit.</summary>
public sealed record FuzzFinding(string Target, string Fixture, int Seed, int Iteration, string Mutation, string Problem)
{
    public override string ToString() => $"{Target} / {Fixture} / seed {Seed} iteration {Iteration} ({Mutation}): {Problem}";
}

/// <summary>What a run did: executions, how they ended, and what broke the contract.</summary>
public sealed class FuzzRun
{
    public long Executions { get; set; }

    public long Read { get; set; }

    public long Refused { get; set; }

    public TimeSpan Elapsed { get; set; }

    public List<FuzzFinding> Findings { get; } = new();

    /// <summary>A case ran past the time limit. The run stops there: that case goes on using a processor, so later cases would not be timed fairly.</summary>
    public bool Hung { get; set; }

    public Dictionary<string, long> RefusalsById { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Mutates each fixture of a target again and again and checks every outcome: the reader returns, or
/// raises a StageMapException, within <see cref="CaseTimeLimit"/>; nothing else. Each case is
/// reproducible from (seed, fixture, iteration).
/// </summary>
public static class MutationFuzzer
{
    public static Mutator Mutator { get; } = new(FuzzTargets.Pool);

    /// <summary>
    /// How long one case may take. The slowest legitimate case takes under a second on Mono (a CSV
    /// header holding a quarter of a million characters of nested JSON); a reader that needs ten is
    /// looping, or doing work in the square of its input.
    /// </summary>
    public static TimeSpan CaseTimeLimit { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="iterations"/> mutations of every fixture, or fewer when <paramref name="budget"/> runs out or a case hangs.</summary>
    /// <param name="caseLimit">How long one case may take; <see cref="CaseTimeLimit"/> unless told.</param>
    public static FuzzRun Run(FuzzTarget target, int seed, int iterations, TimeSpan? budget = null, FuzzRun? into = null, TimeSpan? caseLimit = null)
    {
        var run = into ?? new FuzzRun();
        var clock = Stopwatch.StartNew();
        for (var iteration = 0; iteration < iterations && !run.Hung; iteration++)
        {
            for (var f = 0; f < target.Fixtures.Count && !run.Hung; f++)
            {
                var fixture = target.Fixtures[f];
                var (bytes, mutation) = Case(fixture, seed, f, iteration);
                Check(target, fixture, bytes, run, finding => finding with { Seed = seed, Iteration = iteration, Mutation = mutation }, caseLimit);
            }

            if (budget is not null && clock.Elapsed >= budget.Value)
            {
                break;
            }
        }

        run.Elapsed += clock.Elapsed;
        return run;
    }

    /// <summary>The mutated bytes of one case.</summary>
    public static (byte[] Bytes, string Mutation) Case(Fixture fixture, int seed, int fixtureIndex, int iteration) =>
        Mutator.Mutate(fixture.Bytes, new Random(unchecked((seed * 397) ^ (fixtureIndex * 7919) ^ (iteration * 104729))));

    /// <summary>Reads <paramref name="bytes"/> with the target and records how it ended.</summary>
    /// <param name="limit">How long the read may take; <see cref="CaseTimeLimit"/> unless told.</param>
    public static void Check(FuzzTarget target, Fixture fixture, byte[] bytes, FuzzRun run, Func<FuzzFinding, FuzzFinding> where, TimeSpan? limit = null)
    {
        run.Executions++;
        var timeLimit = limit ?? CaseTimeLimit;
        try
        {
            if (!TimeLimit.TryRun(() => target.Read(bytes, fixture.Name), timeLimit, out var text))
            {
                run.Hung = true;
                run.Findings.Add(where(new FuzzFinding(target.Name, fixture.Name, 0, 0, "", $"still reading after {timeLimit.TotalSeconds:0.###} s ({bytes.Length:N0} bytes): a loop, or work out of proportion to the input")));
                return;
            }

            run.Read++;
            if (text is not null && text.IndexOf('\uFFFD') >= 0 && !HoldsReplacementCharacter(bytes))
            {
                run.Findings.Add(where(new FuzzFinding(target.Name, fixture.Name, 0, 0, "", "read as text holding U+FFFD, which the bytes do not")));
            }
        }
        catch (StageMapException refused)
        {
            run.Refused++;
            run.RefusalsById[refused.ErrorId] = run.RefusalsById.TryGetValue(refused.ErrorId, out var n) ? n + 1 : 1;
        }
        catch (Exception bare)
        {
            run.Findings.Add(where(new FuzzFinding(target.Name, fixture.Name, 0, 0, "", Describe(bare))));
        }
    }

    public static string Describe(Exception exception)
    {
        var frame = exception.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("StageMap.", StringComparison.Ordinal)) ?? "";
        return $"{exception.GetType().FullName}: {exception.Message.Split('\n')[0]} {frame}".Trim();
    }

    // U+FFFD read from its own UTF-8 bytes, or from any text with a UTF-16/32 byte order mark, is a real character.
    private static bool HoldsReplacementCharacter(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0 && bytes[1] == 0)))
        {
            return true;
        }

        for (var i = 0; i + 2 < bytes.Length; i++)
        {
            if (bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD)
            {
                return true;
            }
        }

        return false;
    }
}
