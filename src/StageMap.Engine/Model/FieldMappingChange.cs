namespace StageMap.Engine.Model;

/// <summary>
/// The part of a field mapping a Set-FieldMapping changes: a property left null keeps the mapping's
/// value. An empty ExternalEmptyPlaceholder, InternalEmptyPlaceholder or ExternalMappedType clears it.
/// </summary>
public sealed record FieldMappingChange
{
    public SyncDirection? Direction { get; init; }

    public bool? SkipEmptyOnPush { get; init; }

    public bool? SkipEmptyOnPull { get; init; }

    public string? ExternalEmptyPlaceholder { get; init; }

    public string? InternalEmptyPlaceholder { get; init; }

    public bool? LookupField { get; init; }

    public bool? ExternalMappedField { get; init; }

    public string? ExternalMappedType { get; init; }

    public bool? LookForName { get; init; }

    public bool? DisplayName { get; init; }

    /// <summary><paramref name="options"/> with this change applied.</summary>
    public FieldMappingOptions ApplyTo(FieldMappingOptions options) => new()
    {
        SkipEmptyOnPush = SkipEmptyOnPush ?? options.SkipEmptyOnPush,
        SkipEmptyOnPull = SkipEmptyOnPull ?? options.SkipEmptyOnPull,
        ExternalEmptyPlaceholder = ExternalEmptyPlaceholder ?? options.ExternalEmptyPlaceholder,
        InternalEmptyPlaceholder = InternalEmptyPlaceholder ?? options.InternalEmptyPlaceholder,
        LookupField = LookupField ?? options.LookupField,
        ExternalMappedField = ExternalMappedField ?? options.ExternalMappedField,
        ExternalMappedType = ExternalMappedType ?? options.ExternalMappedType,
        LookForName = LookForName ?? options.LookForName,
        DisplayName = DisplayName ?? options.DisplayName,
    };
}
