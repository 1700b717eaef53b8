using System;
using System.Linq;

namespace StageMap.Engine.Text;

/// <summary>
/// Bytes that are not valid in the file's encoding. Engine readers catch it and raise their own
/// StageMap failure (InvalidConfigurationFile, InvalidMetadataFile, InvalidRecordFile) with <see cref="Problem"/>.
/// </summary>
internal sealed class UndecodableTextException : Exception
{
    public UndecodableTextException(long byteOffset, byte[] bytes, string encodingName)
        : base($"byte offset {byteOffset}: {Describe(bytes)} {(bytes.Length == 1 ? "is" : "are")} not valid {encodingName}")
    {
        ByteOffset = byteOffset;
        Bytes = bytes;
        EncodingName = encodingName;
    }

    /// <summary>The 0-based offset in the file of the first byte that could not be decoded.</summary>
    public long ByteOffset { get; }

    public byte[] Bytes { get; }

    public string EncodingName { get; }

    /// <summary>"byte offset 17: the byte 0xE9 is not valid UTF-8": where and what, for a failure message.</summary>
    public string Problem => Message;

    private static string Describe(byte[] bytes) => bytes.Length switch
    {
        0 => "the text ends inside a character and",
        1 => $"the byte 0x{bytes[0]:X2}",
        _ => "the bytes " + string.Join(" ", bytes.Select(b => $"0x{b:X2}")),
    };
}
