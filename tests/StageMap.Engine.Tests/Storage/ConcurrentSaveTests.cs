using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>Several processes saving one file: each save lands or is refused, none is lost.</summary>
public sealed class ConcurrentSaveTests : IDisposable
{
    private const int Processes = 4;
    private const int EditsEach = 200;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Four_processes_making_200_edits_each_lose_none_that_were_reported_saved()
    {
        var path = _folder.File("m.json");
        var prefixes = Enumerable.Range(1, Processes).Select(p => $"p{p}").ToList();
        var configuration = StageMapConfiguration.CreateDefault(withDefaultStages: false);
        foreach (var name in prefixes.SelectMany(p => Enumerable.Range(1, EditsEach).Select(i => $"{p}-{i}")))
        {
            configuration.AddStage(name);
        }

        ConfigurationStore.Create(configuration, path, force: false);

        var probes = prefixes.Select(p => ProbeProcess.Map(path, p, EditsEach)).ToList();
        var reported = (await Task.WhenAll(probes.Select(p => Task.Run(p.ReadToEnd)))).SelectMany(lines => lines).ToList();
        probes.ForEach(p => p.Dispose());

        var saved = ConfigurationStore.Load(path).LeadStatusMappings.Select(m => m.CrmStatus).ToHashSet();
        Assert.Equal(Processes * EditsEach, reported.Count);
        var lost = reported.Where(status => !saved.Contains(status)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} saved edits are missing: {string.Join(", ", lost.Take(10))}");
    }
}
