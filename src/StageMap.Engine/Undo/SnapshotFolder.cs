using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Undo;

/// <summary>
/// Where snapshots go: by default the folder <c>&lt;name&gt;.snapshots</c> beside the configuration file
/// (<c>live-mapping.json</c> keeps them in <c>live-mapping.snapshots/</c>), one file per sync named by
/// its UTC time, so names sort as times do.
/// </summary>
public static class SnapshotFolder
{
    private const string Extension = ".json";
    private const string NameFormat = "yyyy-MM-dd'T'HHmmss.fff'Z'";

    /// <summary>The default folder of a configuration bound to <paramref name="configurationPath"/>.</summary>
    public static string For(string configurationPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configurationPath)) ?? ".", Path.GetFileNameWithoutExtension(configurationPath) + ".snapshots");

    /// <summary>
    /// The folder a writing sync puts its snapshot in: <paramref name="snapshotPath"/> when given, else
    /// the configuration's; with neither there is no place, and the sync may not write.
    /// </summary>
    /// <exception cref="StageMapException">SnapshotPathRequired.</exception>
    public static string Resolve(string? snapshotPath, string? configurationPath, bool forListing) =>
        snapshotPath ?? (configurationPath is null ? throw Failures.SnapshotPathRequired(forListing) : For(configurationPath));

    /// <summary>A new snapshot's file in <paramref name="folder"/>: its time, with -2, -3, … when a file has that name.</summary>
    public static string NewFile(string folder, DateTimeOffset takenAt)
    {
        var name = takenAt.UtcDateTime.ToString(NameFormat, CultureInfo.InvariantCulture);
        var path = Path.Combine(folder, name + Extension);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{name}-{n}{Extension}");
        }

        return path;
    }

    /// <summary>
    /// The .json files in <paramref name="folder"/> (none when it does not exist yet), by name. StageMap's
    /// own temporary and lock files (.stagemap-*) are not snapshots.
    /// </summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*" + Extension)
                .Where(f => !Path.GetFileName(f).StartsWith(AtomicFile.TempPrefix, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList()
            : Array.Empty<string>();

    /// <summary>
    /// What each snapshot file says, newest first (by the time it was taken). A file that is not a
    /// snapshot goes to <paramref name="invalid"/>, and the others are still read.
    /// </summary>
    public static IReadOnlyList<StageSnapshotInfo> Read(IEnumerable<string> files, Action<StageMapException> invalid)
    {
        var snapshots = new List<StageSnapshotInfo>();
        foreach (var file in files.Distinct(StringComparer.Ordinal))
        {
            try
            {
                snapshots.Add(StageSnapshotInfo.Of(SnapshotFile.Read(file)));
            }
            catch (StageMapException failure)
            {
                invalid(failure);
            }
        }

        return snapshots.OrderByDescending(i => i.TakenAt).ThenByDescending(i => i.Path, StringComparer.Ordinal).ToList();
    }
}
