using System;
using System.IO;

namespace StageMap.Engine.Storage;

/// <summary>
/// Writes a file so that a reader (or a crash) sees either the old bytes or the new ones, never a
/// mix: write a temporary file beside it, flush it to disk, rename it over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The prefix of the temporary files; one left by a crashed save is never read.</summary>
    public const string TempPrefix = ".stagemap-";

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory))
        {
            directory = ".";
        }

        var temp = Path.Combine(directory, $"{TempPrefix}{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
