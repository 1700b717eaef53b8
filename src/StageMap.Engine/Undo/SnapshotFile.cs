using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Undo;

/// <summary>
/// A snapshot's file: JSON, written atomically (<see cref="AtomicFile"/>, under the file's
/// <see cref="SaveLock"/>) and, when new, readable by its owner only (mode 600), since it lists
/// prospect ids. Read as strictly as a configuration file: StageMap's limits, every value checked
/// against the classes below, then what JSON alone cannot say (ids above zero, each stage once, each
/// change about a stage the snapshot lists, progress only about the change's own prospects).
/// </summary>
public static class SnapshotFile
{
    public const int SchemaVersion = 1;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>Writes the snapshot over its file (or as a new file), atomically.</summary>
    /// <param name="consequence">What a failure means for Outreach, for its message.</param>
    /// <exception cref="StageMapException">SnapshotWriteFailed.</exception>
    public static void Save(StageSnapshot snapshot, string consequence)
    {
        var bytes = ToBytes(snapshot);
        try
        {
            // A snapshot's path is a full file path, which has a folder.
            var folder = System.IO.Path.GetDirectoryName(snapshot.Path)!;
            if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                FileOwnership.MakePrivate(folder, folder: true);
            }

            var target = FileLinks.FinalTarget(snapshot.Path);
            using var held = SaveLock.Acquire(target, snapshot.Path, SaveLock.Wait, lockPath => new IOException($"another StageMap command held its lock file '{lockPath}' for more than {SaveLock.Wait.TotalSeconds:0} seconds."));
            StaleTempFiles.Remove(target, held);
            using var file = new AtomicFile(target, privateWhenNew: true);
            file.Stream.Write(bytes, 0, bytes.Length);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.SnapshotWriteFailed(snapshot.Path, e, consequence);
        }
    }

    /// <exception cref="StageMapException">SnapshotNotFound; InvalidSnapshotFile.</exception>
    public static StageSnapshot Read(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            bytes = LimitedFile.ReadAllBytes(fullPath, problem => Failures.InvalidSnapshotFile(fullPath, problem));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Failures.SnapshotNotFound(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.InvalidSnapshotFile(fullPath, e.Message, e);
        }

        return FromBytes(bytes, fullPath);
    }

    public static byte[] ToBytes(StageSnapshot snapshot) => StrictJson.ToFileBytes(ToEntry(snapshot));

    /// <exception cref="StageMapException">InvalidSnapshotFile.</exception>
    public static StageSnapshot FromBytes(byte[] bytes, string path)
    {
        var documents = StrictJson.ParseDocuments(bytes, multipleDocuments: false, (problem, e) => Failures.InvalidSnapshotFile(path, problem, e));
        if (documents.Count == 0)
        {
            throw Failures.InvalidSnapshotFile(path, "the file is empty.");
        }

        var source = new JsonSource(path, problem => Failures.InvalidSnapshotFile(path, problem));
        if (documents[0] is not JObject root)
        {
            throw source.Invalid(documents[0], $"the file must hold one JSON object, not {JsonSource.TypeName(documents[0])}.");
        }

        if (JsonSource.Get(root, "schemaVersion") is { } version && StrictJson.TryGetInt32(version, out var number) && number > SchemaVersion)
        {
            throw source.Invalid(version, $"it has schemaVersion {number}, written by a newer StageMap; this version reads schemaVersion {SchemaVersion}. Update the StageMap module to read it.");
        }

        new ContractCheck(source, StrictJson.Serializer).Check(root, typeof(SnapshotFileEntry));
        SnapshotFileEntry entry;
        try
        {
            // ToObject of a JSON object gives an object, never null.
            entry = root.ToObject<SnapshotFileEntry>(StrictJson.Serializer)!;
        }
        catch (JsonException e)
        {
            throw Failures.InvalidSnapshotFile(path, StrictJson.Describe(e), e);
        }

        return ToSnapshot(entry, root, source, path);
    }

    private static SnapshotFileEntry ToEntry(StageSnapshot snapshot) => new()
    {
        SchemaVersion = SchemaVersion,
        TakenAt = Time(snapshot.TakenAt),
        Outreach = snapshot.Outreach.GetLeftPart(UriPartial.Authority),
        Configuration = snapshot.Configuration,
        Stages = snapshot.Stages.Select(s => new SnapshotStageEntry { Id = s.Id, Name = s.Name, Order = s.Order, Color = s.Color }).ToList(),
        Changes = snapshot.Changes.Select(c => new SnapshotChangeEntry
        {
            Action = c.Kind,
            StageId = c.StageId,
            Name = c.After?.Name,
            Order = c.After?.Order,
            Color = c.After?.Color,
            Prospects = c.Kind == SnapshotChangeKind.Delete ? c.Prospects.ToList() : null,
            Result = c.Result,
            Restore = c.Restore is not { } r ? null : new RestoreEntry { NewId = r.NewId, Moved = r.Moved.ToList(), Left = r.Left.ToList(), Gone = r.Gone.ToList(), Done = r.Done },
        }).ToList(),
        RestoredAt = snapshot.RestoredAt is { } restored ? Time(restored) : null,
    };

    private static StageSnapshot ToSnapshot(SnapshotFileEntry entry, JObject root, JsonSource source, string path)
    {
        JToken At(string property, int index) => (JsonSource.Get(root, property) as JArray)?[index] ?? root;

        if (entry.SchemaVersion < 1)
        {
            throw source.Invalid((JsonSource.Get(root, "schemaVersion") ?? root), $"schemaVersion {entry.SchemaVersion} does not exist.");
        }

        var takenAt = ParseTime(entry.TakenAt, (JsonSource.Get(root, "takenAt") ?? root), source, "takenAt");
        if (!Uri.TryCreate(entry.Outreach, UriKind.Absolute, out var outreach) || outreach.Scheme is not ("https" or "http"))
        {
            throw source.Invalid((JsonSource.Get(root, "outreach") ?? root), $"outreach must be the address of an Outreach instance, not '{entry.Outreach}'.");
        }

        var stages = new List<SnapshotStage>();
        for (var i = 0; i < entry.Stages.Count; i++)
        {
            var stage = entry.Stages[i];
            if (stage.Id < 1)
            {
                throw source.Invalid(At("stages", i), $"stage '{stage.Name}' has id {stage.Id}; Outreach's stage ids are whole numbers above zero.");
            }

            if (stages.Any(s => s.Id == stage.Id))
            {
                throw source.Invalid(At("stages", i), $"stage id {stage.Id} is listed twice.");
            }

            stages.Add(new SnapshotStage(stage.Id, stage.Name, stage.Order, stage.Color));
        }

        var changes = new List<SnapshotChange>();
        var saved = 0;
        for (var i = 0; i < entry.Changes.Count; i++)
        {
            var change = entry.Changes[i];
            var at = At("changes", i);
            if (stages.All(s => s.Id != change.StageId))
            {
                throw source.Invalid(at, $"a change is about stage {change.StageId}, which the snapshot's stages do not list.");
            }

            if (changes.Any(c => c.StageId == change.StageId))
            {
                throw source.Invalid(at, $"stage {change.StageId} has two changes.");
            }

            var after = new StageAttributes(change.Name, change.Order, change.Color);
            var shapeProblem = change.Action == SnapshotChangeKind.Update
                ? after.IsEmpty ? "an Update change says which new name, order or color the sync gave the stage."
                    : change.Prospects is not null ? "an Update change lists no prospects." : null
                : !after.IsEmpty ? "a Delete change gives no new name, order or color."
                    : change.Prospects is null ? "a Delete change lists the prospects on its stage." : null;
            if (shapeProblem is not null)
            {
                throw source.Invalid(at, shapeProblem);
            }

            var prospects = change.Prospects ?? new List<int>();
            if (prospects.Any(id => id < 1) || prospects.Distinct().Count() != prospects.Count)
            {
                throw source.Invalid(at, $"the prospects of stage {change.StageId} must be distinct ids above zero.");
            }

            saved += prospects.Count;
            if (saved > StageSnapshot.MaxSavedProspects)
            {
                throw source.Invalid(at, $"it saves more than {StageSnapshot.MaxSavedProspects:N0} prospects, more than a snapshot holds.");
            }

            changes.Add(new SnapshotChange(change.Action, change.StageId, change.Action == SnapshotChangeKind.Update ? after : null, prospects)
            {
                Result = change.Result,
                Restore = ToProgress(change, prospects, at, source),
            });
        }

        var restoredAt = entry.RestoredAt is { } text ? ParseTime(text, (JsonSource.Get(root, "restoredAt") ?? root), source, "restoredAt") : (DateTimeOffset?)null;
        return new StageSnapshot(path, takenAt, outreach, entry.Configuration, stages, changes) { RestoredAt = restoredAt };
    }

    private static RestoreProgress? ToProgress(SnapshotChangeEntry change, List<int> prospects, JToken at, JsonSource source)
    {
        if (change.Restore is not { } entry)
        {
            return null;
        }

        var handled = entry.Moved.Concat(entry.Left).Concat(entry.Gone).ToList();
        var saved = new HashSet<int>(prospects);
        if (handled.Distinct().Count() != handled.Count || handled.Any(id => !saved.Contains(id)))
        {
            throw source.Invalid(at, $"the restore of stage {change.StageId} lists a prospect twice, or one the stage did not hold.");
        }

        if (entry.NewId is < 1)
        {
            throw source.Invalid(at, $"the restore of stage {change.StageId} gives it the new id {entry.NewId}; Outreach's stage ids are whole numbers above zero.");
        }

        var progress = new RestoreProgress { NewId = entry.NewId, Done = entry.Done };
        progress.Moved.AddRange(entry.Moved);
        progress.Left.AddRange(entry.Left);
        progress.Gone.AddRange(entry.Gone);
        return progress;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text, JToken at, JsonSource source, string name) =>
        DateTimeOffset.TryParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw source.Invalid(at, $"{name} must be a UTC time such as 2026-12-01T10:15:30.000Z, not '{text}'.");
}

// The file's JSON shape, kept apart from the model so it changes only on purpose (with SnapshotFile.SchemaVersion).
// These classes are also the schema ContractCheck holds a file to before it is deserialized.

internal sealed class SnapshotFileEntry
{
    [JsonProperty("schemaVersion", Required = Required.Always, Order = 0)]
    public int SchemaVersion { get; set; }

    [JsonProperty("takenAt", Required = Required.Always, Order = 1)]
    public string TakenAt { get; set; } = "";

    [JsonProperty("outreach", Required = Required.Always, Order = 2)]
    public string Outreach { get; set; } = "";

    [JsonProperty("configuration", NullValueHandling = NullValueHandling.Ignore, Order = 3)]
    public string? Configuration { get; set; }

    [JsonProperty("stages", Required = Required.Always, Order = 4)]
    public List<SnapshotStageEntry> Stages { get; set; } = new();

    [JsonProperty("changes", Required = Required.Always, Order = 5)]
    public List<SnapshotChangeEntry> Changes { get; set; } = new();

    [JsonProperty("restoredAt", NullValueHandling = NullValueHandling.Ignore, Order = 6)]
    public string? RestoredAt { get; set; }
}

internal sealed class SnapshotStageEntry
{
    [JsonProperty("id", Required = Required.Always)]
    public int Id { get; set; }

    [JsonProperty("name", Required = Required.Always), NameText]
    public string Name { get; set; } = "";

    [JsonProperty("order", NullValueHandling = NullValueHandling.Ignore)]
    public int? Order { get; set; }

    [JsonProperty("color", NullValueHandling = NullValueHandling.Ignore)]
    public string? Color { get; set; }
}

internal sealed class SnapshotChangeEntry
{
    [JsonProperty("action", Required = Required.Always, Order = 0)]
    public SnapshotChangeKind Action { get; set; }

    [JsonProperty("stageId", Required = Required.Always, Order = 1)]
    public int StageId { get; set; }

    /// <summary>Update: the name the sync gave the stage.</summary>
    [JsonProperty("name", NullValueHandling = NullValueHandling.Ignore, Order = 2), NameText]
    public string? Name { get; set; }

    [JsonProperty("order", NullValueHandling = NullValueHandling.Ignore, Order = 3)]
    public int? Order { get; set; }

    [JsonProperty("color", NullValueHandling = NullValueHandling.Ignore, Order = 4)]
    public string? Color { get; set; }

    [JsonProperty("result", Required = Required.Always, Order = 5)]
    public SnapshotChangeResult Result { get; set; }

    /// <summary>Delete: the ids of the prospects on the stage.</summary>
    [JsonProperty("prospects", NullValueHandling = NullValueHandling.Ignore, Order = 6), JsonConverter(typeof(IdListConverter))]
    public List<int>? Prospects { get; set; }

    [JsonProperty("restore", NullValueHandling = NullValueHandling.Ignore, Order = 7)]
    public RestoreEntry? Restore { get; set; }
}

internal sealed class RestoreEntry
{
    [JsonProperty("newId", NullValueHandling = NullValueHandling.Ignore, Order = 0)]
    public int? NewId { get; set; }

    [JsonProperty("moved", Required = Required.Always, Order = 1), JsonConverter(typeof(IdListConverter))]
    public List<int> Moved { get; set; } = new();

    [JsonProperty("left", Required = Required.Always, Order = 2), JsonConverter(typeof(IdListConverter))]
    public List<int> Left { get; set; } = new();

    [JsonProperty("gone", Required = Required.Always, Order = 3), JsonConverter(typeof(IdListConverter))]
    public List<int> Gone { get; set; } = new();

    [JsonProperty("done", Order = 4)]
    public bool Done { get; set; }
}

/// <summary>Writes a list of ids on one line ([1,2,3]), so a snapshot of many prospects stays a readable file.</summary>
internal sealed class IdListConverter : JsonConverter<List<int>>
{
    public override void WriteJson(JsonWriter writer, List<int>? value, JsonSerializer serializer) =>
        writer.WriteRawValue("[" + string.Join(",", (value ?? new List<int>()).Select(id => id.ToString(CultureInfo.InvariantCulture))) + "]");

    public override List<int> ReadJson(JsonReader reader, Type objectType, List<int>? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        JArray.Load(reader).Select(token => token.Value<int>()).ToList();
}
