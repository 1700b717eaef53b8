using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Combines the record types and Lead Processes of one import with the record types the configuration knows.
/// </summary>
/// <remarks>
/// Record types combine per object by developer name (ignoring case, as Salesforce compares them); each
/// property comes from the last file that states it, and a property no file of the import states is kept
/// from what the configuration knew. An import with a describe of the object decides which record types
/// there are (one deleted in Salesforce goes away); without one, record types read from SFDX source or
/// the UI API are added or updated and the others stay. A UI API answer names its record type by id only,
/// so the id must be known (from a describe of this import or of an earlier one). A Lead record type
/// offers the values of its Lead Process: a process of this import gives them to every record type that
/// names it; a record type whose process changed has unknown values until a process or the UI API gives
/// them. The UI API's values (the org's own answer) win over a process file of the same import.
/// </remarks>
public static class RecordTypeMerger
{
    /// <param name="notes">Receives what the user should know: an id no record type has, a process the import lacked.</param>
    public static IReadOnlyList<CrmRecordType> Merge(IReadOnlyList<CrmRecordType> known, IReadOnlyList<MetadataFile> files, ICollection<string>? notes = null)
    {
        var merged = new List<CrmRecordType>();
        foreach (var crmObject in new[] { CrmObject.Lead, CrmObject.Contact })
        {
            var before = known.Where(r => r.Object == crmObject).ToList();
            var facts = files.SelectMany(f => f.RecordTypes).Where(f => f.Object == crmObject).ToList();
            var processes = crmObject == CrmObject.Lead ? files.SelectMany(f => f.Processes).ToList() : new List<LeadProcess>();
            if (facts.Count == 0 && processes.Count == 0)
            {
                merged.AddRange(before);
                continue;
            }

            var listed = files.Any(f => f.Format == MetadataFormat.SObjectDescribe && f.Object == crmObject && f.RecordTypes.Count > 0);
            var combined = listed ? new List<CrmRecordType>() : before.ToList();
            var fromOrg = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var namingProcess = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // Facts by developer name first: a UI API answer names its record type by an id they give.
            foreach (var fact in facts.OrderBy(f => f.DeveloperName is null))
            {
                if (fact.DeveloperName is { } developerName)
                {
                    var at = combined.FindIndex(r => SameName(r.DeveloperName, developerName));
                    var current = at >= 0 ? combined[at] : before.FirstOrDefault(r => SameName(r.DeveloperName, developerName)) ?? new CrmRecordType(crmObject, developerName, fact.Label ?? developerName);
                    Put(combined, at, Apply(current, fact));
                    if (fact.BusinessProcess is not null)
                    {
                        namingProcess.Add(developerName);
                    }

                    continue;
                }

                var byId = combined.FindIndex(r => SameId(r.Id, fact.Id));
                if (byId < 0)
                {
                    notes?.Add($"The {crmObject} record type with id {fact.Id} is not one StageMap knows, so the values read for it were not imported. Import the {crmObject} describe (or use -Online), which lists the record types with their ids, in the same command or before.");
                    continue;
                }

                combined[byId] = Apply(combined[byId], fact);
                fromOrg.Add(combined[byId].DeveloperName);
            }

            for (var i = 0; i < combined.Count; i++)
            {
                var recordType = combined[i];
                if (recordType.BusinessProcess is { } name && !fromOrg.Contains(recordType.DeveloperName) && processes.LastOrDefault(p => SameName(p.Name, name)) is { } process)
                {
                    combined[i] = recordType with
                    {
                        Values = process.Values,
                        DefaultValue = process.DefaultValue,
                        ConvertedValues = Array.Empty<string>(),
                        SfdxProject = recordType.SfdxProject ?? process.SfdxProject,
                    };
                }
            }

            for (var i = 0; i < combined.Count; i++)
            {
                var recordType = combined[i];
                if (recordType.HasKnownValues || recordType.BusinessProcess is not { } name)
                {
                    continue;
                }

                var sharing = combined.Concat(before).FirstOrDefault(r => r.Values.Count > 0 && SameName(r.BusinessProcess, name));
                if (sharing is not null)
                {
                    combined[i] = recordType with { Values = sharing.Values, DefaultValue = sharing.DefaultValue, ConvertedValues = sharing.ConvertedValues };
                }
                else if (namingProcess.Contains(recordType.DeveloperName))
                {
                    notes?.Add($"The Lead record type '{recordType.Name}' ({recordType.DeveloperName}) uses the Lead Process '{name}', which this import did not include, so the statuses it offers are not known and Test-StageMapping does not check it. "
                        + $"Import the process too: objects/Lead/businessProcesses/{name}.businessProcess-meta.xml (or the whole project folder).");
                }
            }

            merged.AddRange(combined);
        }

        return merged;
    }

    private static CrmRecordType Apply(CrmRecordType recordType, RecordTypeFacts fact)
    {
        var processChanged = fact.BusinessProcess is not null && !SameName(fact.BusinessProcess, recordType.BusinessProcess);
        var updated = recordType with
        {
            Name = fact.Label ?? recordType.Name,
            Id = fact.Id is { } id && (recordType.Id is null || !SameId(recordType.Id, id)) ? id : recordType.Id,
            IsActive = fact.IsActive ?? recordType.IsActive,
            IsMaster = fact.IsMaster ?? recordType.IsMaster,
            BusinessProcess = fact.BusinessProcess ?? recordType.BusinessProcess,
            SfdxProject = fact.SfdxProject ?? recordType.SfdxProject,
        };
        if (processChanged)
        {
            updated = updated with { Values = Array.Empty<string>(), DefaultValue = null, ConvertedValues = Array.Empty<string>() };
        }

        return fact.Values is null
            ? updated
            : updated with { Values = fact.Values, DefaultValue = fact.DefaultValue, ConvertedValues = fact.ConvertedValues ?? Array.Empty<string>() };
    }

    private static void Put(List<CrmRecordType> list, int at, CrmRecordType recordType)
    {
        if (at >= 0)
        {
            list[at] = recordType;
        }
        else
        {
            list.Add(recordType);
        }
    }

    /// <summary>Developer names and process names compare ignoring case, as Salesforce compares them.</summary>
    private static bool SameName(string? left, string? right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    /// <summary>A Salesforce id is the same record in its 15- and 18-character forms: the first 15 characters, exactly.</summary>
    private static bool SameId(string? left, string? right) =>
        left is { Length: >= 15 } && right is { Length: >= 15 } && string.CompareOrdinal(left, 0, right, 0, 15) == 0;
}
