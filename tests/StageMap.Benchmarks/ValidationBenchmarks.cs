using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Benchmarks;

/// <summary>
/// Validating a configuration of growing size: as many stages as CRM lead statuses and contact status
/// values, all mapped 1:1, with the Lead Stage &lt;&gt; Status lookup and the Contact Stage Name
/// mapping, so every rule runs in full. Sound finds nothing; NearMisses maps every tenth status in
/// lower case, so SM003 looks each one up for its suggestion and SM004 reports the exact one
/// unmapped. Linear validation means 10x the size within 12x the time.
/// ReferenceNameJoin is the floor any hash-based check pays on the machine at hand: it only joins the
/// same four name lists through one Dictionary, as ValidationContext does before any rule runs; its
/// own 1,000 to 10,000 factor shows how much of the growth is the machine's caches and GC.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private ConfigurationContent _sound = new();
    private ConfigurationContent _nearMisses = new();

    [Params(1_000, 10_000)]
    public int Statuses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _sound = Build(Statuses, nearMissEvery: 0);
        _nearMisses = Build(Statuses, nearMissEvery: 10);
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<Diagnostic> Sound() => Validator.Validate(_sound);

    [Benchmark]
    public IReadOnlyList<Diagnostic> NearMisses() => Validator.Validate(_nearMisses);

    [Benchmark]
    public int ReferenceNameJoin()
    {
        var names = new Dictionary<string, int[]>(_sound.Stages.Count, System.StringComparer.Ordinal);
        foreach (var stage in _sound.Stages)
        {
            names[stage.Name] = new int[3];
        }

        foreach (var status in _sound.CrmMetadata.LeadStatuses)
        {
            names[status.ApiName][0]++;
        }

        foreach (var status in _sound.CrmMetadata.ContactStatuses)
        {
            names[status.ApiName][1]++;
        }

        foreach (var mapping in _sound.LeadStatusMappings)
        {
            names[mapping.CrmStatus][2]++;
        }

        return names.Count;
    }

    /// <summary>Each list gets its own string instances, as a configuration read from a file has.</summary>
    internal static ConfigurationContent Build(int size, int nearMissEvery)
    {
        var names = Enumerable.Range(1, size).Select(i => $"Status {i:00000} - Working").ToList();
        string Copy(string name) => new(name.ToCharArray());
        var lookup = new FieldMappingOptions { LookupField = true, ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true };
        return new ConfigurationContent
        {
            Stages = names.Select((n, i) => new Stage(i + 1, Copy(n), i + 1)).ToList(),
            LeadStatusMappings = names.Select((n, i) => new LeadStatusMapping(
                nearMissEvery > 0 && i % nearMissEvery == 0 ? n.ToLowerInvariant() : Copy(n), null, i + 1)).ToList(),
            FieldMappings =
            {
                new FieldMapping(CrmObject.Lead, "Stage", "Status", SyncDirection.Bidirectional, lookup),
                new FieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c", SyncDirection.Bidirectional, FieldMappingOptions.None),
            },
            CrmMetadata = new CrmMetadata
            {
                LeadStatuses = names.Select((n, i) => { var c = Copy(n); return new CrmStatus(CrmObject.Lead, c, c, IsDefault: i == 0); }).ToList(),
                ContactStatuses = names.Select(n => { var c = Copy(n); return new CrmStatus(CrmObject.Contact, c, c); }).ToList(),
            },
        };
    }
}
