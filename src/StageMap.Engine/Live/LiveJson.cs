using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live;

/// <summary>
/// How live code reads the JSON of an answer or a CLI's output: decoded by <see cref="StrictText"/>
/// (an undecodable byte is an error, never U+FFFD) and read with StageMap's JSON limits (<see cref="StrictJson"/>).
/// What the org or Outreach say about statuses and stages is read by the Metadata readers instead.
/// </summary>
internal static class LiveJson
{
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
            return Parse(StrictText.Decode(body)) as JObject;
        }
        catch (System.Exception e) when (e is JsonException or UndecodableTextException)
        {
            return null;
        }
    }
}
