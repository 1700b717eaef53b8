using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Reads typed values out of a JSON document parsed by <see cref="StrictJson"/> (with line
/// information), failing with InvalidMetadataFile at the line and position of the offending token.
/// Property names match ignoring case, as Salesforce and PowerShell write them in either case.
/// </summary>
internal sealed class JsonSource
{
    public JsonSource(string path, string kind)
    {
        Path = path;
        Kind = kind;
    }

    public string Path { get; }

    public string Kind { get; }

    public static JToken? Get(JObject owner, string name) => owner.GetValue(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>"a JSON object with the properties a, b, c, …": what an unrecognized document looks like.</summary>
    public static string DescribeShape(JToken token)
    {
        if (token is not JObject obj)
        {
            return $"a JSON {token.Type.ToString().ToLowerInvariant()}";
        }

        var names = obj.Properties().Select(p => p.Name).ToList();
        if (names.Count == 0)
        {
            return "an empty JSON object";
        }

        var shown = string.Join(", ", names.Take(6));
        return $"a JSON object with the properties {shown}{(names.Count > 6 ? ", …" : "")}";
    }

    public StageMapException Invalid(JToken at, string what)
    {
        var where = StrictJson.Where(at);
        return Failures.InvalidMetadataFile(Path, Kind, where.Length == 0 ? what : $"{where}: {what}");
    }

    public string RequiredString(JObject owner, string name, string ownerName)
    {
        var value = OptionalString(owner, name);
        if (value is null)
        {
            throw Invalid(owner, $"{ownerName} has no {name}.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw Invalid(Get(owner, name)!, $"the {name} of {ownerName} is empty.");
        }

        return value;
    }

    public string? OptionalString(JObject owner, string name)
    {
        var token = Get(owner, name);
        return token is null || token.Type == JTokenType.Null ? null
            : token.Type == JTokenType.String ? (string?)token
            : throw Invalid(token, $"{name} must be text, not {TypeName(token)}.");
    }

    public bool? OptionalBool(JObject owner, string name)
    {
        var token = Get(owner, name);
        return token is null || token.Type == JTokenType.Null ? null
            : token.Type == JTokenType.Boolean ? (bool)token
            : throw Invalid(token, $"{name} must be true or false, not {TypeName(token)}.");
    }

    public int? OptionalInt(JObject owner, string name)
    {
        var token = Get(owner, name);
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        if (token.Type == JTokenType.Integer && token.Value<long>() is >= int.MinValue and <= int.MaxValue)
        {
            return token.Value<int>();
        }

        throw Invalid(token, $"{name} must be a whole number, not {(token.Type == JTokenType.Integer ? "one that large" : TypeName(token))}.");
    }

    public JObject RequireObject(JToken token, string what) =>
        token as JObject ?? throw Invalid(token, $"{what} must be a JSON object, not {TypeName(token)}.");

    private static string TypeName(JToken token) => token.Type switch
    {
        JTokenType.String => $"the text '{token}'",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        _ => token.Type.ToString().ToLowerInvariant(),
    };
}
