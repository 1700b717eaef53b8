using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;
using static StageMap.Engine.Metadata.Sfdx.SfdxSourceReader;

namespace StageMap.Engine.Metadata.Sfdx;

/// <summary>
/// SFDX source of record types: a Lead Process (BusinessProcess: fullName, isActive, values with fullName
/// and default) and a record type (RecordType: fullName, label, active, businessProcess for Lead, and for
/// Contact the picklistValues of the contact status field). Neither file names its object: SFDX keeps them
/// in objects/&lt;Object&gt;/businessProcesses/ and objects/&lt;Object&gt;/recordTypes/, and the folder says it.
/// </summary>
internal static class SfdxRecordTypeReader
{
    private const string ProcessSuffix = ".businessProcess-meta.xml";
    private const string RecordTypeSuffix = ".recordType-meta.xml";

    public static MetadataFile ReadBusinessProcess(XElement root, string path)
    {
        var file = new MetadataFile(path, MetadataFormat.BusinessProcess);
        var (owner, name) = Owned(Name(Child(root, "fullName"), path) ?? NameFromFile(file.Name, ProcessSuffix), ObjectOf(path, "businessProcesses"));
        if (!Is(owner, "Lead"))
        {
            return file with { Warnings = new[] { NotRead(file.Name, $"the process '{name}'", owner, "businessProcesses", "the Lead Processes") } };
        }

        var entries = Children(root, "values").ToList();
        if (entries.Count == 0)
        {
            throw Invalid(path, root, $"the Lead Process '{name}' has no <values>.");
        }

        var (values, defaultValue) = ReadValues(entries, path, $"the Lead Process '{name}'");
        var process = new LeadProcess(name, Bool(Child(root, "isActive"), path) ?? false, values, defaultValue) { SfdxProject = SfdxProject.FolderOf(path) };
        return file with { Object = CrmObject.Lead, Processes = new[] { process } };
    }

    public static MetadataFile ReadRecordType(XElement root, string path, string contactStatusField)
    {
        var file = new MetadataFile(path, MetadataFormat.RecordType);
        var (owner, developerName) = Owned(Name(Child(root, "fullName"), path) ?? NameFromFile(file.Name, RecordTypeSuffix), ObjectOf(path, "recordTypes"));
        var crmObject = Is(owner, "Lead") ? CrmObject.Lead : Is(owner, "Contact") ? CrmObject.Contact : (CrmObject?)null;
        if (crmObject is null)
        {
            return file with { Warnings = new[] { NotRead(file.Name, $"the record type '{developerName}'", owner, "recordTypes", "the record types of Lead and Contact") } };
        }

        var facts = new RecordTypeFacts(crmObject.Value)
        {
            DeveloperName = developerName,
            Label = Name(Child(root, "label"), path) ?? developerName,
            IsActive = Bool(Child(root, "active"), path) ?? false,
            IsMaster = false,
            SfdxProject = SfdxProject.FolderOf(path),
        };
        if (crmObject == CrmObject.Lead)
        {
            var process = Name(Child(root, "businessProcess"), path);
            var warnings = process is null
                ? new[] { $"The Lead record type '{developerName}' in '{file.Name}' names no <businessProcess>, so the lead statuses it offers are not known and Test-StageMapping does not check it." }
                : Array.Empty<string>();
            return file with { Object = CrmObject.Lead, RecordTypes = new[] { facts with { BusinessProcess = process } }, Warnings = warnings };
        }

        var picklist = Children(root, "picklistValues").FirstOrDefault(p => string.Equals(SfdxSourceReader.Text(Child(p, "picklist")), contactStatusField, StringComparison.OrdinalIgnoreCase));
        if (picklist is null)
        {
            return file with
            {
                Object = CrmObject.Contact,
                RecordTypes = new[] { facts },
                Warnings = new[] { $"The Contact record type '{developerName}' in '{file.Name}' lists no values of {contactStatusField}, so the contact statuses it offers are not known and Test-StageMapping does not check it. If another picklist carries the contact status, import with -ContactStatusField <field>." },
            };
        }

        var (values, defaultValue) = ReadValues(Children(picklist, "values").ToList(), path, $"the {contactStatusField} values of the record type '{developerName}'");
        return file with { Object = CrmObject.Contact, RecordTypes = new[] { facts with { Values = values, DefaultValue = defaultValue } } };
    }

    /// <summary>The values' fullName in file order, and the one marked default.</summary>
    private static (IReadOnlyList<string> Values, string? Default) ReadValues(IReadOnlyList<XElement> entries, string path, string owner)
    {
        var values = new List<string>();
        string? defaultValue = null;
        foreach (var entry in entries)
        {
            if (values.Count == ReadLimits.MaxListValues)
            {
                throw Invalid(path, entry, ReadLimits.TooManyValues("values"));
            }

            var value = Name(Child(entry, "fullName"), path) ?? throw Invalid(path, entry, $"<values> {values.Count + 1} of {owner} has no <fullName>.");
            if (values.Contains(value, StringComparer.Ordinal))
            {
                throw Invalid(path, entry, $"the value '{value}' is listed twice in {owner}.");
            }

            values.Add(value);
            if (Bool(Child(entry, "default"), path) == true)
            {
                defaultValue ??= value;
            }
        }

        return (values, defaultValue);
    }

    /// <summary>
    /// The object and the name: from the file's folder, or, where the folder does not say, from a
    /// fullName written as Metadata API component names are ("Lead.Partner Process").
    /// </summary>
    private static (string? Owner, string Name) Owned(string fullName, string? folderObject)
    {
        var dot = fullName.IndexOf('.');
        if (dot > 0 && dot < fullName.Length - 1 && (folderObject is null || Is(folderObject, fullName.Substring(0, dot))))
        {
            return (folderObject ?? fullName.Substring(0, dot), fullName.Substring(dot + 1));
        }

        return (folderObject, fullName);
    }

    private static string NameFromFile(string fileName, string suffix) =>
        fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? fileName.Substring(0, fileName.Length - suffix.Length) : fileName;

    private static string NotRead(string fileName, string what, string? owner, string folder, string read) =>
        owner is null
            ? $"'{fileName}' is {what}, but it is not in an objects/<Object>/{folder} folder, so its object cannot be told. StageMap reads {read}; import the file from its SFDX project folder. Nothing was read from it."
            : $"'{fileName}' is {what} of {owner}; StageMap reads {read}. Nothing was read from it.";

    /// <summary>Object names compare ignoring case, as Salesforce compares them.</summary>
    private static bool Is(string? name, string expected) => string.Equals(name, expected, StringComparison.OrdinalIgnoreCase);
}
