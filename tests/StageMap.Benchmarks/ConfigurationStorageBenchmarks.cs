using System.Linq;
using BenchmarkDotNet.Attributes;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Benchmarks;

/// <summary>Reading and writing a configuration file of growing size (stages and as many lead status mappings).</summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ConfigurationStorageBenchmarks
{
    private ConfigurationContent _content = new();
    private byte[] _bytes = System.Array.Empty<byte>();

    [Params(100, 10_000)]
    public int Stages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _content = new ConfigurationContent
        {
            Stages = Enumerable.Range(1, Stages).Select(i => new Stage(i, $"Stage {i}", i)).ToList(),
            LeadStatusMappings = Enumerable.Range(1, Stages).Select(i => new LeadStatusMapping($"Status {i}", null, i)).ToList(),
        };
        _bytes = ConfigurationSerializer.ToBytes(_content);
    }

    [Benchmark]
    public byte[] Write() => ConfigurationSerializer.ToBytes(_content);

    [Benchmark]
    public ConfigurationContent Read() => ConfigurationSerializer.FromBytes(_bytes, "bench.json");
}
