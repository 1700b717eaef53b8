using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;

namespace StageMap.Engine.Storage;

/// <summary>
/// How StageMap reads and writes JSON everywhere: no type names honoured, a depth limit, dates and
/// "$"-properties left as plain data, enums as names, and errors that say line and position.
/// </summary>
public static class StrictJson
{
    public const int MaxDepth = 64;

    public static JsonSerializerSettings Settings { get; } = CreateSettings();

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    /// <summary>A reader over <paramref name="text"/> with StageMap's limits; an unpaired surrogate escape is an error, not U+FFFD.</summary>
    public static JsonTextReader CreateReader(TextReader text) => new(new SurrogateEscapeCheck(text))
    {
        MaxDepth = MaxDepth,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    /// <summary>Parses a whole document, keeping line information for later errors.</summary>
    /// <exception cref="JsonReaderException">The text is not JSON; the exception has line and position.</exception>
    public static JToken Parse(string text)
    {
        using var reader = CreateReader(new StringReader(text));
        var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                throw new JsonReaderException($"Unexpected content after the end of the JSON document. Line {reader.LineNumber}, position {reader.LinePosition}.", reader.Path, reader.LineNumber, reader.LinePosition, null);
            }
        }

        return token;
    }

    /// <summary>"line L, position P: what is wrong", from any Json.NET error that knows where it happened.</summary>
    public static string Describe(JsonException exception)
    {
        var (line, position, message) = exception switch
        {
            JsonReaderException r => (r.LineNumber, r.LinePosition, r.Message),
            JsonSerializationException s => (s.LineNumber, s.LinePosition, s.Message),
            _ => (0, 0, exception.Message),
        };
        var cut = message.IndexOf(" Path '", System.StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Line ", System.StringComparison.Ordinal);
        }

        var what = cut > 0 ? message.Substring(0, cut) : message;
        return line > 0 ? $"line {line}, position {position}: {what}" : what;
    }

    /// <summary>"line L, position P" of a token read with line information, or "" when it has none.</summary>
    public static string Where(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}" : "";

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.None,
            MetadataPropertyHandling = MetadataPropertyHandling.Ignore,
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
            MissingMemberHandling = MissingMemberHandling.Error,
        };
        settings.Converters.Add(new StringEnumConverter { AllowIntegerValues = false });
        return settings;
    }
}
