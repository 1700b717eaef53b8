using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Metadata.Sfdx;

/// <summary>
/// Export-CrmMetadata -RecordType: adds the statuses the sync writes that a record type lacks
/// (<see cref="RecordTypeGaps"/>) to its source in the SFDX project: a Lead record type's Lead Process
/// (objects/Lead/businessProcesses/&lt;process&gt;.businessProcess-meta.xml), a Contact record type's
/// values of the contact status field (objects/Contact/recordTypes/&lt;name&gt;.recordType-meta.xml). The
/// files must be in the project already (retrieved from the org): a deployed process or record type lists
/// every value it offers, so one written from nothing would take the others away. Values are appended
/// after the last one there, with default false; no value is removed, reordered or changed, and the
/// default stays. Only files under the project are written.
/// </summary>
public static class SfdxRecordTypeExporter
{
    /// <exception cref="StageMapException">
    /// SfdxProjectNotFound; RecordTypeNotFound (its source is not in the project); InvalidMetadataFile (a
    /// file that cannot be read, or a Contact record type that lists no values of the field); SfdxPathOutsideProject.
    /// </exception>
    public static SfdxExportPlan Plan(string projectFolder, StageMapConfiguration configuration, IReadOnlyList<CrmRecordType> recordTypes)
    {
        var packages = SfdxExporter.PackageDirectories(projectFolder);
        var content = configuration.GetContent();
        var field = content.CrmMetadata.ContactStatusField;
        var files = new List<SfdxFilePlan>();
        var warnings = new List<string>();
        foreach (var recordType in recordTypes)
        {
            if (recordType.IsMaster)
            {
                warnings.Add($"The master record type of {recordType.Object} offers every value of the picklist, so it needs none added.");
                continue;
            }

            var written = RecordTypeGaps.Written(content, recordType.Object);
            var file = recordType.Object == CrmObject.Lead
                ? PlanProcess(packages, projectFolder, recordType, written, warnings)
                : PlanContactRecordType(packages, projectFolder, recordType, field, written, warnings);
            if (!files.Any(f => string.Equals(f.Path, file.Path, StringComparison.Ordinal)))
            {
                files.Add(file);
            }
        }

        return new SfdxExportPlan(files, warnings);
    }

    private static SfdxFilePlan PlanProcess(IReadOnlyList<string> packages, string project, CrmRecordType recordType, IReadOnlyList<WrittenStatus> written, List<string> warnings)
    {
        // The project's record type says which process it uses; the configuration's is the fallback.
        var recordTypeFile = SfdxExporter.FindExisting(packages, Path.Combine("objects", "Lead", "recordTypes", $"{recordType.DeveloperName}.recordType-meta.xml"));
        var process = (recordTypeFile is null ? null : MetadataReader.Read(recordTypeFile, CrmMetadata.DefaultContactStatusField).RecordTypes is { Count: > 0 } read ? read[0].BusinessProcess : null)
            ?? recordType.BusinessProcess
            ?? throw Failures.RecordTypeNotInProject(recordType.Name, project, $"objects/Lead/recordTypes/{recordType.DeveloperName}.recordType-meta.xml", $"RecordType:Lead.{recordType.DeveloperName}");
        var relative = Path.Combine("objects", "Lead", "businessProcesses", $"{process}.businessProcess-meta.xml");
        var path = SfdxExporter.FindExisting(packages, relative)
            ?? throw Failures.RecordTypeNotInProject(recordType.Name, project, relative.Replace('\\', '/'), $"\"BusinessProcess:Lead.{process}\"");
        SfdxProjectPaths.RequireInside(project, path, $"The file for record type '{recordType.Name}'");
        var (file, document) = Load(path, CrmMetadata.DefaultContactStatusField);
        var offered = (file.Processes is { Count: > 0 } processes ? processes[0]
            : throw Failures.InvalidMetadataFile(path, "SFDX source file", "it is not a Lead Process (its root element is not <BusinessProcess>).")).Values;
        // Load gives a document with a root element or throws.
        return Merge(path, document, document.Root!, offered, written, $"record type '{recordType.Name}'", warnings);
    }

    private static SfdxFilePlan PlanContactRecordType(IReadOnlyList<string> packages, string project, CrmRecordType recordType, string field, IReadOnlyList<WrittenStatus> written, List<string> warnings)
    {
        var relative = Path.Combine("objects", "Contact", "recordTypes", $"{recordType.DeveloperName}.recordType-meta.xml");
        var path = SfdxExporter.FindExisting(packages, relative)
            ?? throw Failures.RecordTypeNotInProject(recordType.Name, project, relative.Replace('\\', '/'), $"RecordType:Contact.{recordType.DeveloperName}");
        SfdxProjectPaths.RequireInside(project, path, $"The file for record type '{recordType.Name}'");
        var (file, document) = Load(path, field);
        var offered = (file.RecordTypes is { Count: > 0 } recordTypes ? recordTypes[0]
            : throw Failures.InvalidMetadataFile(path, "SFDX source file", "it is not a record type (its root element is not <RecordType>).")).Values
            ?? throw Failures.RecordTypeListsNoValues(path, recordType.DeveloperName, field);
        // Load gives a document with a root element or throws.
        var picklist = document.Root!.Elements().First(e => e.Name.LocalName == "picklistValues"
            && string.Equals(e.Elements().FirstOrDefault(p => p.Name.LocalName == "picklist")?.Value.Trim(), field, StringComparison.OrdinalIgnoreCase));
        return Merge(path, document, picklist, offered, written, $"record type '{recordType.Name}'", warnings);
    }

    /// <summary>
    /// Appends each written status <paramref name="offered"/> lacks as a &lt;values&gt; of
    /// <paramref name="parent"/>, after its last one. Salesforce keeps picklist values unique ignoring case,
    /// so a status that differs from one there only in case is not added but named in a warning.
    /// </summary>
    private static SfdxFilePlan Merge(string path, XDocument document, XElement parent, IReadOnlyList<string> offered, IReadOnlyList<WrittenStatus> written, string source, List<string> warnings)
    {
        var ns = parent.Name.Namespace;
        var changes = new List<SfdxValueChange>();
        var last = parent.Elements().LastOrDefault(e => e.Name.LocalName == "values");
        foreach (var status in RecordTypeGaps.Lacking(written, offered))
        {
            if (offered.FirstOrDefault(v => string.Equals(v, status.Status, StringComparison.OrdinalIgnoreCase)) is { } there)
            {
                warnings.Add($"The status '{status.Status}' differs only in case from the value '{there}' of '{Path.GetFileName(path)}', and Salesforce keeps values unique ignoring case, so it was not added. The sync compares exactly: use '{there}' in the configuration.");
                continue;
            }

            var value = new XElement(ns + "values", new XElement(ns + "fullName", status.Status), new XElement(ns + "default", "false"));
            if (last is null)
            {
                parent.Add(value);
            }
            else
            {
                last.AddAfterSelf(value);
            }

            last = value;
            changes.Add(new SfdxValueChange(path, status.Status, "Add", source));
        }

        return new SfdxFilePlan(path, true, changes, SfdxExporter.Serialize(document));
    }

    /// <summary>
    /// The file's values, and the file as a tree without its layout white space so the written file is
    /// indented throughout as SFDX writes it. Read once: both come from the same bytes, however the file
    /// changes meanwhile.
    /// </summary>
    private static (MetadataFile File, XDocument Document) Load(string path, string contactStatusField)
    {
        var content = MetadataReader.ReadBytes(path, out var fullPath);
        var file = MetadataReader.Read(content, fullPath, contactStatusField);
        var settings = SfdxExporter.ReaderSettings.Clone();
        settings.IgnoreWhitespace = true;
        using var stream = new MemoryStream(content, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        return (file, XDocument.Load(reader));
    }
}
