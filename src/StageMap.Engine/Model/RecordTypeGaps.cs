using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>A status the sync writes, with the stages whose records get it.</summary>
public sealed record WrittenStatus(string Status, IReadOnlyList<string> Stages);

/// <summary>What one record type lacks: statuses the sync writes that it does not offer, and (Lead) a converted status.</summary>
public sealed record RecordTypeGap(CrmRecordType RecordType, IReadOnlyList<WrittenStatus> Missing, bool OffersNoConvertedStatus);

/// <summary>
/// The statuses the sync writes to Salesforce, set against the values each record type offers: the one
/// home of the check behind SM016, the procedure's Salesforce steps, the report and Export-CrmMetadata
/// -RecordType.
/// </summary>
/// <remarks>
/// Lead: the CRM statuses of the lead status mappings, in mapping order, each with the stages mapped to it.
/// Contact: with a Contact Stage Name mapping, every stage name, in stage order (the mapping writes the
/// stage's name as text). A mapping that only pulls (FromCrm) writes nothing. Where the CRM's values are
/// known, a status that is not one of them (SM003, SM010) or is inactive (SM014) is left to those rules:
/// no record type can offer it until the value set has it. A stage no stage id names (SM013) leads nowhere.
/// </remarks>
public static class RecordTypeGaps
{
    /// <summary>The statuses the sync writes for <paramref name="crmObject"/>, in the configuration's order.</summary>
    public static IReadOnlyList<WrittenStatus> Written(ConfigurationContent content, CrmObject crmObject) =>
        crmObject == CrmObject.Lead ? WrittenForLeads(content) : WrittenForContacts(content);

    /// <summary>
    /// Each active record type (not the master, which offers every value) whose values are known and that
    /// lacks a status the sync writes, or, for Lead, offers no converted status while the org has one.
    /// </summary>
    public static IReadOnlyList<RecordTypeGap> Find(ConfigurationContent content)
    {
        var metadata = content.CrmMetadata;
        if (metadata.RecordTypes.Count == 0)
        {
            return Array.Empty<RecordTypeGap>();
        }

        var written = new Dictionary<CrmObject, IReadOnlyList<WrittenStatus>>
        {
            [CrmObject.Lead] = Written(content, CrmObject.Lead),
            [CrmObject.Contact] = Written(content, CrmObject.Contact),
        };
        var gaps = new List<RecordTypeGap>();
        foreach (var recordType in metadata.RecordTypesOf().Where(r => r.IsActive && !r.IsMaster && r.HasKnownValues))
        {
            var missing = Lacking(written[recordType.Object], recordType.Values);
            var noConverted = recordType.Object == CrmObject.Lead && metadata.KnowsConvertedStatuses && recordType.ConvertedValues.Count == 0;
            if (missing.Count > 0 || noConverted)
            {
                gaps.Add(new RecordTypeGap(recordType, missing, noConverted));
            }
        }

        return gaps;
    }

    /// <summary>The statuses of <paramref name="written"/> that <paramref name="offered"/> lacks, compared exactly (ordinal).</summary>
    public static IReadOnlyList<WrittenStatus> Lacking(IReadOnlyList<WrittenStatus> written, IEnumerable<string> offered)
    {
        var has = new HashSet<string>(offered, StringComparer.Ordinal);
        return written.Where(w => !has.Contains(w.Status)).ToList();
    }

    private static IReadOnlyList<WrittenStatus> WrittenForLeads(ConfigurationContent content)
    {
        if (Pulls(content.FieldMappings.FirstOrDefault(m => m.Object == CrmObject.Lead && OutreachFields.AreSame(m.OutreachField, OutreachFields.Stage.Name))))
        {
            return Array.Empty<WrittenStatus>();
        }

        var stageNames = new Dictionary<int, string>();
        foreach (var stage in content.Stages)
        {
            if (!stageNames.ContainsKey(stage.Id))
            {
                stageNames.Add(stage.Id, stage.Name);
            }
        }

        var usable = Usable(content.CrmMetadata.LeadStatuses);
        var written = new List<(string Status, List<string> Stages)>();
        foreach (var mapping in content.LeadStatusMappings)
        {
            if (!stageNames.TryGetValue(mapping.StageId, out var stage) || !usable(mapping.CrmStatus))
            {
                continue;
            }

            var at = written.FindIndex(w => string.Equals(w.Status, mapping.CrmStatus, StringComparison.Ordinal));
            if (at < 0)
            {
                written.Add((mapping.CrmStatus, new List<string> { stage }));
            }
            else if (!written[at].Stages.Contains(stage, StringComparer.Ordinal))
            {
                written[at].Stages.Add(stage);
            }
        }

        return written.Select(w => new WrittenStatus(w.Status, w.Stages)).ToList();
    }

    private static IReadOnlyList<WrittenStatus> WrittenForContacts(ConfigurationContent content)
    {
        var mapping = content.FieldMappings.FirstOrDefault(m => m.Object == CrmObject.Contact && OutreachFields.AreSame(m.OutreachField, OutreachFields.StageName.Name));
        if (mapping is null || Pulls(mapping))
        {
            return Array.Empty<WrittenStatus>();
        }

        var usable = Usable(content.CrmMetadata.ContactStatuses);
        return content.Stages.InStageOrder()
            .Where(s => usable(s.Name))
            .Select(s => new WrittenStatus(s.Name, new[] { s.Name }))
            .ToList();
    }

    private static bool Pulls(FieldMapping? mapping) => mapping?.Direction == SyncDirection.FromCrm;

    /// <summary>A status a record type could offer: any, while the CRM's values are not known; else an active value, exactly.</summary>
    private static Func<string, bool> Usable(IReadOnlyList<CrmStatus> statuses)
    {
        if (statuses.Count == 0)
        {
            return _ => true;
        }

        var active = new HashSet<string>(statuses.Where(s => s.IsActive).Select(s => s.ApiName), StringComparer.Ordinal);
        return active.Contains;
    }
}
