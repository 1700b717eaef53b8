using System;
using System.IO;
using System.Text.RegularExpressions;

namespace StageMap.Engine.Storage;

/// <summary>
/// Temp files that a save killed mid-write left beside its target. Only the module's own name for that
/// target (<c>.stagemap-NAME.&lt;32 hex digits&gt;.tmp</c>) is touched, only by a saver holding the
/// target's <see cref="SaveLock"/>, and only when written before the lock was taken: every saver writes
/// its temp file while holding the lock, so an older one belongs to a saver that no longer runs.
/// </summary>
internal static class StaleTempFiles
{
    /// <returns>How many were removed.</returns>
    public static int Remove(string target, SaveLock held)
    {
        var folder = Path.GetDirectoryName(target) ?? ".";
        var ours = new Regex("^" + Regex.Escape(AtomicFile.TempPrefix + Path.GetFileName(target)) + @"\.[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant);
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(folder, AtomicFile.TempPrefix + "*.tmp"))
        {
            if (!ours.IsMatch(Path.GetFileName(file)))
            {
                continue;
            }

            try
            {
                if (File.GetLastWriteTimeUtc(file) < held.AcquiredUtc)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later save; it is never read.
            }
        }

        return removed;
    }
}
