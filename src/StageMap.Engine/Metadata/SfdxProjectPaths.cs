using System;
using System.IO;
using System.Runtime.InteropServices;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Where an SFDX writer may write: only under the project folder. A package directory of
/// sfdx-project.json, or a file name built from the configuration, that leads outside it (an absolute
/// path, one that climbs out with .., or a link inside the project that points out) is refused before
/// anything is written. Every writer into an SFDX project checks each path it will write here.
/// </summary>
public static class SfdxProjectPaths
{
    private static readonly StringComparison PathComparison =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;

    /// <summary><paramref name="path"/> (relative to the project, or full) as a full path under <paramref name="projectFolder"/>.</summary>
    /// <param name="what">What gave the path, for the message: "packageDirectories[1].path '../x'".</param>
    /// <exception cref="StageMapException">SfdxPathOutsideProject.</exception>
    public static string RequireInside(string projectFolder, string path, string what)
    {
        var project = Path.GetFullPath(projectFolder);
        string full;
        try
        {
            full = Path.GetFullPath(Path.Combine(project, path));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Failures.SfdxPathOutsideProject(project, path, what);
        }

        if (!IsUnder(project, full))
        {
            throw Failures.SfdxPathOutsideProject(project, full, what);
        }

        try
        {
            if (!IsUnder(FileLinks.PhysicalPath(project), FileLinks.PhysicalPath(full)))
            {
                throw Failures.SfdxPathOutsideProject(project, full, $"{what}, through a link,");
            }
        }
        catch (IOException)
        {
            throw Failures.SfdxPathOutsideProject(project, full, $"{what}, through links that form a loop,");
        }

        return full;
    }

    private static bool IsUnder(string folder, string path)
    {
        if (string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar), path.TrimEnd(Path.DirectorySeparatorChar), PathComparison))
        {
            return true;
        }

        var prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, PathComparison);
    }
}
