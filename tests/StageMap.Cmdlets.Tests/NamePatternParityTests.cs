using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// The engine's NamePattern (PowerShell-free, so the engine can own the Get- cmdlets' name selection)
/// against PowerShell's own WildcardPattern, over patterns and names drawn from a fixed seed out of the
/// characters that matter: letters in both cases, spaces, dashes, *, ?, [, ] and the backtick.
/// </summary>
public class NamePatternParityTests
{
    private const string Alphabet = "aAbBcz -*?[]`";

    private static readonly Type NamePattern = Assembly.LoadFrom(Path.Combine(ModuleSession.ModulePath, "bin", "net8.0", "StageMap.Engine.dll")).GetType("StageMap.Engine.Text.NamePattern", throwOnError: true)!;

    [Fact]
    public void The_engine_reads_wildcards_as_PowerShell_does()
    {
        var random = new Random(15);
        var differences = new List<string>();
        var compared = 0;
        for (var i = 0; i < 4000 && differences.Count < 10; i++)
        {
            var pattern = Draw(random, 1 + random.Next(7));
            var hasWildcards = (bool)NamePattern.GetMethod("HasWildcards")!.Invoke(null, new object[] { pattern })!;
            if (hasWildcards != WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                differences.Add($"HasWildcards('{pattern}') is {hasWildcards}");
            }

            var powershell = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            object? engine;
            try
            {
                engine = NamePattern.GetMethod("Parse")!.Invoke(null, new object[] { pattern });
            }
            catch (TargetInvocationException e) when (e.InnerException?.GetType().Name == "StageMapException")
            {
                engine = null;
            }

            for (var j = 0; j < 8; j++)
            {
                var name = j == 0 ? pattern : Draw(random, random.Next(8));
                bool? expected;
                try
                {
                    expected = powershell.IsMatch(name);
                }
                catch (WildcardPatternException)
                {
                    expected = null;
                }

                var actual = engine is null ? (bool?)null : (bool)NamePattern.GetMethod("IsMatch")!.Invoke(engine, new object[] { name })!;
                compared++;
                if (actual != expected)
                {
                    differences.Add($"'{pattern}' on '{name}': PowerShell {expected?.ToString() ?? "invalid"}, engine {actual?.ToString() ?? "invalid"}");
                }
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count} differences in {compared} comparisons:\n" + string.Join("\n", differences));
    }

    private static string Draw(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return text.ToString();
    }
}
