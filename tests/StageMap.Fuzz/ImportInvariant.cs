using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Fuzz;

/// <summary>
/// "A failed import changes nothing": a configuration bound to a file imports mutated metadata files and
/// stage lists the way Import-CrmMetadata and Import-OutreachStage do (one edit, read, merge, save).
/// After every refusal the configuration and its file must be byte for byte as they were.
/// </summary>
public sealed class ImportInvariant : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "stagemap-fuzz-" + Guid.NewGuid().ToString("N"));
    private readonly StageMapConfiguration _configuration;

    public ImportInvariant()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "mapping.json");
        File.Copy(Path.Combine(FuzzTargets.FixturesDirectory, "conversion", "standard-sync-mapping.json"), path);
        _configuration = ConfigurationStore.Load(path);
    }

    public string ConfigurationPath => _configuration.Path!;

    /// <summary>Imports mutations of every metadata and stage fixture; returns the cases that changed a configuration they failed to change.</summary>
    public FuzzRun Run(int seed, int iterations)
    {
        var run = new FuzzRun();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var target in new[] { FuzzTargets.Named("metadata"), FuzzTargets.Named("outreach-stages") })
        {
            var import = target.Name == "metadata" ? (Action<byte[], string>)ImportMetadata : ImportStages;
            for (var iteration = 0; iteration < iterations && !run.Hung; iteration++)
            {
                for (var f = 0; f < target.Fixtures.Count && !run.Hung; f++)
                {
                    var fixture = target.Fixtures[f];
                    var (bytes, mutation) = MutationFuzzer.Case(fixture, seed, f, iteration);
                    var check = new FuzzTarget("import " + target.Name, target.Fixtures, (b, name) => Imported(b, name, import));
                    MutationFuzzer.Check(check, fixture, bytes, run, finding => finding with { Seed = seed, Iteration = iteration, Mutation = mutation });
                }
            }
        }

        run.Elapsed = clock.Elapsed;
        return run;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Imports; on a refusal checks that nothing changed (a change is an InvalidOperationException, so a finding), and refuses again.</summary>
    private string? Imported(byte[] bytes, string name, Action<byte[], string> import)
    {
        var contentBefore = ConfigurationSerializer.ToBytes(_configuration.GetContent());
        var fileBefore = File.ReadAllBytes(ConfigurationPath);
        try
        {
            import(bytes, name);
            return null;
        }
        catch (StageMapException refused)
        {
            if (!ConfigurationSerializer.ToBytes(_configuration.GetContent()).SequenceEqual(contentBefore))
            {
                throw new InvalidOperationException("The import was refused but the configuration changed.", refused);
            }

            if (!File.ReadAllBytes(ConfigurationPath).SequenceEqual(fileBefore))
            {
                throw new InvalidOperationException("The import was refused but the configuration file changed.", refused);
            }

            throw;
        }
    }

    private void ImportMetadata(byte[] bytes, string name)
    {
        using var edit = _configuration.BeginEdit();
        var file = MetadataReader.Read(bytes, name, _configuration.CrmMetadata.ContactStatusField);
        _configuration.ImportCrmMetadata(new[] { file });
        edit.Complete();
    }

    private void ImportStages(byte[] bytes, string name)
    {
        using var edit = _configuration.BeginEdit();
        var file = OutreachStageReader.Read(bytes, name);
        _configuration.ImportStages(file, merge: bytes.Length % 2 == 0, force: false);
        edit.Complete();
    }
}
