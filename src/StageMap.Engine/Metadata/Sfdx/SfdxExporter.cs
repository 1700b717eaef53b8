using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Metadata.Sfdx;

/// <summary>One value Export-CrmMetadata adds to (or turns on in) an SFDX file.</summary>
public sealed record SfdxValueChange(string Path, string Value, string Change, string Source);

/// <summary>One SFDX file as Export-CrmMetadata would leave it.</summary>
public sealed record SfdxFilePlan(string Path, bool Exists, IReadOnlyList<SfdxValueChange> Changes, byte[] Content)
{
    public bool HasChanges => !Exists || Changes.Count > 0 || RestrictedTurnedOn;

    /// <summary>The Contact field was not restricted and now is.</summary>
    public bool RestrictedTurnedOn { get; init; }
}

/// <summary>
/// What Export-CrmMetadata would write, and what the admin should know. <see cref="NewProject"/> is the
/// sfdx-project.json to create first (-Create on a folder that has none), else null.
/// </summary>
public sealed record SfdxExportPlan(IReadOnlyList<SfdxFilePlan> Files, IReadOnlyList<string> Warnings, SfdxFilePlan? NewProject = null);

/// <summary>
/// Writes the Salesforce half of the mapping as SFDX source for 'sf project deploy start': the Contact
/// status field (a restricted picklist whose values include every stage name) and the LeadStatus
/// standard value set (the imported lead statuses plus those the mappings name). A file already in the
/// project is merged: values are added, never removed or changed, because a value missing from a
/// deployed definition is deactivated. Existing files are read by <see cref="SfdxSourceReader"/>.
/// </summary>
public static class SfdxExporter
{
    private const string ProjectFile = "sfdx-project.json";

    /// <summary>The one package directory of a project -Create makes.</summary>
    private const string NewProjectPackage = "force-app";

    private static readonly XNamespace Metadata = "http://soap.sforce.com/2006/04/metadata";

    internal static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    /// <param name="projectFolder">The SFDX project folder, the one with sfdx-project.json.</param>
    /// <param name="configuration">The configuration whose stages and statuses are exported.</param>
    /// <param name="newProjectApiVersion">
    /// When the folder has no sfdx-project.json: null refuses (SfdxProjectNotFound); a version plans a
    /// minimal project file with that sourceApiVersion and one package directory, force-app.
    /// </param>
    /// <exception cref="StageMapException">
    /// SfdxProjectNotFound; SfdxPathOutsideProject when a package directory or a file would lie outside
    /// the project (nothing is planned, so nothing is written); InvalidMetadataFile for an existing file
    /// that cannot be read.
    /// </exception>
    public static SfdxExportPlan Plan(string projectFolder, StageMapConfiguration configuration, string? newProjectApiVersion = null)
    {
        var newProject = newProjectApiVersion is not null && !File.Exists(Path.Combine(projectFolder, ProjectFile))
            ? new SfdxFilePlan(Path.Combine(projectFolder, ProjectFile), false, Array.Empty<SfdxValueChange>(), NewProjectFile(projectFolder, newProjectApiVersion))
            : null;
        var packages = newProject is null ? PackageDirectories(projectFolder) : new[] { Path.GetFullPath(Path.Combine(projectFolder, NewProjectPackage)) };
        var metadata = configuration.CrmMetadata;
        var warnings = new List<string>();
        var files = new List<SfdxFilePlan>
        {
            PlanContactField(packages, configuration, warnings),
        };

        var leadStatuses = PlanLeadStatuses(packages, configuration, warnings);
        if (leadStatuses is not null)
        {
            files.Add(leadStatuses);
        }

        foreach (var file in files)
        {
            SfdxProjectPaths.RequireInside(projectFolder, file.Path, $"The file for {Path.GetFileName(file.Path)}");
        }

        if (!metadata.HasContactStatuses && !files[0].Exists)
        {
            warnings.Add($"The configuration knows no values of Contact.{metadata.ContactStatusField}, so the new field file lists the stage names only. If the field exists in the org with other values, deploying this file deactivates them: run Import-CrmMetadata -Online first.");
        }

        return new SfdxExportPlan(files, warnings, newProject);
    }

    /// <summary>
    /// Records the exported files in the configuration's CRM metadata, as Import-CrmMetadata of them
    /// would: the project is what gets deployed, so the findings then describe the org as it will be
    /// after 'sf project deploy start' (record ids and anything else the files do not state are kept).
    /// </summary>
    /// <param name="files">The planned files that are now in the project as planned (written, or already complete).</param>
    /// <exception cref="StageMapException">InvalidMetadataFile, when a file changed under the export.</exception>
    public static CrmMetadata RecordExported(StageMapConfiguration configuration, IEnumerable<SfdxFilePlan> files) =>
        configuration.ImportCrmMetadata(files.Select(f => MetadataReader.Read(f.Path, configuration.CrmMetadata.ContactStatusField)).ToList());

    /// <summary>Writes the planned file whole, or not at all.</summary>
    /// <exception cref="StageMapException">OutputWriteFailed, when the folder or the file cannot be written.</exception>
    public static void Write(SfdxFilePlan file)
    {
        try
        {
            // A plan's path is a file inside the project, never a root, so it has a folder.
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file.Path)!);
            AtomicFile.WriteAllBytes(file.Path, file.Content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(file.Path, e);
        }
    }

    private static SfdxFilePlan PlanContactField(IReadOnlyList<string> packages, StageMapConfiguration configuration, List<string> warnings)
    {
        var field = configuration.CrmMetadata.ContactStatusField;
        var relative = Path.Combine("objects", "Contact", "fields", $"{field}.field-meta.xml");
        // Stages first: a stage name must be an active value even where the org had it inactive.
        var wanted = configuration.Stages.InStageOrder().Select(s => (ApiName: s.Name, Label: s.Name, Source: "stage", Active: true))
            .Concat(configuration.CrmMetadata.ContactStatuses.Select(s => (s.ApiName, s.Label, Source: "imported contact status", Active: s.IsActive)))
            .ToList();
        var path = FindExisting(packages, relative) ?? Path.Combine(packages[0], "main", "default", relative);
        if (!File.Exists(path))
        {
            var label = field.EndsWith("__c", StringComparison.OrdinalIgnoreCase) ? field.Substring(0, field.Length - 3).Replace('_', ' ') : field;
            var definition = new XElement(Metadata + "valueSetDefinition", new XElement(Metadata + "sorted", "false"));
            var document = new XDocument(new XElement(Metadata + "CustomField",
                new XElement(Metadata + "fullName", field),
                new XElement(Metadata + "label", label),
                new XElement(Metadata + "required", "false"),
                new XElement(Metadata + "type", "Picklist"),
                new XElement(Metadata + "valueSet", new XElement(Metadata + "restricted", "true"), definition)));
            var changes = AddValues(definition, "value", wanted, new HashSet<string>(StringComparer.Ordinal), path, leadStatus: false, warnings);
            return new SfdxFilePlan(path, false, changes, Serialize(document));
        }

        var (existing, known) = Load(path, field);
        var existingRoot = RootOf(existing);
        var valueSet = Child(existingRoot, "valueSet") ?? Add(existingRoot, "valueSet");
        var restricted = Child(valueSet, "restricted");
        var turnedOn = restricted is null || !string.Equals(restricted.Value, "true", StringComparison.OrdinalIgnoreCase);
        if (restricted is null)
        {
            valueSet.AddFirst(new XElement(existingRoot.Name.Namespace + "restricted", "true"));
        }
        else
        {
            restricted.Value = "true";
        }

        var valueDefinition = Child(valueSet, "valueSetDefinition") ?? Add(valueSet, "valueSetDefinition");
        var added = AddValues(valueDefinition, "value", wanted, known, path, leadStatus: false, warnings);
        warnings.AddRange(InactiveStages(path, known, existing, "value", configuration));
        return new SfdxFilePlan(path, true, added, Serialize(existing)) { RestrictedTurnedOn = turnedOn };
    }

    private static SfdxFilePlan? PlanLeadStatuses(IReadOnlyList<string> packages, StageMapConfiguration configuration, List<string> warnings)
    {
        var relative = Path.Combine("standardValueSets", "LeadStatus.standardValueSet-meta.xml");
        var imported = configuration.CrmMetadata.LeadStatuses;
        var wanted = imported.Select(s => (s.ApiName, s.Label, Source: "imported lead status", Active: s.IsActive, s.IsDefault, s.IsConverted))
            .Concat(configuration.LeadStatusMappings.Select(m => (ApiName: m.CrmStatus, Label: m.CrmStatus, Source: "lead status mapping", Active: true, IsDefault: false, IsConverted: false)))
            .ToList();
        var path = FindExisting(packages, relative) ?? Path.Combine(packages[0], "main", "default", relative);
        if (!File.Exists(path))
        {
            if (imported.Count == 0)
            {
                warnings.Add("LeadStatus.standardValueSet-meta.xml was not written: the configuration knows none of the org's lead statuses, and a deployed value set deactivates every status it does not list. Run Import-CrmMetadata -Online (or import a LeadStatus file) first.");
                return null;
            }

            var root = new XElement(Metadata + "StandardValueSet", new XElement(Metadata + "sorted", "false"));
            var document = new XDocument(root);
            var firstDefault = imported.FirstOrDefault(s => s.IsDefault)?.ApiName;
            var changes = AddValues(root, "standardValue", wanted.Select(w => (w.ApiName, w.Label, w.Source, w.Active)).ToList(), new HashSet<string>(StringComparer.Ordinal), path, leadStatus: true, warnings,
                isDefault: name => string.Equals(name, firstDefault, StringComparison.Ordinal),
                isConverted: name => wanted.Any(w => w.IsConverted && string.Equals(w.ApiName, name, StringComparison.Ordinal)));
            return new SfdxFilePlan(path, false, changes, Serialize(document));
        }

        var (existing, known) = Load(path, CrmMetadata.DefaultContactStatusField);
        var added = AddValues(RootOf(existing), "standardValue", wanted.Select(w => (w.ApiName, w.Label, w.Source, w.Active)).ToList(), known, path, leadStatus: true, warnings,
            isConverted: name => wanted.Any(w => w.IsConverted && string.Equals(w.ApiName, name, StringComparison.Ordinal)));
        return new SfdxFilePlan(path, true, added, Serialize(existing));
    }

    /// <summary>
    /// Appends each wanted value not yet in the file; returns what it added. Salesforce keeps picklist
    /// values unique ignoring case, so a value that differs from one there only in case is not added
    /// but named in a warning (the sync compares exactly: the configuration should use the file's spelling).
    /// </summary>
    private static List<SfdxValueChange> AddValues(
        XElement parent,
        string element,
        IReadOnlyList<(string ApiName, string Label, string Source, bool Active)> wanted,
        HashSet<string> known,
        string path,
        bool leadStatus,
        List<string> warnings,
        Func<string, bool>? isDefault = null,
        Func<string, bool>? isConverted = null)
    {
        var ns = parent.Name.Namespace;
        var changes = new List<SfdxValueChange>();
        var spelled = known.ToDictionary(v => v, StringComparer.OrdinalIgnoreCase);
        foreach (var value in wanted)
        {
            if (spelled.TryGetValue(value.ApiName, out var there))
            {
                if (!string.Equals(there, value.ApiName, StringComparison.Ordinal))
                {
                    warnings.Add($"The {value.Source} '{value.ApiName}' differs only in case from the value '{there}' of '{Path.GetFileName(path)}', and Salesforce keeps values unique ignoring case, so it was not added. The sync compares exactly: use '{there}' in the configuration.");
                }

                continue;
            }

            spelled.Add(value.ApiName, value.ApiName);
            known.Add(value.ApiName);

            var entry = new XElement(ns + element,
                new XElement(ns + "fullName", value.ApiName),
                new XElement(ns + "default", (isDefault?.Invoke(value.ApiName) ?? false) ? "true" : "false"),
                new XElement(ns + "label", value.Label));
            if (leadStatus)
            {
                entry.Add(new XElement(ns + "converted", (isConverted?.Invoke(value.ApiName) ?? false) ? "true" : "false"));
            }

            if (!value.Active)
            {
                entry.Add(new XElement(ns + "isActive", "false"));
            }

            parent.Add(entry);
            changes.Add(new SfdxValueChange(path, value.ApiName, "Add", value.Source));
        }

        return changes;
    }

    /// <summary>A stage whose value the file has but marks inactive: the sync would write a value Salesforce refuses.</summary>
    private static IEnumerable<string> InactiveStages(string path, HashSet<string> known, XDocument document, string element, StageMapConfiguration configuration) =>
        document.Descendants().Where(e => e.Name.LocalName == element)
            .Where(e => string.Equals(Child(e, "isActive")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            .Select(e => Child(e, "fullName")?.Value)
            .Where(name => name is not null && known.Contains(name) && configuration.FindStage(name) is { } stage && stage.Name == name)
            .Select(name => $"'{Path.GetFileName(path)}' has the value '{name}' but marks it inactive (isActive false); the stage '{name}' needs it active. Activate it in the file or in Setup; StageMap does not change existing values.");

    private static (XDocument Document, HashSet<string> Values) Load(string path, string contactStatusField)
    {
        // Read once: the values and the tree come from the same bytes, however the file changes meanwhile.
        var content = MetadataReader.ReadBytes(path, out var fullPath);
        var file = MetadataReader.Read(content, fullPath, contactStatusField);
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        return (XDocument.Load(reader), new HashSet<string>(file.Statuses.Select(s => s.ApiName), StringComparer.Ordinal));
    }

    // XDocument.Load refuses a file without a root element, so a loaded document always has one.
    private static XElement RootOf(XDocument loaded) => loaded.Root!;

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static XElement Add(XElement parent, string localName)
    {
        var child = new XElement(parent.Name.Namespace + localName);
        parent.Add(child);
        return child;
    }

    /// <summary>The file as SFDX writes it: the declaration spelled UTF-8 (XmlWriter would write utf-8), four-space indents, LF.</summary>
    internal static byte[] Serialize(XDocument document)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "    ", Encoding = Encodings.Utf8NoBom, NewLineChars = "\n", OmitXmlDeclaration = true };
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            document.Save(writer);
        }

        return Encoding.ASCII.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n").Concat(buffer.ToArray()).Concat(Encoding.ASCII.GetBytes("\n")).ToArray();
    }

    /// <summary>
    /// The sfdx-project.json of -Create: what 'sf project generate' writes there, less the template's
    /// other files (one package directory, force-app, the default; the login URL; the API version).
    /// </summary>
    private static byte[] NewProjectFile(string projectFolder, string sourceApiVersion)
    {
        var project = new JObject
        {
            ["packageDirectories"] = new JArray(new JObject { ["path"] = NewProjectPackage, ["default"] = true }),
            ["name"] = Path.GetFileName(Path.GetFullPath(projectFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)),
            ["namespace"] = "",
            ["sfdcLoginUrl"] = "https://login.salesforce.com",
            ["sourceApiVersion"] = sourceApiVersion,
        };
        return Encodings.Utf8NoBom.GetBytes(project.ToString(Newtonsoft.Json.Formatting.Indented).Replace("\r\n", "\n") + "\n");
    }

    /// <summary>The project's package directories from sfdx-project.json, the default one first, as full paths.</summary>
    internal static IReadOnlyList<string> PackageDirectories(string projectFolder)
    {
        var project = Path.Combine(projectFolder, ProjectFile);
        if (!File.Exists(project))
        {
            throw Failures.SfdxProjectNotFound(projectFolder);
        }

        var documents = StrictJson.ParseDocuments(
            MetadataReader.ReadBytes(project, out _), multipleDocuments: false, (problem, e) => Failures.InvalidMetadataFile(project, "sfdx-project.json", problem, e));
        var root = documents.Count == 0 ? null : documents[0];

        var directories = (root as JObject)?["packageDirectories"] as JArray;
        var paths = directories?.OfType<JObject>()
            .Select((d, i) => (Directory: d, Index: i))
            .Where(d => d.Directory["path"] is { Type: JTokenType.String }) // so the '!' below reads a string that is there
            .OrderByDescending(d => d.Directory["default"] is { Type: JTokenType.Boolean } isDefault && (bool)isDefault)
            .Select(d => SfdxProjectPaths.RequireInside(projectFolder, (string)d.Directory["path"]!, $"packageDirectories[{d.Index}].path '{(string)d.Directory["path"]!}' of sfdx-project.json"))
            .ToList();
        return paths is { Count: > 0 } ? paths : throw Failures.InvalidMetadataFile(project, "sfdx-project.json", "it lists no packageDirectories with a path.");
    }

    internal static string? FindExisting(IReadOnlyList<string> packages, string relative)
    {
        foreach (var package in packages.Where(Directory.Exists))
        {
            var match = Directory.EnumerateFiles(package, Path.GetFileName(relative), SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Replace('\\', '/').EndsWith(relative.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }
}
