using System;
using System.Collections.Generic;
using System.IO;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>
/// How StageMap reads and writes JSON everywhere: no type names honoured, a depth limit, dates and
/// "$"-properties left as plain data, enums as names, and errors that say line and position.
/// </summary>
public static class StrictJson
{
    public const int MaxDepth = ReadLimits.MaxDepth;

    public static JsonSerializerSettings Settings { get; } = CreateSettings();

    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(Settings);

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    /// <summary>
    /// The bytes of a JSON file StageMap writes (a configuration, a snapshot): indented by two spaces, LF
    /// line ends and a final one, UTF-8 without a byte order mark, the same on every platform.
    /// </summary>
    public static byte[] ToFileBytes(object value)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        using (var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false })
        {
            Serializer.Serialize(json, value);
        }

        writer.Write('\n');
        return Encodings.Utf8NoBom.GetBytes(writer.ToString());
    }

    /// <summary>A reader over <paramref name="text"/> with StageMap's limits; an unpaired surrogate escape is an error, not U+FFFD.</summary>
    public static JsonTextReader CreateReader(TextReader text) => new(new SurrogateEscapeCheck(text))
    {
        MaxDepth = MaxDepth,
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    /// <summary>
    /// The JSON documents in a file's bytes: none for an empty or white-space-only file, one, or (with
    /// <paramref name="multipleDocuments"/>, JSON Lines) several. The bytes are decoded strictly
    /// (<see cref="StrictText"/>) and checked in one streaming pass before any tree is built: the
    /// file size, nesting, the token count, the length of every text, and property names repeated
    /// in one object, ignoring case (readers match property names ignoring case).
    /// </summary>
    /// <param name="invalid">Makes the reader's failure from "line L, position P: what" (or "byte offset N: what").</param>
    /// <param name="sizeChecked">True when the caller has already held the bytes to a limit of its own (a live answer's cap).</param>
    internal static IReadOnlyList<JToken> ParseDocuments(byte[] bytes, bool multipleDocuments, Func<string, Exception?, StageMapException> invalid, bool sizeChecked = false)
    {
        if (!sizeChecked && bytes.Length > ReadLimits.MaxFileBytes)
        {
            throw invalid(ReadLimits.FileTooLarge(bytes.Length), null);
        }

        try
        {
            Check(bytes, multipleDocuments);
            return Load(bytes, multipleDocuments);
        }
        catch (JsonException e)
        {
            throw invalid(Describe(e), e);
        }
        catch (UndecodableTextException e)
        {
            throw invalid($"{e.Problem} ({Failures.DefaultEncodings}).", e);
        }
        catch (InvalidJsonException e)
        {
            throw invalid(e.Message, null);
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            // Json.NET raises these, not a JsonReaderException, for some numbers (88888888888888888888888888888e0; found by AFL).
            throw invalid($"a number out of range ({e.Message})", e);
        }
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
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" Line ", StringComparison.Ordinal);
        }

        var what = cut > 0 ? message.Substring(0, cut) : message;

        // A text reader that fails on its very first character has not counted a line yet.
        return line > 0 ? $"line {line}, position {position}: {what}"
            : exception is JsonReaderException ? $"line 1, position {Math.Max(position, 1)}: {what}"
            : what;
    }

    /// <summary>"line L, position P" of a token read with line information, or "" when it has none.</summary>
    public static string Where(JToken token) =>
        token is IJsonLineInfo info && info.HasLineInfo() ? $"line {info.LineNumber}, position {info.LinePosition}" : "";

    /// <summary>The value of a JSON integer that fits an Int32; false for any other token (text, a fraction, a huge number).</summary>
    public static bool TryGetInt32(JToken token, out int value)
    {
        if (token is JValue { Type: JTokenType.Integer, Value: long number } && number is >= int.MinValue and <= int.MaxValue)
        {
            value = (int)number;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The streaming pass: holds one token at a time, so a hostile file fails before it is held as a tree.</summary>
    private static void Check(byte[] bytes, bool multipleDocuments)
    {
        using var reader = CreateReader(StrictText.OpenReader(new MemoryStream(bytes, writable: false)));
        reader.SupportMultipleContent = multipleDocuments;
        var names = new Stack<HashSet<string>?>();
        var tokens = 0;
        while (ReadNumberChecked(reader))
        {
            if (++tokens > ReadLimits.MaxTokens)
            {
                throw new InvalidJsonException($"{At(reader)}: the file has more than {ReadLimits.MaxTokens:N0} JSON tokens.");
            }

            switch (reader.TokenType)
            {
                case JsonToken.StartObject:
                    names.Push(new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                    break;
                case JsonToken.StartArray:
                    names.Push(null);
                    break;
                case JsonToken.EndObject or JsonToken.EndArray:
                    names.Pop();
                    break;
                case JsonToken.PropertyName:
                    // A PropertyName or String token's Value is its string; a property name comes only inside an object, whose set of names is on top.
                    var name = (string)reader.Value!;
                    CheckLength(name, reader);
                    if (!names.Peek()!.Add(name))
                    {
                        throw new InvalidJsonException($"{At(reader)}: the property '{name}' appears twice in one object (names are compared ignoring case).");
                    }

                    break;
                case JsonToken.String or JsonToken.Comment:
                    CheckLength((string)reader.Value!, reader);
                    break;
            }
        }
    }

    /// <summary>Json.NET raises OverflowException, not a JsonReaderException, for a number such as 88888888888888888888888888888e0.</summary>
    private static bool ReadNumberChecked(JsonTextReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (Exception e) when (e is OverflowException or FormatException)
        {
            throw new InvalidJsonException($"{At(reader)}: a number StageMap cannot read, too large or too small ({e.Message})");
        }
    }

    private static void CheckLength(string text, JsonTextReader reader)
    {
        if (text.Length > ReadLimits.MaxTextLength)
        {
            throw new InvalidJsonException($"{At(reader)}: a text of {text.Length:N0} characters; StageMap reads texts of at most {ReadLimits.MaxTextLength:N0} characters, and names, statuses and labels of at most {ReadLimits.MaxNameLength}.");
        }
    }

    private static List<JToken> Load(byte[] bytes, bool multipleDocuments)
    {
        using var reader = CreateReader(StrictText.OpenReader(new MemoryStream(bytes, writable: false)));
        reader.SupportMultipleContent = multipleDocuments;
        var documents = new List<JToken>();
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment)
            {
                documents.Add(JToken.Load(reader, LoadSettings));
            }
        }

        return documents;
    }

    private static string At(IJsonLineInfo reader) => $"line {reader.LineNumber}, position {reader.LinePosition}";

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

    /// <summary>A limit the streaming pass found broken; its message starts with the line and position.</summary>
    private sealed class InvalidJsonException : Exception
    {
        public InvalidJsonException(string message)
            : base(message)
        {
        }
    }
}
