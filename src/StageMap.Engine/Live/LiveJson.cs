using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live;

/// <summary>
/// How live code reads what a server or a CLI answers: decoded by <see cref="StrictText"/> (an
/// undecodable byte is an error, never U+FFFD), checked with StageMap's JSON limits in one streaming
/// pass before a tree is built (<see cref="StrictJson"/>), and read defensively: a value of another
/// type than expected, a number that overflows or an id that is not a positive Int32 is never cast,
/// so it can only end in a typed error. What the org or Outreach say about statuses and stages is
/// read by the Metadata readers instead.
/// </summary>
internal static class LiveJson
{
    /// <summary>An answer's body (already held to the answer cap) as one JSON document.</summary>
    /// <param name="unreadable">Makes the failure from what is wrong ("line 1, position 3: ...").</param>
    public static JToken Parse(byte[] body, Func<string, StageMapException> unreadable)
    {
        var documents = StrictJson.ParseDocuments(body, multipleDocuments: false, (problem, _) => unreadable(problem), sizeChecked: true);
        return documents.Count == 1 ? documents[0] : throw unreadable("it is empty.");
    }

    /// <summary>Text that should hold one JSON document (a CLI's output).</summary>
    /// <exception cref="JsonReaderException">Not one JSON document, or a number no reader can hold.</exception>
    public static JToken Parse(string text)
    {
        try
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
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            throw new JsonReaderException($"A number out of range ({e.Message}).", e);
        }
    }

    /// <summary>The body as one JSON token, or null when it is not one (not UTF-8, not JSON, over a limit): for error bodies, which are read for their words only.</summary>
    public static JToken? TryParse(byte[] body)
    {
        try
        {
            var documents = StrictJson.ParseDocuments(body, multipleDocuments: false, (_, _) => throw new NotJsonException(), sizeChecked: true);
            return documents.Count == 1 ? documents[0] : null;
        }
        catch (NotJsonException)
        {
            return null;
        }
    }

    /// <summary>A JSON text value; null for anything else (an object, a list, a number).</summary>
    public static string? Text(JToken? token) => token is JValue { Type: JTokenType.String, Value: string text } ? text : null;

    /// <summary>
    /// What a value says, for repeating an API's words: text as it is, a number or true/false as
    /// written, a list as its values joined by "; ", an object or null as nothing.
    /// </summary>
    public static string? Words(JToken? token)
    {
        switch (token)
        {
            case JValue { Value: null }:
                return null;
            case JValue { Type: JTokenType.String, Value: string text }:
                return text.Trim().Length == 0 ? null : text.Trim();
            case JValue { Type: JTokenType.Integer or JTokenType.Float or JTokenType.Boolean } value:
                return Convert.ToString(value.Value, CultureInfo.InvariantCulture);
            case JArray list:
                var words = list.Select(Words).Where(w => w is not null).ToList();
                return words.Count == 0 ? null : string.Join("; ", words);
            default:
                return null;
        }
    }

    /// <summary>
    /// An id that is a whole number from 1 to 2,147,483,647, given as a JSON number or as its digits
    /// in text (JSON:API ids are text; Outreach sends numbers). Anything else is not an id.
    /// </summary>
    public static bool TryGetId(JToken? token, out int id)
    {
        id = 0;
        var parsed = token switch
        {
            JValue { Type: JTokenType.Integer, Value: long number } => number,
            JValue { Type: JTokenType.String, Value: string text } when text.Length is > 0 and <= 10 && text.All(c => c is >= '0' and <= '9')
                => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture),
            _ => 0L,
        };
        if (parsed is < 1 or > int.MaxValue)
        {
            return false;
        }

        id = (int)parsed;
        return true;
    }

    /// <summary>A count: a whole JSON number from 0 to Int64's largest. A fraction, a negative or a larger number is not one.</summary>
    public static bool TryGetCount(JToken? token, out long count)
    {
        if (token is JValue { Type: JTokenType.Integer, Value: long number } && number >= 0)
        {
            count = number;
            return true;
        }

        count = 0;
        return false;
    }

    /// <summary>How a value that is not what was expected shows in a message: its JSON, cut short.</summary>
    public static string Show(JToken? token)
    {
        var json = token?.ToString(Formatting.None) ?? "nothing";
        return json.Length <= 60 ? json : json.Substring(0, 57) + "...";
    }

    /// <summary>Ends <see cref="TryParse"/> on a body that is not JSON; never leaves this class.</summary>
    private sealed class NotJsonException : Exception
    {
    }
}
