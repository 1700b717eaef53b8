using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata.Sfdx;

/// <summary>
/// SFDX source files: the LeadStatus standard value set (StandardValueSet/standardValue) and a custom
/// picklist field (CustomField/valueSet/valueSetDefinition/value) here, Lead Processes and record types
/// in <see cref="SfdxRecordTypeReader"/>. XML is read with DTDs prohibited
/// and no resolver, so a file cannot pull in entities or other files. Elements match by local name,
/// with or without the Metadata API namespace.
/// </summary>
internal static class SfdxSourceReader
{
    private const string Kind = "SFDX source file";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    public static MetadataFile Read(byte[] content, string path, string contactStatusField)
    {
        Encoding encoding;
        try
        {
            encoding = StrictText.XmlEncoding(content);
        }
        catch (ArgumentException e)
        {
            throw Failures.InvalidMetadataFile(path, "XML file", $"line 1: {e.Message}", e);
        }

        XDocument document;
        try
        {
            CheckLimits(content, encoding, path);
            using var reader = XmlReader.Create(StrictText.OpenReader(new MemoryStream(content, writable: false), encoding), Settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (UndecodableTextException e)
        {
            throw Failures.InvalidMetadataFile(path, "XML file", $"{e.Problem}.", e);
        }
        catch (XmlException e)
        {
            // A prohibited DTD is reported without a position; the declaration is where it starts
            // (found in a lenient decoding: it is only for the position).
            var (line, position) = e.LineNumber > 0 ? (e.LineNumber, e.LinePosition) : Locate(Encoding.GetEncoding(encoding.CodePage).GetString(content), "<!DOCTYPE");
            throw Failures.InvalidMetadataFile(path, "XML file", $"line {line}, position {position}: {WithoutLocation(e.Message)}", e);
        }

        // XDocument.Load gives a document with a root element or throws.
        var root = document.Root!;
        return root.Name.LocalName switch
        {
            "StandardValueSet" => ReadStandardValueSet(root, path),
            "CustomField" => ReadCustomField(root, path, contactStatusField),
            "BusinessProcess" => SfdxRecordTypeReader.ReadBusinessProcess(root, path),
            "RecordType" => SfdxRecordTypeReader.ReadRecordType(root, path, contactStatusField),
            var other => throw Failures.UnrecognizedMetadataFile(path, $"an XML file whose root element is <{other}>", Failures.CrmMetadataExpected),
        };
    }

    private static MetadataFile ReadStandardValueSet(XElement root, string path)
    {
        var file = new MetadataFile(path, MetadataFormat.StandardValueSet);
        var entries = Children(root, "standardValue").ToList();

        // The file does not name its value set; only LeadStatus values say whether they are converted.
        var isLeadStatus = entries.Any(e => Child(e, "converted") is not null) || file.Name.StartsWith("LeadStatus.", StringComparison.OrdinalIgnoreCase);
        if (!isLeadStatus)
        {
            return file with { Warnings = new[] { $"'{file.Name}' is a standard value set whose values say nothing of conversion, so it is not LeadStatus. Nothing was read from it." } };
        }

        if (entries.Count == 0)
        {
            throw Invalid(path, root, "the LeadStatus value set has no <standardValue>.");
        }

        var values = ReadValues(entries, path, withConverted: true);
        return file with { Object = CrmObject.Lead, StatusField = "Status", Statuses = values };
    }

    // .NET Framework's Path.GetDirectoryName throws on "" (the folder of a bare file name), where .NET answers null.
    private static string? Parent(string? path) => string.IsNullOrEmpty(path) ? null : Path.GetDirectoryName(path);

    private static MetadataFile ReadCustomField(XElement root, string path, string contactStatusField)
    {
        var file = new MetadataFile(path, MetadataFormat.CustomField);
        const string suffix = ".field-meta.xml";
        var fieldName = Text(Child(root, "fullName"))
            ?? (file.Name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? file.Name.Substring(0, file.Name.Length - suffix.Length) : file.Name);

        var owner = ObjectOf(path, "fields");
        if (owner is { Length: > 0 } && !string.Equals(owner, "Contact", StringComparison.OrdinalIgnoreCase))
        {
            return file with { Warnings = new[] { $"'{file.Name}' is the field '{fieldName}' of {owner}; StageMap reads the contact status field of Contact. Nothing was read from it." } };
        }

        if (!string.Equals(fieldName, contactStatusField, StringComparison.OrdinalIgnoreCase))
        {
            return file with { Warnings = new[] { $"'{file.Name}' is the field '{fieldName}', not the contact status field '{contactStatusField}'. Nothing was read from it. If this picklist carries the contact status, import it with -ContactStatusField {fieldName}." } };
        }

        var valueSet = Child(root, "valueSet");
        if (valueSet is null)
        {
            return file with { Warnings = new[] { $"'{file.Name}' is the field '{fieldName}', but it has no <valueSet> (its type is {Text(Child(root, "type")) ?? "not given"}), so it has no status values. Nothing was read from it." } };
        }

        if (Text(Child(valueSet, "valueSetName")) is { } globalSet)
        {
            return file with { Warnings = new[] { $"'{file.Name}' is the field '{fieldName}', which takes its values from the global value set '{globalSet}'. StageMap does not read global value sets; import the Contact describe instead (sf sobject describe --sobject Contact --json), which lists the values. Nothing was read from it." } };
        }

        var entries = Children(Child(valueSet, "valueSetDefinition"), "value").ToList();
        if (entries.Count == 0)
        {
            throw Invalid(path, valueSet, $"the picklist '{fieldName}' has no <valueSetDefinition><value>.");
        }

        return file with
        {
            Object = CrmObject.Contact,
            StatusField = fieldName,
            Statuses = ReadValues(entries, path, withConverted: false),
            IsRestricted = Bool(Child(valueSet, "restricted"), path) ?? false,
        };
    }

    /// <summary>The values in file order. An element the file leaves out has the Metadata API default.</summary>
    private static IReadOnlyList<PicklistValue> ReadValues(IEnumerable<XElement> entries, string path, bool withConverted)
    {
        var values = new List<PicklistValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (values.Count == ReadLimits.MaxListValues)
            {
                throw Invalid(path, entry, ReadLimits.TooManyValues("values"));
            }

            var apiName = Name(Child(entry, "fullName"), path) ?? throw Invalid(path, entry, $"<{entry.Name.LocalName}> {values.Count + 1} has no <fullName>.");
            if (!seen.Add(apiName))
            {
                throw Invalid(path, entry, $"the value '{apiName}' is listed twice.");
            }

            values.Add(new PicklistValue(
                apiName,
                Name(Child(entry, "label"), path),
                Bool(Child(entry, "default"), path) ?? false,
                withConverted ? Bool(Child(entry, "converted"), path) ?? false : null,
                Bool(Child(entry, "isActive"), path) ?? true));
        }

        return values;
    }

    /// <summary>
    /// The streaming pass: one node at a time, so a file of millions of elements, deep nesting (which
    /// XDocument builds in time quadratic in the depth) or one huge text fails before it is held as a tree.
    /// </summary>
    private static void CheckLimits(byte[] content, Encoding encoding, string path)
    {
        using var reader = XmlReader.Create(StrictText.OpenReader(new MemoryStream(content, writable: false), encoding), Settings);
        var info = (IXmlLineInfo)reader;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes > ReadLimits.MaxTokens)
            {
                throw Failures.InvalidMetadataFile(path, "XML file", $"line {info.LineNumber}, position {info.LinePosition}: the file has more than {ReadLimits.MaxTokens:N0} XML nodes.");
            }

            if (reader.Depth > ReadLimits.MaxDepth)
            {
                throw Failures.InvalidMetadataFile(path, "XML file", $"line {info.LineNumber}, position {info.LinePosition}: elements are nested deeper than {ReadLimits.MaxDepth} levels.");
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && reader.Value.Length > ReadLimits.MaxTextLength)
            {
                throw Failures.InvalidMetadataFile(path, "XML file", $"line {info.LineNumber}, position {info.LinePosition}: a text of {reader.Value.Length:N0} characters; StageMap reads texts of at most {ReadLimits.MaxTextLength:N0} characters, and names and labels of at most {ReadLimits.MaxNameLength}.");
            }
        }
    }

    /// <summary>
    /// The object whose folder holds <paramref name="path"/>: SFDX source keeps an object's fields, record
    /// types and processes in objects/&lt;Object&gt;/&lt;<paramref name="kind"/>&gt;/, and the files themselves
    /// do not name their object. Null when the file is not in such a folder.
    /// </summary>
    internal static string? ObjectOf(string path, string kind)
    {
        // Parent, not Path.GetDirectoryName: .NET Framework throws on an empty path (a bare file name's folder).
        var kindFolder = Parent(path);
        var objectFolder = Parent(kindFolder);
        return objectFolder is not null
            && string.Equals(Path.GetFileName(kindFolder), kind, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Path.GetFileName(Parent(objectFolder)), "objects", StringComparison.OrdinalIgnoreCase)
            && Path.GetFileName(objectFolder) is { Length: > 0 } name
                ? name
                : null;
    }

    internal static IEnumerable<XElement> Children(XElement? parent, string localName) =>
        parent?.Elements().Where(e => e.Name.LocalName == localName) ?? Enumerable.Empty<XElement>();

    internal static XElement? Child(XElement? parent, string localName) => Children(parent, localName).FirstOrDefault();

    internal static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>A value's API name or label, within <see cref="ReadLimits"/>.</summary>
    internal static string? Name(XElement? element, string path)
    {
        var text = Text(element);
        return text is not null && ReadLimits.NameProblem(text, $"<{element!.Name.LocalName}>") is { } problem ? throw Invalid(path, element, problem) : text;
    }

    internal static bool? Bool(XElement? element, string path)
    {
        if (element is null)
        {
            return null;
        }

        var text = element.Value.Trim();
        return text switch
        {
            "true" or "1" => true,
            "false" or "0" => false,
            _ => throw Invalid(path, element, $"<{element.Name.LocalName}> must be true or false, not '{text}'."),
        };
    }

    internal static StageMapException Invalid(string path, XElement at, string what)
    {
        IXmlLineInfo info = at;
        return Failures.InvalidMetadataFile(path, Kind, info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}: {what}" : what);
    }

    /// <summary>XmlException messages end with " Line L, position P."; the location is given apart.</summary>
    private static string WithoutLocation(string message)
    {
        var cut = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    /// <summary>The 1-based line and position of the first <paramref name="marker"/> in <paramref name="text"/>, or (0, 0).</summary>
    private static (int Line, int Position) Locate(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return (0, 0);
        }

        var lineStart = text.LastIndexOf('\n', Math.Max(at - 1, 0)) + 1;
        var line = 1 + text.Take(at).Count(c => c == '\n');
        return (line, at - lineStart + 1);
    }
}
