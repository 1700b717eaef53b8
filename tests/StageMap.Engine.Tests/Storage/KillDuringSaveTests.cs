using System;
using System.IO;
using System.Linq;
using System.Threading;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace StageMap.Engine.Tests.Storage;

/// <summary>A process killed mid-save leaves the old file or the new one, and the next save cleans up after it.</summary>
public sealed class KillDuringSaveTests : IDisposable
{
    private const int Trials = 50;
    private const int Seed = 8;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();
    private readonly ITestOutputHelper _output;

    public KillDuringSaveTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Fifty_kills_during_saves_leave_a_whole_file_and_the_next_save_works_and_cleans_up()
    {
        var path = _folder.File("m.json");
        var configuration = StageMapConfiguration.CreateDefault();
        for (var i = 0; i < 2000; i++)
        {
            configuration.AddStage($"Stage {i:D4} with a name long enough to make the file take a while to write");
        }

        ConfigurationStore.Create(configuration, path, force: false);
        var wholeFiles = new[] { Experience.ClassicPlugin, Experience.EnhancedCrmSync }
            .Select(experience => Convert.ToBase64String(BytesWith(configuration, experience)))
            .ToHashSet();
        var random = new Random(Seed);
        var leftBehind = 0;

        for (var trial = 0; trial < Trials; trial++)
        {
            using (var probe = ProbeProcess.Churn(path))
            {
                Assert.Equal("ready", probe.Output.ReadLine());
                Thread.Sleep(random.Next(0, 25));
                probe.Kill();
            }

            Assert.Contains(Convert.ToBase64String(File.ReadAllBytes(path)), wholeFiles);
            leftBehind += TempFiles().Length;

            var next = ConfigurationStore.Load(path);
            next.SetExperience(Experience.ClassicPlugin);
            ConfigurationStore.Save(next);
            Assert.Empty(TempFiles());
        }

        _output.WriteLine($"{leftBehind} of {Trials} kills left a temp file, each removed by the next save.");
    }

    private static byte[] BytesWith(StageMapConfiguration configuration, Experience experience)
    {
        var content = configuration.GetContent();
        content.Experience = experience;
        return ConfigurationSerializer.ToBytes(content);
    }

    private string[] TempFiles() => Directory.GetFiles(_folder.Path, "*.tmp");
}
