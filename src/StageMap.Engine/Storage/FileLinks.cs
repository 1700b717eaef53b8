using System;
using System.IO;
using System.Reflection;

namespace StageMap.Engine.Storage;

/// <summary>
/// Symbolic links: a save writes to the file a link points at, so the link stays a link. Uses .NET 6+'s
/// FileSystemInfo.ResolveLinkTarget (found by reflection: the engine targets netstandard2.0); where it
/// does not exist (Windows PowerShell 5.1) a path is taken as it is.
/// </summary>
internal static class FileLinks
{
    private static readonly MethodInfo? ResolveLinkTarget =
        typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });

    /// <summary>The file at the end of the chain of links starting at <paramref name="path"/>, or the path itself.</summary>
    /// <exception cref="IOException">The links form a loop.</exception>
    public static string FinalTarget(string path) => FinalTarget(path, directory: false);

    /// <summary>
    /// The place <paramref name="fullPath"/> really is: each of its folders (and the path itself) that
    /// exists and is a link replaced by what it finally points at. Parts that do not exist yet are
    /// taken as they are.
    /// </summary>
    /// <exception cref="IOException">Links form a loop.</exception>
    public static string PhysicalPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "";
        var current = root;
        foreach (var part in fullPath.Substring(root.Length).Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (Directory.Exists(current) || File.Exists(current))
            {
                current = Path.GetFullPath(FinalTarget(current, Directory.Exists(current)));
            }
        }

        return current;
    }

    private static string FinalTarget(string path, bool directory)
    {
        if (ResolveLinkTarget is null || !IsLink(path))
        {
            return path;
        }

        try
        {
            FileSystemInfo link = directory ? new DirectoryInfo(path) : new FileInfo(path);
            var target = (FileSystemInfo?)ResolveLinkTarget.Invoke(link, new object[] { true });
            return target?.FullName ?? path;
        }
        catch (TargetInvocationException e) when (e.InnerException is IOException inner)
        {
            // The IOException the reflected call threw, not reflection's wrapper around it.
#pragma warning disable MA0027 // The wrapper is reflection's, not this method's: what the caller must see is the file system's error.
            throw inner;
#pragma warning restore MA0027
        }
    }

    private static bool IsLink(string path)
    {
        try
        {
            return File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
