using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests.Architecture;

/// <summary>
/// The layout shows the architecture: each engine folder uses only the folders docs/design.md allows it,
/// the rules leave no cycle, and the cmdlets use only the engine's public surface. Read from the built
/// module's assemblies (what ships), every type each type names in its signatures and its code.
/// </summary>
public class FolderRulesTests
{
    private static readonly string EngineSource = Path.Combine(ModuleSession.RepositoryRoot, "src", "StageMap.Engine");

    private readonly FolderRules _rules = FolderRules.FromDesign();

    public static TheoryData<string> EngineBuilds => new() { "net8.0", "netstandard2.0" };

    [Fact]
    public void Every_engine_folder_has_a_rule_and_every_rule_a_folder()
    {
        var folders = Directory.GetDirectories(EngineSource)
            .Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj"))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(folders, _rules.MayUse.Keys.OrderBy(name => name, StringComparer.Ordinal));
    }

    [Fact]
    public void Each_engine_file_declares_the_namespace_of_its_folder()
    {
        var wrong = new List<string>();
        foreach (var file in Directory.EnumerateFiles(EngineSource, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var declared = Regex.Match(File.ReadAllText(file), @"^namespace\s+(?<name>[\w.]+)", RegexOptions.Multiline | RegexOptions.ExplicitCapture).Groups["name"].Value;
            if (FolderRules.FolderOf(declared) is null)
            {
                continue; // a compiler polyfill (System.*): no folder's code
            }

            var relative = Path.GetRelativePath(EngineSource, file);
            var folder = relative.Split(Path.DirectorySeparatorChar)[0];
            var expected = FolderRules.NamespaceOf(folder);
            var allowed = folder == FolderRules.RootFolder
                ? declared == expected
                : declared == expected || declared.StartsWith(expected + ".", StringComparison.Ordinal);
            if (!allowed || !relative.Contains(Path.DirectorySeparatorChar))
            {
                wrong.Add($"{relative} declares {declared}");
            }
        }

        Assert.True(wrong.Count == 0, "Files whose namespace is not their folder's:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [MemberData(nameof(EngineBuilds))]
    public void Each_engine_folder_uses_only_the_folders_its_rule_allows(string build)
    {
        var uses = TypeUses.Of(Path.Combine(ModuleSession.ModulePath, "bin", build, "StageMap.Engine.dll"));
        var broken = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (owner, used) in uses.Uses)
        {
            if (FolderRules.FolderOf(owner.Namespace) is not { } from)
            {
                continue;
            }

            Assert.True(_rules.MayUse.ContainsKey(from), $"{owner} is in folder {from}, which docs/design.md has no rule for.");
            foreach (var type in used.Where(t => t.Assembly is null))
            {
                if (FolderRules.FolderOf(type.Namespace) is { } to && to != from && !_rules.MayUse[from].Contains(to))
                {
                    broken.Add($"{from} -> {to}: {owner} uses {type}");
                }
            }
        }

        Assert.True(broken.Count == 0, $"Uses docs/design.md does not allow ({build}):\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_rules_allow_no_cycle()
    {
        var (order, cycle) = _rules.Layers();

        Assert.True(cycle.Count == 0, "The folder rules of docs/design.md allow a cycle among: " + string.Join(", ", cycle));
        Assert.Equal(FolderRules.RootFolder, order[0]);
    }

    [Fact]
    public void The_cmdlets_use_only_the_engines_public_surface()
    {
        var engine = PublicSurface.Of(Path.Combine(ModuleSession.ModulePath, "bin", "net8.0", "StageMap.Engine.dll"));
        var cmdlets = TypeUses.Of(Path.Combine(ModuleSession.ModulePath, "StageMap.Cmdlets.dll"));

        var types = cmdlets.Uses.Values.SelectMany(used => used).Where(t => t.Assembly == "StageMap.Engine").Distinct().ToList();
        var members = cmdlets.ForeignMembers.Where(m => m.Type.Assembly == "StageMap.Engine").ToList();

        Assert.DoesNotContain("StageMap.Cmdlets", engine.InternalsVisibleTo);
        Assert.NotEmpty(types);
        Assert.True(types.All(engine.HasType), "Engine types the cmdlets name that are not public: " + string.Join(", ", types.Where(t => !engine.HasType(t))));
        Assert.True(members.All(engine.HasMember), "Engine members the cmdlets name that are not public: " + string.Join(", ", members.Where(m => !engine.HasMember(m))));
    }

    private static bool IsBuildOutput(string file)
    {
        var relative = Path.GetRelativePath(EngineSource, file).Split(Path.DirectorySeparatorChar)[0];
        return relative is "bin" or "obj";
    }
}
