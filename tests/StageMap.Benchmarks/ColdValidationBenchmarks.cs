using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Benchmarks;

/// <summary>
/// The Sound validation of <see cref="ValidationBenchmarks"/>, one call per iteration with the CPU
/// caches evicted before each (64 MiB written): what Test-StageMapping does right after
/// Import-StageMapConfiguration, on data no earlier call left in cache. In the hot loop of
/// ValidationBenchmarks a 1,000-status configuration stays in L1/L2 while a 10,000-status one does
/// not, which inflates the 10x factor beyond the algorithm's; cold, both sizes pay the same per element.
/// </summary>
[MemoryDiagnoser]
public class ColdValidationBenchmarks
{
    private readonly byte[] _evict = new byte[64 * 1024 * 1024];
    private ConfigurationContent _sound = new();

    [Params(1_000, 10_000)]
    public int Statuses { get; set; }

    [GlobalSetup]
    public void Setup() => _sound = ValidationBenchmarks.Build(Statuses, nearMissEvery: 0);

    [IterationSetup]
    public void EvictCaches()
    {
        for (var i = 0; i < _evict.Length; i += 64)
        {
            _evict[i]++;
        }
    }

    [Benchmark]
    public IReadOnlyList<Diagnostic> SoundCold() => Validator.Validate(_sound);
}
