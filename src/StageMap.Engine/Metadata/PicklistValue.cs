namespace StageMap.Engine.Metadata;

/// <summary>
/// What one file says of one status value: null wherever the file does not say (a describe knows no
/// record id, a LeadStatus query knows no active flag). <see cref="CrmMetadataMerger"/> combines the
/// values of several files by <see cref="ApiName"/>.
/// </summary>
public sealed record PicklistValue(
    string ApiName,
    string? Label = null,
    bool? IsDefault = null,
    bool? IsConverted = null,
    bool? IsActive = null,
    string? Id = null,
    int? SortOrder = null)
{
    /// <summary>This value, with every property <paramref name="newer"/> knows taken from it.</summary>
    public PicklistValue Overlay(PicklistValue newer) => new(
        ApiName,
        newer.Label ?? Label,
        newer.IsDefault ?? IsDefault,
        newer.IsConverted ?? IsConverted,
        newer.IsActive ?? IsActive,
        newer.Id ?? Id,
        newer.SortOrder ?? SortOrder);
}
