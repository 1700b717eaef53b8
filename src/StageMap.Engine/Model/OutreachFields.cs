using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>The well-known Outreach prospect fields, found by plugin name or API attribute name.</summary>
public static class OutreachFields
{
    /// <summary>The stage relationship, used by the Lead Stage &lt;&gt; Status lookup mapping.</summary>
    public static OutreachField Stage { get; } = new("Stage", "stage");

    /// <summary>The stage's name as text, used by the Contact Stage Name &lt;&gt; Contact Status mapping.</summary>
    public static OutreachField StageName { get; } = new("Stage Name", "stageName");

    public static OutreachField FirstName { get; } = new("First Name", "firstName");
    public static OutreachField LastName { get; } = new("Last Name", "lastName");
    public static OutreachField Email { get; } = new("Email", "emails", IsArray: true);
    public static OutreachField Title { get; } = new("Title", "title");
    public static OutreachField Company { get; } = new("Company", "company");

    public static IReadOnlyList<OutreachField> All { get; } = new[]
    {
        Stage,
        StageName,
        FirstName,
        new OutreachField("Middle Name", "middleName"),
        LastName,
        new OutreachField("Nickname", "nickname"),
        Title,
        Company,
        new OutreachField("Occupation", "occupation"),
        Email,
        new OutreachField("Work Phone", "workPhones", IsArray: true),
        new OutreachField("Mobile Phone", "mobilePhones", IsArray: true),
        new OutreachField("Home Phone", "homePhones", IsArray: true),
        new OutreachField("Other Phone", "otherPhones", IsArray: true),
        new OutreachField("Voip Phone", "voipPhones", IsArray: true),
        new OutreachField("Tags", "tags", IsArray: true),
        new OutreachField("Street", "addressStreet"),
        new OutreachField("Street 2", "addressStreet2"),
        new OutreachField("City", "addressCity"),
        new OutreachField("State", "addressState"),
        new OutreachField("Postal Code", "addressZip"),
        new OutreachField("Country", "addressCountry"),
        new OutreachField("LinkedIn URL", "linkedInUrl"),
        new OutreachField("Website", "websiteUrl1"),
        new OutreachField("Source", "source"),
    };

    private static readonly Dictionary<string, OutreachField> ByNameOrAttribute =
        All.SelectMany(f => new[] { (Key: f.Name, Field: f), (Key: f.Attribute, Field: f) })
           .GroupBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
           .ToDictionary(g => g.Key, g => g.First().Field, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The field called <paramref name="nameOrAttribute"/> (plugin name or API attribute, any case).
    /// A name Outreach does not list is a custom field: its attribute is the name in camelCase.
    /// </summary>
    public static OutreachField Resolve(string nameOrAttribute)
    {
        if (ByNameOrAttribute.TryGetValue(nameOrAttribute.Trim(), out var known))
        {
            return known;
        }

        return new OutreachField(nameOrAttribute, ToCamelCase(nameOrAttribute));
    }

    /// <summary>The highest n of Outreach's custom fields custom1 ... custom150.</summary>
    public const int CustomFieldCount = 150;

    /// <summary>True when <paramref name="nameOrAttribute"/> is a field of <see cref="All"/> or one of custom1 ... custom150 (as 'Custom 7' or 'custom7').</summary>
    public static bool IsKnownOrCustom(string nameOrAttribute)
    {
        var trimmed = nameOrAttribute.Trim();
        if (ByNameOrAttribute.ContainsKey(trimmed))
        {
            return true;
        }

        var attribute = ToCamelCase(trimmed);
        return attribute.StartsWith("custom", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(attribute.Substring("custom".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= 1 && n <= CustomFieldCount && attribute.Length == "custom".Length + n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
    }

    /// <summary>The known field <paramref name="typed"/> most likely means ('Stagee' is 'Stage'), by plugin name or attribute; null when none is close.</summary>
    public static string? Suggest(string typed) => NameMatch.FindName(typed.Trim());

    private static readonly char[] WordSeparators = { ' ', '_', '-' };

    private static readonly Text.NearMatch NameMatch = Text.NearMatch.Of(All, f => f.Name, f => f.Attribute);

    /// <summary>True when both names denote the same Outreach field.</summary>
    public static bool AreSame(string left, string right) =>
        string.Equals(Resolve(left).Attribute, Resolve(right).Attribute, StringComparison.OrdinalIgnoreCase);

    private static string ToCamelCase(string name)
    {
        var words = name.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return name;
        }

        var first = char.ToLowerInvariant(words[0][0]) + words[0].Substring(1);
        return first + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
    }
}
