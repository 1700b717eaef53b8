using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>A file under a folder that a folder import leaves alone, and why.</summary>
public sealed record SkippedFile(string Path, string Why);

/// <summary>What a folder gave an import: the files read, those skipped, and those that could not be read.</summary>
public sealed record FolderRead(IReadOnlyList<MetadataFile> Files, IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<StageMapException> Failures);

/// <summary>
/// Import-CrmMetadata -Path &lt;folder&gt;: an SFDX project, a package directory or any folder. Every file
/// under it that StageMap recognises is read; the others are skipped, each with the reason.
/// </summary>
/// <remarks>
/// SFDX source is recognised by its name and place: LeadStatus.standardValueSet-meta.xml, the contact
/// status field objects/Contact/fields/&lt;field&gt;.field-meta.xml, the Lead Processes in
/// objects/Lead/businessProcesses and the record types in objects/Lead/recordTypes and
/// objects/Contact/recordTypes. Other XML is skipped. JSON and CSV files are recognised by their content
/// (a describe, a LeadStatus query, a UI API answer, a Data Loader export): one whose format cannot be
/// told, or that holds nothing StageMap reads (the describe of another object), is skipped; one that is
/// a recognised format but broken, or not valid JSON, is a failure, as any named file would be. Folders
/// that hold tools' files or code are not entered: hidden folders (.sfdx, .sf, .git), node_modules, lwc,
/// aura and staticresources; nor are links to folders, so a link cannot lead the walk out of the folder
/// or round in a loop. Files are taken in ordinal order of their path.
/// </remarks>
public static class MetadataFolder
{
    private static readonly string[] SkippedFolders = { "node_modules", "lwc", "aura", "staticresources" };

    public static FolderRead Read(string folder, string contactStatusField)
    {
        var files = new List<MetadataFile>();
        var skipped = new List<SkippedFile>();
        var failures = new List<StageMapException>();
        foreach (var path in Walk(Path.GetFullPath(folder), skipped).OrderBy(p => p, StringComparer.Ordinal))
        {
            var sfdx = IsSfdxSource(path, contactStatusField);
            if (sfdx is false)
            {
                skipped.Add(new SkippedFile(path, NotRead(path)));
                continue;
            }

            try
            {
                if (sfdx is null && new FileInfo(path).Length > ReadLimits.MaxFileBytes)
                {
                    skipped.Add(new SkippedFile(path, "larger than a metadata file can be"));
                    continue;
                }

                var file = MetadataReader.Read(path, contactStatusField);
                if (sfdx is null && !file.HasContent)
                {
                    skipped.Add(new SkippedFile(path, string.Join(" ", file.Warnings)));
                    continue;
                }

                files.Add(file);
            }
            catch (StageMapException failure) when (sfdx is null && failure.ErrorId == ErrorIds.UnrecognizedMetadataFile)
            {
                skipped.Add(new SkippedFile(path, "a file whose content is not one StageMap reads"));
            }
            catch (StageMapException failure)
            {
                failures.Add(failure);
            }
        }

        return new FolderRead(files, skipped, failures);
    }

    /// <summary>True for SFDX source StageMap reads, false for a file it does not, null for JSON or CSV, told by content.</summary>
    private static bool? IsSfdxSource(string path, string contactStatusField)
    {
        var name = Path.GetFileName(path);
        if (Has(name, ".json") || Has(name, ".csv"))
        {
            return null;
        }

        var kind = Path.GetFileName(Path.GetDirectoryName(path));
        var owner = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)));
        var inObjects = Same(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(path)))), "objects");
        return Same(name, "LeadStatus.standardValueSet-meta.xml")
            || (inObjects && Same(owner, "Contact") && Same(kind, "fields") && Same(name, contactStatusField + ".field-meta.xml"))
            || (inObjects && Same(owner, "Lead") && Same(kind, "businessProcesses") && Has(name, ".businessProcess-meta.xml"))
            || (inObjects && (Same(owner, "Lead") || Same(owner, "Contact")) && Same(kind, "recordTypes") && Has(name, ".recordType-meta.xml"));
    }

    private static string NotRead(string path) => Has(path, "-meta.xml") || Has(path, ".xml")
        ? "SFDX source StageMap does not read (it reads the LeadStatus value set, the contact status field, Lead Processes and Lead and Contact record types)"
        : "not a metadata file (StageMap reads SFDX source, and JSON or CSV it recognises by content)";

    /// <summary>Every file under <paramref name="folder"/>, outside the folders a walk does not enter (named in <paramref name="skipped"/>).</summary>
    private static IEnumerable<string> Walk(string folder, List<SkippedFile> skipped)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(current);
                folders = Directory.GetDirectories(current);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Failures.MetadataFileUnreadable(current, e);
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var child in folders)
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith(".", StringComparison.Ordinal) || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    skipped.Add(new SkippedFile(child, "a folder of tools' files or code, not entered"));
                }
                else if (File.GetAttributes(child).HasFlag(FileAttributes.ReparsePoint))
                {
                    skipped.Add(new SkippedFile(child, "a link to a folder, not followed"));
                }
                else
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static bool Same(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);

    private static bool Has(string name, string suffix) => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
