using System;
using System.IO;

namespace StageMap.Engine.Storage;

/// <summary>
/// A file written so that a reader (or a crash) sees either the old bytes or the new ones, never a
/// mix: the bytes go to a temporary file beside the target, which <see cref="Commit"/> flushes to disk
/// and renames over the target. Disposed without a commit, the temporary file is deleted and the
/// target is left as it was (absent, or the previous file). A target that is a symbolic link is written
/// through: the file it points at gets the new bytes (its temp file beside it) and the link stays. The
/// replaced file's owner, group and mode pass to the new one (<see cref="FileOwnership"/>).
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    /// <summary>The prefix of the temporary files; one left by a crash is never read.</summary>
    public const string TempPrefix = ".stagemap-";

    private bool _committed;

    /// <param name="privateWhenNew">A new file (none to replace) is made readable and writable by its owner only (mode 600).</param>
    /// <exception cref="IOException">The temporary file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public AtomicFile(string path, bool privateWhenNew = false)
    {
        Path = FileLinks.FinalTarget(path);
        var directory = System.IO.Path.GetDirectoryName(Path);
        TempPath = System.IO.Path.Combine(string.IsNullOrEmpty(directory) ? "." : directory, $"{TempPrefix}{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536);
        // Before any byte is written, so a private file's new bytes are never readable by others.
        try
        {
            if (File.Exists(Path))
            {
                FileOwnership.Copy(Path, TempPath);
            }
            else if (privateWhenNew)
            {
                FileOwnership.MakePrivate(TempPath, folder: false);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The file written: the path given, or the file its symbolic link points at.</summary>
    public string Path { get; }

    public string TempPath { get; }

    /// <summary>Where the new bytes go.</summary>
    public FileStream Stream { get; }

    /// <summary>Writes <paramref name="bytes"/> as the whole new content of <paramref name="path"/>.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        using var file = new AtomicFile(path);
        file.Stream.Write(bytes, 0, bytes.Length);
        file.Commit();
    }

    /// <summary>Flushes the temporary file to disk and renames it over the target.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        if (File.Exists(Path))
        {
            File.Replace(TempPath, Path, destinationBackupFileName: null, ignoreMetadataErrors: true);
        }
        else
        {
            File.Move(TempPath, Path);
        }

        _committed = true;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed && File.Exists(TempPath))
        {
            try
            {
                File.Delete(TempPath);
            }
            catch (IOException)
            {
                // Named .stagemap-*.tmp, never read; the next write does not trip on it.
            }
        }
    }
}
