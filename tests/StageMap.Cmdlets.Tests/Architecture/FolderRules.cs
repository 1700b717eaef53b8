using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace StageMap.Cmdlets.Tests.Architecture;

/// <summary>
/// The engine's folders and what each may use, as docs/design.md states them in its table headed
/// "| folder | may use |": the one place the rules are written.
/// </summary>
public sealed class FolderRules
{
    /// <summary>The folder that keeps the engine's root namespace (StageMap.Engine): the failure catalogue.</summary>
    public const string RootFolder = "Failures";

    private const string EngineNamespace = "StageMap.Engine";

    private FolderRules(IReadOnlyDictionary<string, IReadOnlySet<string>> mayUse) => MayUse = mayUse;

    /// <summary>Each folder and the folders it may use.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> MayUse { get; }

    public static string DesignPath => Path.Combine(Support.ModuleSession.RepositoryRoot, "docs", "design.md");

    public static FolderRules FromDesign() => Parse(File.ReadAllLines(DesignPath));

    public static FolderRules Parse(IReadOnlyList<string> lines)
    {
        var header = lines.ToList().FindIndex(line => Regex.IsMatch(line, @"^\|\s*folder\s*\|\s*may use\s*\|"));
        if (header < 0)
        {
            throw new InvalidDataException("docs/design.md has no table headed '| folder | may use |'.");
        }

        var rules = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(header + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Split('|');
            var folder = Names(cells[1]).Single();
            rules.Add(folder, Names(cells[2]).ToHashSet(StringComparer.Ordinal));
        }

        return new FolderRules(rules);
    }

    /// <summary>The folder of an engine namespace (StageMap.Engine.Conversion.Bulk: Conversion), or null for another namespace.</summary>
    public static string? FolderOf(string ns) =>
        ns == EngineNamespace ? RootFolder
        : ns.StartsWith(EngineNamespace + ".", StringComparison.Ordinal) ? ns.Substring(EngineNamespace.Length + 1).Split('.')[0]
        : null;

    /// <summary>The namespace a file in <paramref name="folder"/> declares, or begins with.</summary>
    public static string NamespaceOf(string folder) => folder == RootFolder ? EngineNamespace : $"{EngineNamespace}.{folder}";

    /// <summary>A folder order in which each comes after every folder it may use, or the folders on a cycle.</summary>
    public (IReadOnlyList<string> Order, IReadOnlyList<string> Cycle) Layers()
    {
        var order = new List<string>();
        var left = MayUse.Keys.ToHashSet(StringComparer.Ordinal);
        while (left.Count > 0)
        {
            var ready = left.Where(folder => MayUse[folder].All(used => !left.Contains(used))).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (ready.Count == 0)
            {
                return (order, left.OrderBy(f => f, StringComparer.Ordinal).ToList());
            }

            order.AddRange(ready);
            left.ExceptWith(ready);
        }

        return (order, Array.Empty<string>());
    }

    private static IEnumerable<string> Names(string cell) => Regex.Matches(cell, "`([^`]+)`").Select(m => m.Groups[1].Value);
}
