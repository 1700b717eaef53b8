using System;
using System.Diagnostics;
using System.IO;

namespace StageMap.Engine.Tests.Support;

/// <summary>
/// Path helpers the tests need on both runtimes they build for: .NET has them built in; .NET Framework
/// (the net472 build run on Mono) lacks them.
/// </summary>
public static class PortablePaths
{
    /// <summary><paramref name="path"/> relative to the folder <paramref name="root"/>.</summary>
    public static string Relative(string root, string path)
    {
#if NET
        return Path.GetRelativePath(root, path);
#else
        var folder = new Uri(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar);
        return Uri.UnescapeDataString(folder.MakeRelativeUri(new Uri(path)).ToString()).Replace('/', Path.DirectorySeparatorChar);
#endif
    }

    /// <summary>A symbolic link at <paramref name="link"/> to the folder <paramref name="target"/>.</summary>
    public static void LinkFolder(string link, string target)
    {
#if NET
        Directory.CreateSymbolicLink(link, target);
#else
        // Mono on Linux and macOS: the system's ln, as .NET Framework has no API for it.
        using var ln = Process.Start(new ProcessStartInfo("ln", $"-s \"{target}\" \"{link}\"") { UseShellExecute = false })!;
        ln.WaitForExit();
        if (ln.ExitCode != 0)
        {
            throw new IOException($"ln -s '{target}' '{link}' failed with exit code {ln.ExitCode}.");
        }
#endif
    }
}
