using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using StageMap.Engine.Text;

namespace StageMap.Engine.Storage;

/// <summary>
/// Checks a JSON tree against the classes it will be deserialized into, before it is: every value
/// of the type its property declares (a whole number within Int32 for an int: never 6.6 rounded to
/// 7, never a number too large), no null where the writer never writes one, no unknown or missing
/// required property, enum values by name, and names within <see cref="ReadLimits"/>
/// (<see cref="NameTextAttribute"/>). Deserializing a checked tree cannot fail or guess.
/// </summary>
/// <remarks>
/// Null is allowed only for a property declared with NullValueHandling.Ignore (the writer leaves it
/// out when it has no value); any other property and every list item must have a value.
/// </remarks>
internal sealed class ContractCheck
{
    private readonly JsonSource _source;
    private readonly IContractResolver _resolver;

    public ContractCheck(JsonSource source, JsonSerializer serializer)
    {
        _source = source;
        _resolver = serializer.ContractResolver;
    }

    /// <exception cref="StageMapException">The reader's failure, at the offending token.</exception>
    public void Check(JToken token, Type type)
    {
        switch (_resolver.ResolveContract(type))
        {
            case JsonObjectContract contract:
                CheckObject(token, contract);
                break;
            case JsonArrayContract contract:
                var array = token as JArray ?? throw _source.Invalid(token, $"{Name(token)} must be a list, not {JsonSource.TypeName(token)}.");
                foreach (var item in array)
                {
                    RequireValue(item);
                    // An array contract Newtonsoft made for a list type knows its item type.
                    Check(item, contract.CollectionItemType!);
                }

                break;
            default:
                CheckValue(token, Nullable.GetUnderlyingType(type) ?? type);
                break;
        }
    }

    private void CheckObject(JToken token, JsonObjectContract contract)
    {
        var obj = token as JObject ?? throw _source.Invalid(token, $"{Name(token)} must be a JSON object, not {JsonSource.TypeName(token)}.");
        foreach (var property in obj.Properties())
        {
            var declared = contract.Properties.GetClosestMatchProperty(property.Name);
            if (declared is null || declared.Ignored)
            {
                var known = string.Join(", ", contract.Properties.Where(p => !p.Ignored).Select(p => p.PropertyName));
                throw _source.Invalid(property, $"'{property.Name}' is not a property StageMap knows here (it knows {known}).");
            }

            var nullable = (declared.NullValueHandling ?? contract.ItemNullValueHandling) == NullValueHandling.Ignore;
            if (property.Value.Type == JTokenType.Null)
            {
                if (nullable)
                {
                    continue;
                }

                RequireValue(property.Value);
            }

            // A property of a contract Newtonsoft made knows its type.
            Check(property.Value, declared.PropertyType!);
            if (declared.AttributeProvider?.GetAttributes(typeof(NameTextAttribute), inherit: false).Count > 0)
            {
                // A name, or a list of names: each is held to the limits.
                foreach (var text in property.Value is JArray names ? names.ToList() : new List<JToken> { property.Value })
                {
                    // A String token converts to its (non-null) string.
                    if (text.Type == JTokenType.String && ReadLimits.NameProblem((string)text!, Name(text)) is { } problem)
                    {
                        throw _source.Invalid(text, problem);
                    }
                }
            }
        }

        // A property of a contract Newtonsoft made has its name.
        var missing = contract.Properties.FirstOrDefault(p => p.Required == Required.Always && obj.GetValue(p.PropertyName!, StringComparison.OrdinalIgnoreCase) is null);
        if (missing is not null)
        {
            throw _source.Invalid(obj, $"{Name(obj)} has no {missing.PropertyName}.");
        }
    }

    private void CheckValue(JToken token, Type type)
    {
        if (type == typeof(int))
        {
            if (!StrictJson.TryGetInt32(token, out _))
            {
                throw _source.Invalid(token, token.Type == JTokenType.Integer
                    ? $"{Name(token)} must be a whole number from {int.MinValue} to {int.MaxValue}, not {token}."
                    : $"{Name(token)} must be a whole number, not {JsonSource.TypeName(token)}.");
            }
        }
        else if (type == typeof(bool))
        {
            Require(token, JTokenType.Boolean, "true or false");
        }
        else if (type == typeof(string))
        {
            Require(token, JTokenType.String, "text");
        }
        else if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            // Reached only for a String token, which converts to its (non-null) string.
            if (token.Type != JTokenType.String || !names.Contains((string)token!, StringComparer.OrdinalIgnoreCase))
            {
                throw _source.Invalid(token, $"{Name(token)} must be one of {string.Join(", ", names)}, not {JsonSource.TypeName(token)}.");
            }
        }
        else
        {
            throw new InvalidOperationException($"ContractCheck does not know the type {type}; add it.");
        }
    }

    private void Require(JToken token, JTokenType expected, string what)
    {
        if (token.Type != expected)
        {
            throw _source.Invalid(token, $"{Name(token)} must be {what}, not {JsonSource.TypeName(token)}.");
        }
    }

    private void RequireValue(JToken token)
    {
        if (token.Type == JTokenType.Null)
        {
            throw _source.Invalid(token, $"{Name(token)} cannot be null.");
        }
    }

    /// <summary>The token's path in the document, as "stages[2].id"; "the file" for the root.</summary>
    private static string Name(JToken token) => token.Path.Length == 0 ? "the file" : token.Path;
}

/// <summary>Marks a stage name, CRM status or label, or a list of them: <see cref="ContractCheck"/> holds each to <see cref="ReadLimits.NameProblem"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NameTextAttribute : Attribute
{
}
