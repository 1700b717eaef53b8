using System;
using System.Linq;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>
/// Reads typed values out of a JSON document parsed by <see cref="StrictJson"/> (with line
/// information), failing with the reader's own failure at the line and position of the offending
/// token. Property names match ignoring case, as Salesforce and PowerShell write them in either
/// case (<see cref="StrictJson"/> has refused an object that repeats a name in another case).
/// </summary>
internal sealed class JsonSource
{
    private readonly Func<string, StageMapException> _invalid;

    /// <param name="invalid">The reader's failure for "line L, position P: what".</param>
    public JsonSource(string path, Func<string, StageMapException> invalid)
    {
        Path = path;
        _invalid = invalid;
    }

    public string Path { get; }

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

    /// <summary>"the text 'x'", "the number 6.6", "null": a token as a message shows it.</summary>
    public static string TypeName(JToken token) => token.Type switch
    {
        JTokenType.String => $"the text '{token}'",
        JTokenType.Integer or JTokenType.Float => $"the number {token}",
        JTokenType.Boolean => $"{token.ToString().ToLowerInvariant()}",
        JTokenType.Object => "a JSON object",
        JTokenType.Array => "a list",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    public StageMapException Invalid(JToken at, string what)
    {
        var where = StrictJson.Where(at);
        return _invalid(where.Length == 0 ? what : $"{where}: {what}");
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
            throw Invalid(Get(owner, name) ?? owner, $"the {name} of {ownerName} is empty.");
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

    /// <summary>A required stage name, status or API name, within <see cref="ReadLimits"/>.</summary>
    public string RequiredName(JObject owner, string name, string ownerName) =>
        WithinLimits(owner, name, RequiredString(owner, name, ownerName), ownerName);

    /// <summary>An optional label, within <see cref="ReadLimits"/>.</summary>
    public string? OptionalName(JObject owner, string name, string ownerName) =>
        OptionalString(owner, name) is { } value ? WithinLimits(owner, name, value, ownerName) : null;

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

        return StrictJson.TryGetInt32(token, out var value) ? value
            : token.Type == JTokenType.Integer ? throw Invalid(token, $"{name} must be a whole number from {int.MinValue} to {int.MaxValue}, not {token}.")
            : throw Invalid(token, $"{name} must be a whole number, not {TypeName(token)}.");
    }

    public JObject RequireObject(JToken token, string what) =>
        token as JObject ?? throw Invalid(token, $"{what} must be a JSON object, not {TypeName(token)}.");

    private string WithinLimits(JObject owner, string name, string value, string ownerName) =>
        ReadLimits.NameProblem(value, $"the {name} of {ownerName}") is { } problem ? throw Invalid(Get(owner, name) ?? owner, problem) : value;
}
