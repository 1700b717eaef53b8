using System;
using System.IO;
using System.Reflection;

namespace StageMap.Engine.Storage;

/// <summary>
/// A replaced file's Unix owner, group and mode, given to its replacement before the rename, so a save
/// keeps a <c>chmod 600</c> file private and a file owned by a service account owned by it. The mode
/// uses .NET 7+'s File.GetUnixFileMode/SetUnixFileMode (found by reflection: the engine targets
/// netstandard2.0); the owner needs <see cref="Posix"/>. On Windows this does nothing: File.Replace
/// keeps the replaced file's ACL and attributes itself.
/// </summary>
internal static class FileOwnership
{
    private const uint Unchanged = uint.MaxValue;

    private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

    private static readonly MethodInfo? SetMode = GetMode is null
        ? null
        : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetMode.ReturnType });

    /// <summary>Gives <paramref name="replacement"/> the owner, group and mode of <paramref name="original"/>.</summary>
    /// <remarks>
    /// An owner the saving user may not give (anyone but root giving a file away) is left as the saving
    /// user, as any editor's save would; the group is kept where the user belongs to it.
    /// </remarks>
    public static void Copy(string original, string replacement)
    {
        if (!Posix.IsUnix)
        {
            return;
        }

        CopyOwner(original, replacement);
        CopyMode(original, replacement);
    }

    /// <summary>
    /// Makes a file readable and writable by its owner only (mode 600), a folder usable by its owner
    /// only (700), as chmod would. Nothing on Windows, where a new file takes its folder's ACL.
    /// </summary>
    public static void MakePrivate(string path, bool folder)
    {
        if (!Posix.IsUnix || GetMode is null || SetMode is null)
        {
            return;
        }

        const int ownerReadWrite = 0x180; // 0600
        const int ownerAll = 0x1C0; // 0700
        try
        {
            SetMode.Invoke(null, new[] { path, Enum.ToObject(GetMode.ReturnType, folder ? ownerAll : ownerReadWrite) });
        }
        catch (TargetInvocationException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw e.InnerException;
        }
    }

    private static void CopyOwner(string original, string replacement)
    {
        if (Posix.OwnerOf(original) is not { } owner || Posix.OwnerOf(replacement) is not { } current || owner == current)
        {
            return;
        }

        if (!Posix.TryChangeOwner(replacement, owner.User, owner.Group))
        {
            Posix.TryChangeOwner(replacement, Unchanged, owner.Group);
        }
    }

    // After the owner: chown clears the set-user-id and set-group-id bits.
    private static void CopyMode(string original, string replacement)
    {
        if (GetMode is null || SetMode is null)
        {
            return;
        }

        try
        {
            SetMode.Invoke(null, new[] { replacement, GetMode.Invoke(null, new object[] { original }) });
        }
        catch (TargetInvocationException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw e.InnerException;
        }
    }
}
