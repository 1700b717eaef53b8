using System;
using System.IO;
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
        var text = DecodeText(content, path);
        return FirstSignificantChar(text) switch
        {
            null => throw Failures.UnrecognizedMetadataFile(path, "empty", Failures.CrmMetadataExpected),
            '{' or '[' => SalesforceJsonReader.Read(text, path, contactStatusField),
            '<' => SfdxSourceReader.Read(text, path, contactStatusField),
            _ => DataLoaderCsvReader.Read(text, path),
        };
    }

    /// <summary>The bytes of a metadata or stage file; a file that cannot be read is InvalidMetadataFile (ReadError).</summary>
    internal static byte[] ReadBytes(string path, out string fullPath)
    {
        fullPath = Path.GetFullPath(path);
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.MetadataFileUnreadable(fullPath, e);
        }
    }

    /// <summary>The text of a metadata or stage file: strict UTF-8 (or UTF-16 with a byte order mark).</summary>
    internal static string DecodeText(byte[] content, string path)
    {
        try
        {
            return StrictText.Decode(content);
        }
        catch (UndecodableTextException e)
        {
            throw Failures.InvalidMetadataFile(path, "text file", $"{e.Problem} (StageMap reads UTF-8, or UTF-16 with a byte order mark).", e);
        }
    }

    private static char? FirstSignificantChar(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return null;
    }
}
