using System;
using System.IO;
using StageMap.Engine.Metadata.Sfdx;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Reads one Salesforce metadata file, telling its format from its content (never its extension):
/// JSON (a describe or a LeadStatus query, raw or from the Salesforce CLI), XML (SFDX source) or CSV
/// (a Data Loader export). Reading changes nothing; <see cref="CrmMetadataMerger"/> combines files.
/// </summary>
public static class MetadataReader
{
    /// <param name="contactStatusField">The Contact picklist that carries the contact status.</param>
    /// <exception cref="StageMapException">UnrecognizedMetadataFile, InvalidMetadataFile.</exception>
    public static MetadataFile Read(string path, string contactStatusField)
    {
        var content = ReadBytes(path, out var fullPath);
        return Read(content, fullPath, contactStatusField);
    }

    /// <param name="path">Names the file in errors and in the result.</param>
    public static MetadataFile Read(byte[] content, string path, string contactStatusField)
    {
        CheckSize(content.LongLength, path);
        return StrictText.FirstSignificantChar(content) switch
        {
            null => throw Failures.UnrecognizedMetadataFile(path, "empty", Failures.CrmMetadataExpected),
            '{' or '[' => SalesforceJsonReader.Read(content, path, contactStatusField),
            '<' => SfdxSourceReader.Read(content, path, contactStatusField),
            _ => DataLoaderCsvReader.Read(content, path),
        };
    }

    /// <summary>
    /// The bytes of a metadata or stage file; a file that cannot be read is InvalidMetadataFile
    /// (ReadError), one larger than <see cref="ReadLimits.MaxFileBytes"/> is InvalidMetadataFile, unread.
    /// </summary>
    internal static byte[] ReadBytes(string path, out string fullPath)
    {
        var file = fullPath = Path.GetFullPath(path);
        try
        {
            return LimitedFile.ReadAllBytes(file, problem => Failures.InvalidMetadataFile(file, "file", problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.MetadataFileUnreadable(file, e);
        }
    }

    private static void CheckSize(long length, string path)
    {
        if (length > ReadLimits.MaxFileBytes)
        {
            throw Failures.InvalidMetadataFile(path, "file", ReadLimits.FileTooLarge(length));
        }
    }
}
