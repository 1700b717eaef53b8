using System.Collections.Generic;
using StageMap.Engine.Text;

namespace StageMap.Engine.Model;

/// <summary>
/// A status value the CRM knows: a Lead status (the LeadStatus object) or a value of the Contact
/// status picklist. <see cref="Id"/> is the LeadStatus record id where a source gave it.
/// </summary>
public sealed record CrmStatus(
    CrmObject Object,
    string ApiName,
    string Label,
    bool IsDefault = false,
    bool IsConverted = false,
    bool IsActive = true,
    string? Id = null)
{
    /// <summary>The near match of CRM status values: by API name, or by label (SM003's, and the warnings as a status is typed).</summary>
    public static NearMatch NearMatchOf(IReadOnlyList<CrmStatus> statuses) => NearMatch.Of(statuses, s => s.ApiName, s => s.Label);
}
