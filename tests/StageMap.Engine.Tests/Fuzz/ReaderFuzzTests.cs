using System;
using System.Linq;
using System.Threading;
using StageMap.Fuzz;
using Xunit;

namespace StageMap.Engine.Tests.Fuzz;

/// <summary>
/// Every reader over thousands of mutations of each of its fixtures, from a fixed seed: each case is
/// read, or refused with a StageMapException. A bare .NET exception, or text holding U+FFFD its bytes
/// do not, fails the test with the cases to reproduce it (StageMap.Fuzz case &lt;target&gt; &lt;fixture&gt; &lt;seed&gt; &lt;iteration&gt; &lt;file&gt;).
/// </summary>
public class ReaderFuzzTests
{
    public const int Seed = 20261129;

    public static TheoryData<string, int> Targets => new()
    {
        { "configuration", 2000 },
        { "metadata", 1000 },
        { "outreach-stages", 2000 },
        { "records-csv", 2000 },
        { "records-json", 1000 },
        { "records-jsonl", 2000 },
        { "snapshot", 2000 },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_mutation_of_every_fixture_is_read_or_refused_with_a_StageMap_error(string target, int iterations)
    {
        var run = MutationFuzzer.Run(FuzzTargets.Named(target), Seed, iterations);

        Assert.True(run.Findings.Count == 0, $"{run.Findings.Count} of {run.Executions} cases broke the contract:\n" + string.Join("\n", run.Findings.Take(20)));
        Assert.Equal(iterations * FuzzTargets.Named(target).Fixtures.Count, run.Executions);

        // The mutations reach both outcomes: the readers are tested on files they accept and on files they refuse.
        Assert.InRange(run.Read, 1, run.Executions - 1);
        Assert.InRange(run.Refused, 1, run.Executions - 1);
    }

    [Fact]
    public void Every_reader_and_format_is_a_target()
    {
        Assert.Equal(new[] { "configuration", "metadata", "outreach-stages", "records-csv", "records-json", "records-jsonl", "snapshot" }, FuzzTargets.All.Select(t => t.Name));
        Assert.Equal(FuzzTargets.All.Select(t => t.Name), Targets.Select(row => (string)row[0]));
        Assert.All(FuzzTargets.All, t => Assert.NotEmpty(t.Fixtures));
    }

    [Fact]
    public void A_case_is_the_same_bytes_from_the_same_seed_and_the_mutations_cover_every_kind()
    {
        var fixture = FuzzTargets.Named("records-csv").Fixtures[0];

        Assert.Equal(MutationFuzzer.Case(fixture, Seed, 0, 7).Bytes, MutationFuzzer.Case(fixture, Seed, 0, 7).Bytes);
        Assert.NotEqual(MutationFuzzer.Case(fixture, Seed, 0, 7).Bytes, MutationFuzzer.Case(fixture, Seed, 0, 8).Bytes);
        var used = Enumerable.Range(0, 500).SelectMany(i => MutationFuzzer.Case(fixture, Seed, 0, i).Mutation.Split('+')).ToHashSet();
        Assert.Equal(MutationFuzzer.Mutator.Kinds.OrderBy(k => k), used.OrderBy(k => k));
    }

    [Fact]
    public void A_bare_exception_is_a_finding_and_a_StageMap_error_is_not()
    {
        var fixture = new Fixture("f.json", new byte[] { 1 });
        var throwing = new FuzzTarget("t", new[] { fixture }, (bytes, _) => bytes.Length == 1 ? throw new InvalidCastException("boom") : throw Failures.InvalidRecordFile("f", "bad"));
        var run = new FuzzRun();

        MutationFuzzer.Check(throwing, fixture, new byte[] { 1 }, run, f => f);
        MutationFuzzer.Check(throwing, fixture, new byte[] { 1, 2 }, run, f => f);

        Assert.StartsWith("System.InvalidCastException: boom", Assert.Single(run.Findings).Problem);
        Assert.Equal(1, run.Refused);
    }

    [Fact]
    public void A_case_still_running_at_the_time_limit_is_a_finding_naming_its_case_and_ends_the_run()
    {
        using var release = new ManualResetEventSlim();
        var fixtures = new[] { new Fixture("a.csv", new byte[] { 1, 2, 3 }), new Fixture("b.csv", new byte[] { 4 }) };
        var hanging = new FuzzTarget("t", fixtures, (_, _) =>
        {
            release.Wait();
            return null;
        });

        try
        {
            var run = MutationFuzzer.Run(hanging, Seed, iterations: 5, caseLimit: TimeSpan.FromMilliseconds(50));

            var finding = Assert.Single(run.Findings);
            Assert.True(run.Hung);
            Assert.Equal(1, run.Executions);
            Assert.Equal(("t", "a.csv", Seed, 0, MutationFuzzer.Case(fixtures[0], Seed, 0, 0).Mutation), (finding.Target, finding.Fixture, finding.Seed, finding.Iteration, finding.Mutation));
            Assert.StartsWith("still reading after 0.05 s", finding.Problem);
        }
        finally
        {
            release.Set();
        }
    }
}

/// <summary>A refused import (Import-CrmMetadata, Import-OutreachStage through the engine) leaves the configuration and its file as they were.</summary>
public class ImportFuzzTests
{
    [Fact]
    public void A_refused_import_of_a_mutated_file_changes_neither_the_configuration_nor_its_file()
    {
        using var invariant = new ImportInvariant();

        var run = invariant.Run(ReaderFuzzTests.Seed, 100);

        Assert.True(run.Findings.Count == 0, string.Join("\n", run.Findings.Take(20)));
        Assert.InRange(run.Refused, 1, run.Executions - 1);
        Assert.InRange(run.Read, 1, run.Executions - 1);
    }
}
