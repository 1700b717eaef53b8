using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Undo;

namespace StageMap.Fuzz;

/// <summary>One reader under fuzz: the fixtures it starts from, and how it reads a file's bytes.</summary>
/// <param name="Read">Reads the bytes (named as the fixture); returns the text made of them, checked for U+FFFD, or null.</param>
public sealed record FuzzTarget(string Name, IReadOnlyList<Fixture> Fixtures, Func<byte[], string, string?> Read);

/// <summary>A well-formed file the mutations start from.</summary>
public sealed record Fixture(string Name, byte[] Bytes);

/// <summary>Every reader of the engine, each over the fixtures of its formats (tests/fixtures).</summary>
public static class FuzzTargets
{
    public const string ContactStatusField = "Contact_Status__c";

    public static string FixturesDirectory { get; } = Path.Combine(FindRepositoryRoot(), "tests", "fixtures");

    public static IReadOnlyList<FuzzTarget> All { get; } = Create();

    /// <summary>Every fixture, for splicing one file into another.</summary>
    public static IReadOnlyList<byte[]> Pool { get; } = Directory.GetFiles(FixturesDirectory, "*", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();

    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    /// <summary>The fixture whose file name an AFL case is read under (readers look at the name too): chosen by the case's length.</summary>
    public static Fixture NameFor(FuzzTarget target, byte[] bytes) => target.Fixtures[bytes.Length % target.Fixtures.Count];

    /// <summary>The configuration the record readers convert with (the standard sync mapping).</summary>
    public static StageMapConfiguration StandardConfiguration() =>
        new(ConfigurationSerializer.FromBytes(File.ReadAllBytes(Path.Combine(FixturesDirectory, "conversion", "standard-sync-mapping.json")), "standard-sync-mapping.json"));

    private static IReadOnlyList<FuzzTarget> Create()
    {
        var configuration = StandardConfiguration();
        var pull = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        var push = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Push);
        return new[]
        {
            new FuzzTarget("configuration", Load("conversion/standard-sync-mapping.json", "stagemap/standard-org-lead-metadata.json", "stagemap/record-types-configuration.json"), ReadConfiguration),
            new FuzzTarget("metadata", Load(Directory.GetFiles(Path.Combine(FixturesDirectory, "salesforce")).Select(f => "salesforce/" + Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray()).Concat(RecordTypeSources()).ToList(), ReadMetadata),
            new FuzzTarget("outreach-stages", Load("outreach/outreach_api_stages__stagemap.json", "outreach/outreach_stages__stagemap.jsonl"), (bytes, name) => Describe(OutreachStageReader.Read(bytes, name).Stages)),
            new FuzzTarget("records-csv", Load("conversion/leads-lf.csv", "conversion/leads-utf8-bom-crlf.csv", "conversion/contacts.csv", "salesforce/dataloader_extract_LeadStatus__stagemap.csv"), (bytes, name) => Convert(pull, bytes, name, RecordFileFormat.Csv)),
            new FuzzTarget("records-json", Load("conversion/prospects-array.json", "salesforce/sf_rest_query_LeadStatus__stagemap.json", "salesforce/sf_query_Account_Contacts_wiremock__sf-fx-runtime-java.json"), (bytes, name) => Convert(push, bytes, name, RecordFileFormat.Json)),
            new FuzzTarget("records-jsonl", Load("conversion/prospects.jsonl", "outreach/outreach_stages__stagemap.jsonl"), (bytes, name) => Convert(push, bytes, name, RecordFileFormat.JsonLines)),
            new FuzzTarget("snapshot", Load("stagemap/snapshot-restore-pending.json"), ReadSnapshot),
        };
    }

    /// <summary>The record type sources of the SFDX fixture project, named by their place in it: the reader tells their object from it.</summary>
    private static IEnumerable<Fixture> RecordTypeSources() => new[]
    {
        "objects/Lead/businessProcesses/Partner Process.businessProcess-meta.xml",
        "objects/Lead/recordTypes/Partner_Lead.recordType-meta.xml",
        "objects/Contact/recordTypes/Customer_Contact.recordType-meta.xml",
    }.Select(f => new Fixture(f, File.ReadAllBytes(Path.Combine(FixturesDirectory, "salesforce", "record_types_sfdx_project__stagemap", "force-app", "main", "default", f))));

    private static string? ReadConfiguration(byte[] bytes, string name)
    {
        // What ConfigurationStore.Load does with a file's bytes.
        var configuration = new StageMapConfiguration(ConfigurationSerializer.FromBytes(bytes, name));
        return Encoding.UTF8.GetString(ConfigurationSerializer.ToBytes(configuration.GetContent()));
    }

    private static string? ReadSnapshot(byte[] bytes, string name)
    {
        // What Get-StageMapSnapshot and Restore-OutreachStage do with a file's bytes, and what a checkpoint writes back.
        var snapshot = SnapshotFile.FromBytes(bytes, name);
        return StageSnapshotInfo.Of(snapshot).Changes + "\n" + Encoding.UTF8.GetString(SnapshotFile.ToBytes(snapshot));
    }

    private static string? ReadMetadata(byte[] bytes, string name)
    {
        var file = MetadataReader.Read(bytes, name, ContactStatusField);
        var known = CrmMetadataMerger.Merge(StageMapConfiguration.CreateDefault().CrmMetadata, new[] { file });
        return string.Join("\n", known.LeadStatuses.Select(s => $"{s.ApiName}|{s.Label}|{s.Id}").Concat(known.ContactStatuses.Select(s => $"{s.ApiName}|{s.Label}"))
            .Concat(file.Processes.Select(p => $"{p.Name}|{string.Join("|", p.Values)}"))
            .Concat(file.RecordTypes.Select(r => $"{r.DeveloperName}|{r.Label}|{r.BusinessProcess}|{string.Join("|", r.Values ?? System.Array.Empty<string>())}")));
    }

    private static string Describe(IEnumerable<object> items) => string.Join("\n", items);

    /// <summary>The bulk conversion's streaming loop over memory: CSV output with a CSV (or JSON Lines) reject file, then JSON.</summary>
    private static string? Convert(ConversionPlan plan, byte[] bytes, string name, RecordFileFormat format)
    {
        var text = new StringBuilder();
        foreach (var outputFormat in new[] { RecordFileFormat.Csv, RecordFileFormat.Json })
        {
            using var output = new MemoryStream();
            using var rejects = new MemoryStream();
            var rejectFormat = format == RecordFileFormat.Csv ? RecordFileFormat.Csv : RecordFileFormat.JsonLines;
            var job = new BulkConversion { InputPath = name, OutputPath = "out", RejectPath = "rejects", EscapeFormula = outputFormat == RecordFileFormat.Json };
            var streams = new BulkStreams(new MemoryStream(bytes, writable: false), format, output, outputFormat, rejects, rejectFormat);
            var (read, written, rejected) = BulkConverter.Transfer(plan, job, streams, new MissingFieldTally(plan), null, null, null, Stopwatch.StartNew(), default);
            if (read != written + rejected)
            {
                throw new InvalidOperationException($"{read} records read, {written} written and {rejected} rejected.");
            }

            text.Append(Encoding.UTF8.GetString(output.ToArray())).Append(Encoding.UTF8.GetString(rejects.ToArray()));
        }

        return text.ToString();
    }

    private static IReadOnlyList<Fixture> Load(params string[] relativePaths) =>
        relativePaths.Select(p => new Fixture(Path.GetFileName(p), File.ReadAllBytes(Path.Combine(FixturesDirectory, p)))).ToList();

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StageMapPS.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("StageMapPS.sln not found above the fuzz binaries.");
    }
}
