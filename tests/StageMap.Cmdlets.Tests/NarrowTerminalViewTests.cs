using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Issue 9, item 9: the default views stay readable on 80- and 60-column terminals (Out-String -Width
/// stands in for the terminal): every line fits, no text is cut off, and a finding takes a few lines.
/// </summary>
public class NarrowTerminalViewTests
{
    private readonly ModuleSession _session = new();

    public NarrowTerminalViewTests()
    {
        File.Copy(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "stagemap", "standard-org-lead-metadata.json"), _session.File("a-long-configuration-file-name-for-a-narrow-terminal.json"));
        _session.Run("""
            Import-StageMapConfiguration ./a-long-configuration-file-name-for-a-narrow-terminal.json | Out-Null
            New-LeadStatusMapping -CrmStatus 'working - contacted' -Stage Approaching | Out-Null
            New-OutreachStage Extra | Out-Null
            """).AssertNoErrors();
    }

    private string Render(string command, int width)
    {
        var text = _session.Run($"{command} | Out-String -Width {width}").AssertNoErrors().Output.Single().ToString();
        var lines = text.Split('\n');
        Assert.All(lines, line => Assert.True(line.TrimEnd('\r').Length <= width, $"A line is wider than {width}:\n{line}"));
        return text.Replace("\r", "");
    }

    private static string WithoutSpace(string text) => Regex.Replace(text, @"\s", "");

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void Every_finding_shows_its_whole_message_in_a_few_lines(int width)
    {
        var messages = _session.Run("Test-StageMapping | ForEach-Object Message").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.True(messages.Count >= 4);

        var text = Render("Test-StageMapping", width);

        // A finding: its "SM0nn  Object  Target" line, then the message indented by four, wrapped.
        var findings = Regex.Matches(text, @"(?m)^SM\d{3} .*\n((?: {4}.*\n)+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(messages.Count, findings.Count);
        foreach (var (message, finding) in messages.Zip(findings))
        {
            Assert.Equal(message, finding.Replace("\n    ", "").Trim());
            // The message runs the width of the terminal less the indent: at most one line more than that needs.
            Assert.InRange(finding.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, (message.Length / (width - 5)) + 2);
        }
    }

    [Fact]
    public void Format_Table_keeps_a_table_whose_message_column_is_the_widest()
    {
        var text = Render("Test-StageMapping | Format-Table", 80);

        var header = text.Split('\n').First(l => l.StartsWith("RuleId"));
        Assert.Matches(@"^RuleId\s+Target\s+Message$", header.TrimEnd());
        Assert.True(80 - header.IndexOf("Message", StringComparison.Ordinal) >= 48, header);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void The_procedures_actions_are_whole(int width)
    {
        var actions = _session.Run("Get-StageMapProcedure | ForEach-Object Action").AssertNoErrors().Output.Select(o => o.ToString());

        var text = WithoutSpace(Render("Get-StageMapProcedure", width));

        Assert.All(actions, action => Assert.Contains(WithoutSpace(action), text));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void The_configurations_path_is_whole(int width)
    {
        var text = WithoutSpace(Render("Get-StageMapConfiguration", width));

        Assert.Contains(WithoutSpace(_session.File("a-long-configuration-file-name-for-a-narrow-terminal.json")), text);
        Assert.Contains("LeadStatusMappings:1", text);
    }

    [Fact]
    public void Columns_are_as_wide_as_their_content()
    {
        var text = Render("Get-CrmStatus -Object Lead", 80);

        Assert.Matches(@"(?m)^ApiName +Label +IsDefault IsConverted IsActive Id$", text);
        Assert.Matches(@"(?m)^Closed - Not Converted Closed - Not Converted False +False +True", text);
    }
}
