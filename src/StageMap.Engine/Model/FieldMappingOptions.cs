using System.Collections.Generic;

namespace StageMap.Engine.Model;

/// <summary>
/// The Advanced Field Mapping options of the Outreach CRM plugin, named as the plugin's settings are
/// (the parameters of New-FieldMapping and Set-FieldMapping carry the same names).
/// </summary>
public sealed record FieldMappingOptions
{
    public static FieldMappingOptions None { get; } = new();

    /// <summary>Skip empty values when sending data to Salesforce.</summary>
    public bool SkipEmptyOnPush { get; init; }

    /// <summary>Skip empty values when loading data from Salesforce.</summary>
    public bool SkipEmptyOnPull { get; init; }

    /// <summary>Text written to the CRM in place of a blank.</summary>
    public string? ExternalEmptyPlaceholder { get; init; }

    /// <summary>Text written to Outreach in place of a blank.</summary>
    public string? InternalEmptyPlaceholder { get; init; }

    /// <summary>A read-only field whose value is resolved at run time.</summary>
    public bool LookupField { get; init; }

    /// <summary>The Mapped field option of the Lookup field section; only with <see cref="LookupField"/>.</summary>
    public bool ExternalMappedField { get; init; }

    /// <summary>The External Mapped Type, for example LeadStatus.</summary>
    public string? ExternalMappedType { get; init; }

    /// <summary>Look up the record by its name instead of its record id.</summary>
    public bool LookForName { get; init; }

    /// <summary>Show the record's name instead of its record id.</summary>
    public bool DisplayName { get; init; }

    /// <summary>The options that are set, in the order the plugin lists them; empty when none is.</summary>
    public IEnumerable<string> Describe()
    {
        if (SkipEmptyOnPush) yield return nameof(SkipEmptyOnPush);
        if (SkipEmptyOnPull) yield return nameof(SkipEmptyOnPull);
        if (ExternalEmptyPlaceholder is not null) yield return $"{nameof(ExternalEmptyPlaceholder)}='{ExternalEmptyPlaceholder}'";
        if (InternalEmptyPlaceholder is not null) yield return $"{nameof(InternalEmptyPlaceholder)}='{InternalEmptyPlaceholder}'";
        if (LookupField) yield return nameof(LookupField);
        if (ExternalMappedField) yield return nameof(ExternalMappedField);
        if (ExternalMappedType is not null) yield return $"{nameof(ExternalMappedType)}={ExternalMappedType}";
        if (LookForName) yield return nameof(LookForName);
        if (DisplayName) yield return nameof(DisplayName);
    }

    public override string ToString() => string.Join(", ", Describe());
}
