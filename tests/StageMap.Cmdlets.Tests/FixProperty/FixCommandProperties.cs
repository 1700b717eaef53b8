using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using StageMap.Cmdlets.Tests.Support;
using Xunit;
using Xunit.Sdk;

namespace StageMap.Cmdlets.Tests.FixProperty;

/// <summary>
/// docs/design.md, Validation rules: "Every fix command a diagnostic prints, once applied, makes that diagnostic go away and
/// adds no new Error." Over generated broken configurations, each fix command a diagnostic lists
/// (FixCommands, which its Message prints verbatim) runs through the real cmdlets on a fresh copy of
/// the file; then Test-StageMapping must no longer report that finding, and report no Error it did
/// not report before. A fix written into the SFDX project a record type came from (SM016) is followed
/// by the import of that project, as its message says.
/// </summary>
public sealed class FixCommandProperties : IDisposable
{
    private static readonly int Configurations = BrokenConfigurations.BreakageCount * 4; // every breakage four times, alone or with another

    private static readonly Regex ChangingCommand = new(@"\b(New|Set|Remove)-(OutreachStage|LeadStatusMapping|FieldMapping)\b", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex ExportedProject = new(@"^Export-CrmMetadata -Path (?<path>'(?:[^']|'')*')", RegexOptions.CultureInvariant);

    private readonly ModuleSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Each_printed_fix_command_removes_its_finding_and_adds_no_error()
    {
        var failures = new List<string>();
        var fixesRun = 0;
        var rulesFixed = new HashSet<string>();
        var exportsRun = 0;
        for (var seed = 0; seed < Configurations; seed++)
        {
            var (description, json, project) = BrokenConfigurations.Generate(seed);
            var original = _session.File($"broken-{seed}.json");
            var originalProject = WriteFile(original, json, project, $"project-{seed}");
            var before = Diagnose(original, null);
            foreach (var diagnostic in before)
            {
                foreach (var printed in diagnostic.FixCommands)
                {
                    fixesRun++;
                    rulesFixed.Add(diagnostic.RuleId);
                    exportsRun += diagnostic.RuleId == "SM010" && printed.StartsWith("Export-CrmMetadata ", StringComparison.Ordinal) ? 1 : 0;
                    var copy = _session.File($"fixed-{seed}-{fixesRun}.json");
                    var copyProject = WriteFile(copy, json, project, $"project-{seed}-{fixesRun}");
                    var fix = copyProject is null ? printed : printed.Replace(originalProject!, copyProject, StringComparison.Ordinal);
                    var after = Diagnose(copy, fix, out var fixErrors);
                    var where = $"seed {seed} ({description}), {diagnostic.RuleId} on '{diagnostic.Target}', fix `{fix}`";
                    if (fixErrors.Count > 0)
                    {
                        failures.Add($"{where}: the command failed: {string.Join("; ", fixErrors)}");
                        continue;
                    }

                    if (after.Any(d => d.Key == diagnostic.Key))
                    {
                        failures.Add($"{where}: the finding is still there: {after.First(d => d.Key == diagnostic.Key).Message}");
                    }

                    // A finding that was there before is not new, though a rename may have changed its stage name's case.
                    var newErrors = after.Where(d => d.Severity == "Error" && !before.Any(b => b.SameFindingIgnoringCase(d))).ToList();
                    if (newErrors.Count > 0)
                    {
                        failures.Add($"{where}: new errors: {string.Join(" | ", newErrors.Select(e => e.RuleId + " " + e.Message))}");
                    }
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException($"{failures.Count} of {fixesRun} fixes broke the promise:\n" + string.Join("\n", failures));
        }

        // SM010's fix for a stage name the picklist lacks writes SFDX source and records it.
        Assert.True(exportsRun > 0, "No finding printed Export-CrmMetadata as its fix.");

        // The rules whose fixes are commands (about_StageMap lists them); SM011 is fixed in Salesforce only.
        Assert.Equal(
            new[] { "SM001", "SM002", "SM003", "SM004", "SM005", "SM006", "SM007", "SM008", "SM009", "SM010", "SM012", "SM013", "SM014", "SM015", "SM016" },
            rulesFixed.OrderBy(r => r, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_complete_command_a_message_prints_is_one_of_its_fix_commands()
    {
        var unlisted = new List<string>();
        for (var seed = 0; seed < Configurations; seed++)
        {
            var (description, json, project) = BrokenConfigurations.Generate(seed);
            var file = _session.File($"broken-{seed}.json");
            WriteFile(file, json, project, $"project-{seed}");
            foreach (var diagnostic in Diagnose(file, null))
            {
                foreach (Match command in ChangingCommand.Matches(diagnostic.Message))
                {
                    if (!IsInAFix(diagnostic, command.Index) && !IsTemplate(diagnostic.Message, command.Index))
                    {
                        unlisted.Add($"seed {seed} ({description}) {diagnostic.RuleId}: '{command.Value}' in: {diagnostic.Message}");
                    }
                }
            }
        }

        Assert.Empty(unlisted);
    }

    /// <summary>True when the command at <paramref name="index"/> is part of a fix command the message prints.</summary>
    private static bool IsInAFix(Finding diagnostic, int index) =>
        diagnostic.FixCommands.Any(fix =>
        {
            for (var at = diagnostic.Message.IndexOf(fix, StringComparison.Ordinal); at >= 0; at = diagnostic.Message.IndexOf(fix, at + 1, StringComparison.Ordinal))
            {
                if (index >= at && index < at + fix.Length)
                {
                    return true;
                }
            }

            return false;
        });

    /// <summary>True when the command's sentence holds a placeholder the admin fills in (&lt;stage&gt;).</summary>
    private static bool IsTemplate(string message, int index)
    {
        var end = message.IndexOf(". ", index, StringComparison.Ordinal);
        var sentence = end < 0 ? message.Substring(index) : message.Substring(index, end - index);
        return sentence.Contains('<');
    }

    /// <summary>
    /// Writes the configuration file and, when its record types come from an SFDX project, that project
    /// into <paramref name="folder"/>, its path in the file; returns the project's path, or null.
    /// </summary>
    private string? WriteFile(string path, string json, IReadOnlyDictionary<string, string> project, string folder)
    {
        if (project.Count == 0)
        {
            File.WriteAllText(path, json);
            return null;
        }

        var root = _session.File(folder);
        foreach (var (relative, content) in project)
        {
            var target = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content);
        }

        File.WriteAllText(path, json.Replace(BrokenConfigurations.ProjectToken, root.Replace("\\", "\\\\"), StringComparison.Ordinal));
        return root;
    }

    private List<Finding> Diagnose(string file, string? fix) => Diagnose(file, fix, out _);

    private List<Finding> Diagnose(string file, string? fix, out List<string> fixErrors)
    {
        var path = file.Replace("'", "''");
        var load = _session.Run($"Import-StageMapConfiguration -Path '{path}' | Out-Null");
        load.AssertNoErrors();
        fixErrors = new List<string>();
        if (fix is not null)
        {
            // Each fix in a folder of its own, as an admin runs it in theirs: a fix that writes files
            // (SM010's Export-CrmMetadata -Create) must not find the files of another configuration's fix.
            // A fix in the SFDX project (SM016) shows in the configuration once the project is imported again.
            var reimport = ExportedProject.Match(fix) is { Success: true } exported ? $"; Import-CrmMetadata -Path {exported.Groups["path"].Value} | Out-Null" : "";
            var applied = _session.Run($"Push-Location (New-Item -ItemType Directory -Path '{path}.fix'); try {{ {fix} | Out-Null{reimport} }} finally {{ Pop-Location }}");
            fixErrors = applied.Errors.Select(e => e.ToString()).Concat(applied.Terminating is null ? Array.Empty<string>() : new[] { applied.Terminating.ToString() }).ToList();
        }

        return _session.Run("Test-StageMapping").AssertNoErrors().Output.Select(Finding.From).ToList();
    }

    private sealed record Finding(string RuleId, string Severity, string? Object, string Target, string Message, IReadOnlyList<string> FixCommands)
    {
        public (string, string?, string) Key => (RuleId, Object, Target);

        public bool SameFindingIgnoringCase(Finding other) =>
            RuleId == other.RuleId && Object == other.Object && string.Equals(Target, other.Target, StringComparison.OrdinalIgnoreCase);

        public static Finding From(PSObject diagnostic) => new(
            (string)diagnostic.Properties["RuleId"].Value,
            diagnostic.Properties["Severity"].Value.ToString()!,
            diagnostic.Properties["Object"].Value?.ToString(),
            (string)diagnostic.Properties["Target"].Value,
            (string)diagnostic.Properties["Message"].Value,
            ((IEnumerable<string>)diagnostic.Properties["FixCommands"].Value).ToList());
    }
}
