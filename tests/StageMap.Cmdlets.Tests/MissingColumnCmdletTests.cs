using System;
using System.IO;
using System.Linq;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// A leads CSV without a Status column, or with 'Lead Status', gave prospects with no
/// stage and no word. Now the command warns once, naming the field and the nearest column, and the
/// -OutFile summary counts the records converted without it.
/// </summary>
public sealed class MissingColumnCmdletTests : IDisposable
{
    private static readonly string FixturesPath = Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures");
    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    public MissingColumnCmdletTests()
    {
        File.Copy(Path.Combine(FixturesPath, "conversion", "standard-sync-mapping.json"), _session.File("mapping.json"));
        var leads = File.ReadAllText(Path.Combine(FixturesPath, "conversion", "leads-lf.csv"));
        File.WriteAllText(_session.File("lead-status.csv"), leads.Replace(",Status\n", ",Lead Status\n"));
        File.WriteAllLines(_session.File("no-status.csv"), leads.Split('\n').Where(l => l.Length > 0).Select(l => l.Substring(0, l.LastIndexOf(','))));
        _session.Run("Import-StageMapConfiguration ./mapping.json | Out-Null").AssertNoErrors();
    }

    [Theory]
    [InlineData("lead-status.csv", "Its nearest column is 'Lead Status'")]
    [InlineData("no-status.csv", "No column of the input is close to it")]
    public void From_the_pipeline_the_command_warns_once_naming_Status_and_the_nearest_column(string file, string nearest)
    {
        var result = _session.Run($"Import-Csv ./{file} | ConvertTo-OutreachProspect -Object Lead").AssertNoErrors();

        Assert.Equal(4, result.Output.Count);
        Assert.All(result.Output, p => Assert.Null(p.Properties["stage"]));
        var warning = Assert.Single(result.Warnings);
        Assert.StartsWith("The input has no 'Status' field, which the Lead mapping of Outreach field 'Stage' reads", warning);
        Assert.Contains(nearest, warning);
    }

    [Fact]
    public void From_a_file_the_summary_counts_the_records_converted_without_Status()
    {
        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./lead-status.csv -OutFile ./out.jsonl").AssertNoErrors();

        var summary = Assert.Single(result.Output);
        var missing = Assert.Single(((System.Collections.IEnumerable)summary.Properties["MissingFields"].Value).Cast<object>());
        Assert.Equal("Status: 4 record(s) without it (nearest column 'Lead Status')", missing.ToString());
        Assert.Contains("'Lead Status'", Assert.Single(result.Warnings));
    }

    [Fact]
    public void The_missing_fields_have_a_table_view()
    {
        var result = _session.Run("(ConvertTo-OutreachProspect -Object Lead -Path ./lead-status.csv -OutFile ./out.jsonl -WarningAction SilentlyContinue).MissingFields | Out-String -Width 80").AssertNoErrors();

        var text = result.Output.Single().ToString();
        Assert.Matches(@"(?m)^Field\s+Records\s+NearestColumn\s*$", text);
        Assert.Matches(@"(?m)^Status\s+4\s+Lead Status\s*$", text);
    }

    [Fact]
    public void On_push_a_prospect_file_without_stage_is_named()
    {
        File.WriteAllText(_session.File("prospects.csv"), "salesforceId,firstName,lastName,Stage Id\n00Q5g00000AbC11EAA,Ada,Lovelace,1\n");

        var result = _session.Run("Import-Csv ./prospects.csv | ConvertTo-SalesforceRecord -Object Lead").AssertNoErrors();

        Assert.Contains(result.Warnings, w => w.StartsWith("The input has no 'stage' field (Outreach field 'Stage')", StringComparison.Ordinal) && w.Contains("'Stage Id'"));
    }

    [Fact]
    public void A_complete_file_says_nothing()
    {
        var result = _session.Run($"Import-Csv '{Path.Combine(FixturesPath, "conversion", "leads-lf.csv")}' | ConvertTo-OutreachProspect -Object Lead -ErrorAction SilentlyContinue");

        Assert.DoesNotContain(result.Warnings, w => w.Contains("'Status'"));
    }
}
