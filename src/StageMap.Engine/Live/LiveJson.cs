using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live;

/// <summary>
/// How live code reads the JSON of an answer, a CLI's output or a project file: strict UTF-8 (an
/// undecodable byte is an error, never U+FFFD) and StageMap's JSON limits (<see cref="StrictJson"/>).
/// What the org or Outreach say about statuses and stages is read by the Metadata readers instead.
/// </summary>
internal static class LiveJson
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <exception cref="DecoderFallbackException">The bytes are not UTF-8.</exception>
    public static string Text(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return Strict.GetString(bytes, start, bytes.Length - start);
    }

    /// <exception cref="JsonReaderException">Not one JSON document; the exception has line and position.</exception>
    public static JToken Parse(string text)
    {
        using var reader = StrictJson.CreateReader(new StringReader(text));
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the end of the JSON document. Line {reader.LineNumber}, position {reader.LinePosition}.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }

        return token;
    }

    /// <summary>The body as one JSON object, or null when it is not one (not UTF-8, not JSON, another shape).</summary>
    public static JObject? TryParseObject(byte[] body)
    {
        try
        {
            return Parse(Text(body)) as JObject;
        }
        catch (System.Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return null;
        }
    }
}
