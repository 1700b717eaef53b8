using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Combines the files of one import with what the configuration already knows.
/// </summary>
/// <remarks>
/// For each object (Lead, Contact) the files of this import that give its statuses decide which
/// statuses there are: a status no longer in the CRM's files goes away. Within the import, values
/// combine by API name (exact, ordinal): each property comes from the last file that states it,
/// files taken in the order given. A property no file of this import states (a describe has no record
/// id, a query no active flag) is kept from what the configuration knew of that API name. The list is
/// in SortOrder when every status has one (a LeadStatus query or Data Loader export), otherwise in the
/// order the files list the statuses (the first file to list a status places it). Field names are
/// those of the last describe of the object. The contact statuses are replaced, not combined, when
/// they come from another field than before. Record types combine as <see cref="RecordTypeMerger"/> says.
/// </remarks>
public static class CrmMetadataMerger
{
    /// <summary>
    /// Combines the files of one import with the CRM metadata <paramref name="configuration"/> knows
    /// (<see cref="Merge"/>). Files that give nothing leave the configuration as it is.
    /// </summary>
    /// <param name="notes">Receives what the user should know of how the files combined.</param>
    public static CrmMetadata ImportCrmMetadata(this StageMapConfiguration configuration, IReadOnlyList<MetadataFile> files, ICollection<string>? notes = null)
    {
        if (!files.Any(f => f.HasContent))
        {
            return configuration.CrmMetadata;
        }

        var merged = Merge(configuration.CrmMetadata, files, notes);
        configuration.ReplaceCrmMetadata(merged);
        return merged;
    }

    /// <param name="notes">Receives what the user should know of how the files combined (see <see cref="RecordTypeMerger"/>).</param>
    public static CrmMetadata Merge(CrmMetadata known, IReadOnlyList<MetadataFile> files, ICollection<string>? notes = null)
    {
        var merged = known;
        var leadFiles = StatusFiles(files, CrmObject.Lead);
        if (leadFiles.Count > 0)
        {
            merged = merged with { LeadStatuses = MergeStatuses(CrmObject.Lead, known.LeadStatuses, leadFiles) };
        }

        var contactFiles = StatusFiles(files, CrmObject.Contact);
        if (contactFiles.Count > 0)
        {
            // A file with contact statuses names the field they are the values of.
            var field = contactFiles[contactFiles.Count - 1].StatusField!;
            var previous = string.Equals(field, known.ContactStatusField, StringComparison.OrdinalIgnoreCase) ? known.ContactStatuses : Array.Empty<CrmStatus>();
            merged = merged with { ContactStatusField = field, ContactStatuses = MergeStatuses(CrmObject.Contact, previous, contactFiles) };
        }

        if (LastDescribe(files, CrmObject.Lead) is { } lead)
        {
            merged = merged with { LeadFields = lead.Fields, LeadFieldLabels = lead.FieldLabels };
        }

        if (LastDescribe(files, CrmObject.Contact) is { } contact)
        {
            merged = merged with { ContactFields = contact.Fields, ContactFieldLabels = contact.FieldLabels };
        }

        merged = merged with { RecordTypes = RecordTypeMerger.Merge(known.RecordTypes, files, notes) };
        var names = files.Where(f => f.HasContent).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        return merged with { Sources = known.Sources.Where(s => !names.Contains(s, StringComparer.Ordinal)).Concat(names).ToList() };
    }

    private static List<MetadataFile> StatusFiles(IReadOnlyList<MetadataFile> files, CrmObject crmObject) =>
        files.Where(f => f.Object == crmObject && f.Statuses.Count > 0).ToList();

    private static MetadataFile? LastDescribe(IReadOnlyList<MetadataFile> files, CrmObject crmObject) =>
        files.LastOrDefault(f => f.Object == crmObject && f.Fields.Count > 0);

    private static IReadOnlyList<CrmStatus> MergeStatuses(CrmObject crmObject, IReadOnlyList<CrmStatus> known, IReadOnlyList<MetadataFile> files)
    {
        var combined = new List<PicklistValue>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in files.SelectMany(f => f.Statuses))
        {
            if (index.TryGetValue(value.ApiName, out var at))
            {
                combined[at] = combined[at].Overlay(value);
            }
            else
            {
                index.Add(value.ApiName, combined.Count);
                combined.Add(value);
            }
        }

        IEnumerable<PicklistValue> ordered = combined.All(v => v.SortOrder is not null) ? combined.OrderBy(v => v.SortOrder) : combined;
        var before = new Dictionary<string, CrmStatus>(StringComparer.Ordinal);
        foreach (var status in known)
        {
            before[status.ApiName] = status;
        }

        return ordered.Select(v =>
        {
            before.TryGetValue(v.ApiName, out var old);
            return new CrmStatus(
                crmObject,
                v.ApiName,
                v.Label ?? old?.Label ?? v.ApiName,
                v.IsDefault ?? old?.IsDefault ?? false,
                crmObject == CrmObject.Lead && (v.IsConverted ?? old?.IsConverted ?? false),
                v.IsActive ?? old?.IsActive ?? true,
                v.Id ?? old?.Id);
        }).ToList();
    }
}
