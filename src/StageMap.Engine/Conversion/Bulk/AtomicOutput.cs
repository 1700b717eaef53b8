using System;
using System.IO;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// An output file written beside its target under a temporary name and renamed over it only when the
/// whole conversion succeeded. A failed or stopped conversion deletes the temporary file and leaves
/// the target as it was (absent, or the previous file).
/// </summary>
internal sealed class AtomicOutput : IDisposable
{
    private bool _committed;

    public AtomicOutput(string path)
    {
        Path = path;
        var directory = System.IO.Path.GetDirectoryName(path);
        TempPath = System.IO.Path.Combine(string.IsNullOrEmpty(directory) ? "." : directory, $"{AtomicFile.TempPrefix}{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(path, e);
        }
    }

    public string Path { get; }

    public string TempPath { get; }

    public FileStream Stream { get; }

    /// <summary>Flushes the temporary file to disk and renames it over the target.</summary>
    public void Commit()
    {
        try
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(Path, e);
        }
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
                // Named .stagemap-*.tmp, never read as output; the next run does not trip on it.
            }
        }
    }
}
