using System;
using System.IO;

namespace StageMap.Engine.Text;

/// <summary>Reads a whole file that <see cref="ReadLimits.MaxFileBytes"/> allows; a larger one is refused before a byte is read.</summary>
internal static class LimitedFile
{
    /// <param name="tooLarge">The reader's failure for <see cref="ReadLimits.FileTooLarge"/>.</param>
    /// <exception cref="IOException">The file cannot be read (the caller says so in its own words).</exception>
    /// <exception cref="UnauthorizedAccessException">Likewise.</exception>
    public static byte[] ReadAllBytes(string fullPath, Func<string, StageMapException> tooLarge)
    {
        using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        if (stream.Length > ReadLimits.MaxFileBytes)
        {
            throw tooLarge(ReadLimits.FileTooLarge(stream.Length));
        }

        // The length is read once: a file that grows meanwhile is read up to that length, never past the limit.
        var bytes = new byte[stream.Length];
        var read = 0;
        while (read < bytes.Length && stream.Read(bytes, read, bytes.Length - read) is var n && n > 0)
        {
            read += n;
        }

        Array.Resize(ref bytes, read);
        return bytes;
    }
}
