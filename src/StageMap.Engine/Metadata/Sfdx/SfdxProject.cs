using System;
using System.IO;

namespace StageMap.Engine.Metadata.Sfdx;

/// <summary>An SFDX project: the folder that holds sfdx-project.json, with its package directories below it.</summary>
public static class SfdxProject
{
    public const string ProjectFile = "sfdx-project.json";

    /// <summary>The project folder a file lies in: the nearest folder at or above its own that holds sfdx-project.json; null when none does.</summary>
    public static string? FolderOf(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return null;
        }

        try
        {
            for (var folder = Path.GetDirectoryName(Path.GetFullPath(path)); folder is not null; folder = Path.GetDirectoryName(folder))
            {
                if (File.Exists(Path.Combine(folder, ProjectFile)))
                {
                    return folder;
                }
            }
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or IOException or UnauthorizedAccessException)
        {
            // A path that is no file system path names no project.
        }

        return null;
    }
}
