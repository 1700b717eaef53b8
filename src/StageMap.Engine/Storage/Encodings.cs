using System.Text;

namespace StageMap.Engine.Storage;

/// <summary>The text encoding StageMap writes everywhere; readers still honour a byte order mark.</summary>
internal static class Encodings
{
    public static UTF8Encoding Utf8NoBom { get; } = new(encoderShouldEmitUTF8Identifier: false);
}
