using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace StageMap.Engine.Text;

/// <summary>
/// The encodings a user names with -Encoding: the names PowerShell's Import-Csv takes (ascii, ansi,
/// bigendianunicode, bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, utf8NoBOM, utf32), and any
/// code page number or name .NET knows with Windows code pages (windows-1252, iso-8859-1, 1252).
/// </summary>
public static class EncodingNames
{
    /// <summary>What tab completion offers: PowerShell's names, then the code page Excel saves CSV in.</summary>
    public static IReadOnlyList<string> Names { get; } = new[]
    {
        "ascii", "ansi", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM", "utf8NoBOM", "utf32", "windows-1252",
    };

    /// <summary>The encoding <paramref name="name"/> names.</summary>
    /// <exception cref="StageMapException">InvalidEncoding: no such encoding.</exception>
    public static Encoding Resolve(string name)
    {
        var trimmed = name.Trim();
        switch (trimmed.ToLowerInvariant())
        {
            case "ascii": return Encoding.ASCII;
            case "ansi": return WindowsCodePage(CultureInfo.CurrentCulture.TextInfo.ANSICodePage);
            case "bigendianunicode": return Encoding.BigEndianUnicode;
            case "bigendianutf32": return new UTF32Encoding(bigEndian: true, byteOrderMark: true);
            case "oem": return WindowsCodePage(CultureInfo.CurrentCulture.TextInfo.OEMCodePage);
            case "unicode": return Encoding.Unicode;
#pragma warning disable SYSLIB0001 // UTF-7 is on Import-Csv's list, so a user may name it.
            case "utf7": return Encoding.UTF7;
#pragma warning restore SYSLIB0001
            case "utf8" or "utf8bom" or "utf8nobom" or "default": return StrictText.Utf8;
            case "utf32": return Encoding.UTF32;
        }

        try
        {
            return StrictText.Named(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw Failures.InvalidEncoding(name, Names);
        }
    }

    /// <summary>The encoding an <see cref="Encoding"/> object or a code page number given by a script stands for.</summary>
    /// <exception cref="StageMapException">InvalidEncoding: no such code page.</exception>
    public static Encoding Resolve(int codePage) => Resolve(codePage.ToString(CultureInfo.InvariantCulture));

    // PowerShell takes the system's ANSI and OEM code pages on Windows, and UTF-8 elsewhere.
    private static Encoding WindowsCodePage(int codePage) =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && codePage > 0 ? StrictText.Named(codePage.ToString(CultureInfo.InvariantCulture)) : StrictText.Utf8;
}
