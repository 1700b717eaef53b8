using System;
using System.IO;
using System.Runtime.InteropServices;

namespace StageMap.Engine.Storage;

/// <summary>
/// The few POSIX calls .NET does not expose to a netstandard2.0 library: flock, and a file's owner.
/// Only called on Linux and macOS. <c>SystemNative_Stat</c> is .NET's own portable stat (in every .NET
/// runtime on Unix): its first fields (flags, mode, uid, gid) are the same on every architecture, which
/// libc's struct stat is not.
/// </summary>
internal static class Posix
{
    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;
    private const int StatBufferSize = 512;
    private const int WouldBlockLinux = 11;
    private const int WouldBlockMac = 35;

    public static bool IsUnix { get; } = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>Takes flock's exclusive lock on an open file without waiting.</summary>
    /// <returns>False when another open file holds it; true when taken, or when the file system has no flock.</returns>
    public static bool TryLockExclusive(FileStream file)
    {
        try
        {
            if (flock(Descriptor(file), LockExclusive | LockNonBlocking) == 0)
            {
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }

        return !IsWouldBlock(Marshal.GetLastWin32Error());
    }

    /// <summary>EWOULDBLOCK: a lock held elsewhere (.NET on Unix puts the errno in an IOException's HResult).</summary>
    public static bool IsWouldBlock(int errno) => errno is WouldBlockLinux or WouldBlockMac;

    /// <summary>The owner and group of a file (following links), or null when they cannot be read.</summary>
    public static (uint User, uint Group)? OwnerOf(string path)
    {
        var buffer = Marshal.AllocHGlobal(StatBufferSize);
        try
        {
            if (SystemNative_Stat(path, buffer) != 0)
            {
                return null;
            }

            return ((uint)Marshal.ReadInt32(buffer, 8), (uint)Marshal.ReadInt32(buffer, 12));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }

    /// <returns>False when the caller may not give the file that owner or group.</returns>
    public static bool TryChangeOwner(string path, uint user, uint group)
    {
        try
        {
            return chown(path, user, group) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static int Descriptor(FileStream file) => (int)file.SafeFileHandle.DangerousGetHandle();

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int fd, int operation);

    [DllImport("libc", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPStr)] string path, uint owner, uint group);

    [DllImport("libSystem.Native", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SystemNative_Stat([MarshalAs(UnmanagedType.LPStr)] string path, IntPtr output);
}
