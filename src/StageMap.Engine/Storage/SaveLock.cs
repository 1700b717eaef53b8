using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace StageMap.Engine.Storage;

/// <summary>
/// The exclusive right to write one file, held from "check the file's stamp" to "rename the new file
/// over it", so two savers (processes, or sessions in one process) cannot both pass the check and the
/// second overwrite the first. It is the lock file <c>.stagemap-NAME.lock</c> beside the file, opened
/// without sharing (Windows refuses a second opener) and locked with flock (Linux, macOS; taken
/// explicitly, so the lock holds even where .NET's own file locking is switched off).
/// </summary>
/// <remarks>
/// The lock file is left in place, empty: deleting it on release would let a saver waiting on the old
/// file and a newcomer creating a new one both hold "the" lock. The operating system releases the
/// lock when the holder's process ends, however it ends, so a crash never leaves the file locked.
/// On a file system without flock (some network shares) the lock is .NET's sharing check alone.
/// </remarks>
internal sealed class SaveLock : IDisposable
{
    /// <summary>How long a save waits for another saver of the same file before it is refused.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private const string Suffix = ".lock";

    private readonly FileStream _file;

    private SaveLock(FileStream file, DateTime acquiredUtc)
    {
        _file = file;
        AcquiredUtc = acquiredUtc;
    }

    /// <summary>When the lock was taken: a temp file of this target written before then is a crashed save's.</summary>
    public DateTime AcquiredUtc { get; }

    public static string PathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? ".", $"{AtomicFile.TempPrefix}{Path.GetFileName(target)}{Suffix}");

    /// <summary>Takes the lock of <paramref name="target"/>, waiting up to <paramref name="wait"/> for another holder.</summary>
    /// <param name="busy">The failure when another holder kept it all that time (given the lock file's path); a configuration's by default.</param>
    /// <exception cref="StageMapException">ConfigurationChangedOnDisk: another saver held it all that time (<paramref name="shownPath"/> names the file).</exception>
    /// <exception cref="IOException">The lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder cannot be written.</exception>
    public static SaveLock Acquire(string target, string shownPath, TimeSpan wait, Func<string, Exception>? busy = null)
    {
        var lockPath = PathFor(target);
        var random = new Random(Guid.NewGuid().GetHashCode());
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var file = TryOpen(lockPath);
            if (file is not null)
            {
                return new SaveLock(file, DateTime.UtcNow);
            }

            if (clock.Elapsed >= wait)
            {
                throw busy?.Invoke(lockPath) ?? Failures.ConfigurationBeingSaved(shownPath, lockPath, wait);
            }

            Thread.Sleep(random.Next(5, 30));
        }
    }

    public void Dispose() => _file.Dispose();

    private static FileStream? TryOpen(string lockPath)
    {
        FileStream file;
        try
        {
            file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            return null;
        }

        if (Posix.IsUnix && !Posix.TryLockExclusive(file))
        {
            file.Dispose();
            return null;
        }

        return file;
    }

    private static bool IsSharingViolation(IOException e)
    {
        if (Posix.IsUnix && Posix.IsWouldBlock(e.HResult))
        {
            return true;
        }

        // Windows reports a file held elsewhere as ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION in a Win32
        // HRESULT (0x8007xxxx). So does Mono, which emulates Windows share modes on Unix as well; .NET on Unix
        // puts a bare errno in HResult instead, which never carries that facility.
        const int win32Facility = unchecked((int)0x80070000);
        const int sharingViolation = 32;
        const int lockViolation = 33;
        return (e.HResult & unchecked((int)0xFFFF0000)) == win32Facility && (e.HResult & 0xFFFF) is sharingViolation or lockViolation;
    }
}
