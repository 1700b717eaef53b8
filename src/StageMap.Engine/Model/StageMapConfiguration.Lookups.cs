using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

// Lookups by a name the user typed, as the Get- cmdlets make them for a name without wildcards: like
// Get-Item, a literal name that matches nothing is an error (a wildcard that matches nothing is not).
public sealed partial class StageMapConfiguration
{
    /// <summary>The mappings of lead status <paramref name="crmStatus"/>, compared ignoring case.</summary>
    /// <exception cref="StageMapException">InvalidCrmStatus (empty), CrmStatusNotMapped.</exception>
    public IReadOnlyList<LeadStatusMapping> GetLeadStatusMappingsOf(string crmStatus)
    {
        RequireCrmStatus(crmStatus);
        var mappings = LeadStatusMappings.Where(m => string.Equals(m.CrmStatus, crmStatus, StringComparison.OrdinalIgnoreCase)).ToList();
        return mappings.Count > 0 ? mappings : throw Failures.CrmStatusNotMapped(crmStatus);
    }

    /// <summary>The mappings to the stage called <paramref name="stageName"/> (any case).</summary>
    /// <exception cref="StageMapException">StageNotFound, StageNotMapped.</exception>
    public IReadOnlyList<LeadStatusMapping> GetLeadStatusMappingsTo(string stageName)
    {
        var stage = GetStage(stageName);
        var mappings = LeadStatusMappings.Where(m => m.StageId == stage.Id).ToList();
        return mappings.Count > 0 ? mappings : throw Failures.StageNotMapped(stage.Name);
    }

    /// <summary>The CRM statuses of <paramref name="objects"/> whose API name is <paramref name="apiName"/>, compared ignoring case.</summary>
    /// <exception cref="StageMapException">CrmStatusNotFound.</exception>
    public IReadOnlyList<CrmStatus> GetCrmStatuses(string apiName, IEnumerable<CrmObject> objects)
    {
        var searched = objects.ToList();
        var statuses = searched
            .SelectMany(o => CrmMetadata.StatusesOf(o))
            .Where(s => string.Equals(s.ApiName, apiName, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return statuses.Count > 0 ? statuses : throw Failures.CrmStatusNotFound(apiName, Names(searched), searched.All(o => CrmMetadata.StatusesOf(o).Count == 0));
    }

    /// <summary>
    /// The record types of <paramref name="objects"/> whose label or developer name is <paramref name="name"/>,
    /// compared ignoring case, as they offer values (<see cref="CrmMetadata.RecordTypesOf"/>).
    /// </summary>
    /// <exception cref="StageMapException">RecordTypeNotFound.</exception>
    public IReadOnlyList<CrmRecordType> GetCrmRecordTypes(string name, IEnumerable<CrmObject> objects)
    {
        var searched = objects.ToList();
        var found = searched.SelectMany(o => CrmMetadata.RecordTypesOf(o)).Where(r => r.IsNamed(name)).ToList();
        return found.Count > 0 ? found : throw Failures.RecordTypeNotFound(name, Names(searched), searched.All(o => CrmMetadata.RecordTypes.All(r => r.Object != o)));
    }

    private static IReadOnlyList<string> Names(IEnumerable<CrmObject> objects) => objects.Select(o => o.ToString()).ToList();
}
