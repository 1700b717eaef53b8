using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace StageMap.Engine.Text;

/// <summary>
/// The one place StageMap turns file bytes into text. Decoding is strict: a byte invalid in the
/// encoding is an <see cref="UndecodableTextException"/> naming its offset, never U+FFFD. Without a
/// named encoding a file is UTF-8, with or without a byte order mark, or UTF-16 (or UTF-32) with one.
/// </summary>
internal static class StrictText
{
    static StrictText()
    {
        // Windows code pages (windows-1252, as Excel saves CSV) are not built into .NET Core.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>UTF-8 that throws on invalid bytes: the default for every file StageMap reads.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A reader over <paramref name="stream"/>. A byte order mark decides the encoding and is skipped; else <paramref name="encoding"/>, else UTF-8.</summary>
    /// <remarks>The stream must be at its start; the reader owns it unless <paramref name="leaveOpen"/>.</remarks>
    public static TextReader OpenReader(Stream stream, Encoding? encoding = null, bool leaveOpen = false)
    {
        var head = new byte[4];
        var headLength = ReadUpTo(stream, head);
        var (fromMark, markLength) = FromByteOrderMark(head, headLength);
        var chosen = Strict(fromMark ?? encoding ?? Utf8);
        var rest = new PrefixedStream(head, markLength, headLength, stream, leaveOpen);
        return new StrictTextReader(rest, chosen, markLength, leaveOpen: false);
    }

    /// <summary>The whole text of <paramref name="bytes"/>, decoded as <see cref="OpenReader"/> does.</summary>
    /// <exception cref="UndecodableTextException">A byte is not valid in the encoding.</exception>
    public static string Decode(byte[] bytes, Encoding? encoding = null)
    {
        using var reader = OpenReader(new MemoryStream(bytes, writable: false), encoding);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The first character that is not white space, for telling a file's format (JSON, XML, CSV) from
    /// its start; null when there is none. Only that character is looked at: the reader the format
    /// chooses decodes the whole file strictly.
    /// </summary>
    public static char? FirstSignificantChar(byte[] bytes)
    {
        var (fromMark, markLength) = FromByteOrderMark(bytes, Math.Min(bytes.Length, 4));
        if ((fromMark ?? XmlUtf16WithoutMark(bytes)) is { } wide && wide.CodePage != 65001)
        {
            var text = wide.GetString(bytes, markLength, bytes.Length - markLength);
            var at = 0;
            while (at < text.Length && char.IsWhiteSpace(text[at]))
            {
                at++;
            }

            return at < text.Length ? text[at] : null;
        }

        // UTF-8 and every other ASCII-compatible encoding: white space and the format's first character are single bytes.
        for (var i = markLength; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return (char)bytes[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The encoding of an XML document, as XML 1.0 appendix F tells it: a byte order mark, else the
    /// encoding its declaration names (ASCII-compatible, or UTF-16 recognised by "&lt;?"), else UTF-8.
    /// </summary>
    /// <exception cref="ArgumentException">The declaration names an encoding this machine does not know.</exception>
    public static Encoding XmlEncoding(byte[] bytes)
    {
        var (fromMark, _) = FromByteOrderMark(bytes, Math.Min(bytes.Length, 4));
        if (fromMark is not null)
        {
            return fromMark;
        }

        if (XmlUtf16WithoutMark(bytes) is { } utf16)
        {
            return utf16;
        }

        // The declaration is ASCII in every ASCII-compatible encoding; it ends at the first '>'.
        var headLength = Math.Min(bytes.Length, 512);
        var head = Encoding.ASCII.GetString(bytes, 0, headLength);
        var declared = XmlDeclaredEncoding.Match(head);
        if (!declared.Success)
        {
            return Utf8;
        }

        var name = declared.Groups["name"].Value;
        try
        {
            return Named(name);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"the XML declaration names the encoding '{name}', which StageMap cannot decode; save the file as UTF-8.", e);
        }
    }

    /// <summary>The encoding named <paramref name="name"/> (a web name such as utf-8, iso-8859-1, windows-1252, or a code page number).</summary>
    /// <exception cref="ArgumentException">No such encoding, or one .NET refuses to decode (UTF-7).</exception>
    public static Encoding Named(string name)
    {
        Encoding encoding;
        try
        {
            encoding = int.TryParse(name, NumberStyles.Integer, CultureInfo.InvariantCulture, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(name);
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"'{name}' is not an encoding StageMap can decode: {e.Message}", nameof(name), e);
        }

        // .NET 5 and later refuse UTF-7 by name; .NET Framework (Windows PowerShell 5.1) still hands it out.
        const int utf7CodePage = 65000;
        if (encoding.CodePage == utf7CodePage)
        {
            throw new ArgumentException($"'{name}' is not an encoding StageMap can decode: UTF-7 is refused as unsafe.", nameof(name));
        }

        return encoding;
    }

    /// <summary>The encoding's name as users know it: UTF-8, UTF-16, windows-1252, iso-8859-1.</summary>
    public static string DisplayName(Encoding encoding) => encoding.CodePage switch
    {
        65001 => "UTF-8",
        1200 or 1201 => "UTF-16",
        12000 or 12001 => "UTF-32",
        _ => encoding.WebName,
    };

    /// <summary>UTF-16 told by "&lt;?" without a byte order mark, as XML allows; null otherwise.</summary>
    private static Encoding? XmlUtf16WithoutMark(byte[] bytes) =>
        bytes.Length < 4 ? null
        : bytes[0] == 0x3C && bytes[1] == 0 && bytes[2] == 0x3F && bytes[3] == 0 ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false)
        : bytes[0] == 0 && bytes[1] == 0x3C && bytes[2] == 0 && bytes[3] == 0x3F ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false)
        : null;

    /// <summary>The same encoding, throwing on bytes it cannot decode.</summary>
    /// <remarks>A clone, not a look-up by code page: UTF-7 (a name Import-Csv takes) has no code page look-up on .NET 5 and later.</remarks>
    private static Encoding Strict(Encoding encoding)
    {
        var strict = (Encoding)encoding.Clone();
        strict.EncoderFallback = EncoderFallback.ExceptionFallback;
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        return strict;
    }

    private static (Encoding? Encoding, int Length) FromByteOrderMark(byte[] head, int length)
    {
        bool Starts(params byte[] mark)
        {
            if (length < mark.Length)
            {
                return false;
            }

            for (var i = 0; i < mark.Length; i++)
            {
                if (head[i] != mark[i])
                {
                    return false;
                }
            }

            return true;
        }

        return Starts(0xEF, 0xBB, 0xBF) ? ((Encoding?)Utf8, 3)
            : Starts(0xFF, 0xFE, 0x00, 0x00) ? (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4)
            : Starts(0x00, 0x00, 0xFE, 0xFF) ? (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4)
            : Starts(0xFF, 0xFE) ? (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2)
            : Starts(0xFE, 0xFF) ? (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2)
            : ((Encoding?)null, 0);
    }

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private static readonly Regex XmlDeclaredEncoding = new(
        @"^<\?xml\s[^>]*?\bencoding\s*=\s*(?<quote>['""])(?<name>[A-Za-z][A-Za-z0-9._\-]*)\k<quote>",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
}
