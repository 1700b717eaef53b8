using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Review;

/// <summary>
/// The differences between two configurations, area by area: stages matched by key, their identity
/// (so a rename is one Changed, and a stage a sync gave Outreach's id is the same stage, Changed in
/// InOutreach), lead status mappings by CRM status (exactly, as the sync compares it), field
/// mappings by object and Outreach field (one change per option that changed), and CRM values by
/// object and API name. A lead status mapping is Changed only when it points at another stage: a
/// renamed or renumbered stage is reported once, as the stage's change. The metadata's source file
/// names are not compared (they say where values came from, not what they are).
/// </summary>
public static class ConfigurationDiff
{
    public static IReadOnlyList<ConfigurationChange> Compare(ConfigurationContent reference, ConfigurationContent difference)
    {
        var changes = new List<ConfigurationChange>();
        if (reference.Experience != difference.Experience)
        {
            changes.Add(new(ChangeKind.Changed, ChangeArea.Experience, null, nameof(ConfigurationContent.Experience), nameof(ConfigurationContent.Experience), reference.Experience.ToString(), difference.Experience.ToString()));
        }

        CompareStages(reference.Stages, difference.Stages, changes);
        CompareLeadStatusMappings(reference, difference, changes);
        CompareFieldMappings(reference.FieldMappings, difference.FieldMappings, changes);
        CompareMetadata(reference.CrmMetadata, difference.CrmMetadata, changes);
        return changes;
    }

    private static void CompareStages(IReadOnlyList<Stage> before, IReadOnlyList<Stage> after, List<ConfigurationChange> changes)
    {
        Match(before, after, s => s.Key, StringComparer.Ordinal,
            added: s => changes.Add(new(ChangeKind.Added, ChangeArea.Stage, null, s.Name, null, null, Describe(s))),
            removed: s => changes.Add(new(ChangeKind.Removed, ChangeArea.Stage, null, s.Name, null, Describe(s), null)),
            both: (b, a) =>
            {
                Property(changes, ChangeArea.Stage, null, a.Name, nameof(Stage.Name), b.Name, a.Name, StringComparer.Ordinal);
                Property(changes, ChangeArea.Stage, null, a.Name, nameof(Stage.Order), b.Order, a.Order);
                Property(changes, ChangeArea.Stage, null, a.Name, nameof(Stage.Color), b.Color, a.Color, StringComparer.OrdinalIgnoreCase);
                Property(changes, ChangeArea.Stage, null, a.Name, "InOutreach", DescribeOutreach(b), DescribeOutreach(a), StringComparer.Ordinal);
            });
    }

    private static void CompareLeadStatusMappings(ConfigurationContent reference, ConfigurationContent difference, List<ConfigurationChange> changes)
    {
        var lead = CrmObject.Lead.ToString();
        Match(Numbered(reference.LeadStatusMappings, m => m.CrmStatus), Numbered(difference.LeadStatusMappings, m => m.CrmStatus), p => p.Key, StringComparer.Ordinal,
            added: p => changes.Add(new(ChangeKind.Added, ChangeArea.LeadStatusMapping, lead, p.Item.CrmStatus, null, null, StageName(difference, p.Item.StageId))),
            removed: p => changes.Add(new(ChangeKind.Removed, ChangeArea.LeadStatusMapping, lead, p.Item.CrmStatus, null, StageName(reference, p.Item.StageId), null)),
            both: (b, a) =>
            {
                if (!string.Equals(StageKey(reference, b.Item.StageId), StageKey(difference, a.Item.StageId), StringComparison.Ordinal))
                {
                    changes.Add(new(ChangeKind.Changed, ChangeArea.LeadStatusMapping, lead, a.Item.CrmStatus, nameof(LeadStatusMapping.Stage), StageName(reference, b.Item.StageId), StageName(difference, a.Item.StageId)));
                }
            });
    }

    private static void CompareFieldMappings(IReadOnlyList<FieldMapping> before, IReadOnlyList<FieldMapping> after, List<ConfigurationChange> changes)
    {
        static string Key(FieldMapping m) => $"{m.Object}\u0001{OutreachFields.Resolve(m.OutreachField).Name}";
        Match(Numbered(before, Key), Numbered(after, Key), p => p.Key, StringComparer.OrdinalIgnoreCase,
            added: p => changes.Add(new(ChangeKind.Added, ChangeArea.FieldMapping, p.Item.Object.ToString(), Pair(p.Item), null, null, Describe(p.Item))),
            removed: p => changes.Add(new(ChangeKind.Removed, ChangeArea.FieldMapping, p.Item.Object.ToString(), Pair(p.Item), null, Describe(p.Item), null)),
            both: (pb, pa) =>
            {
                var (b, a) = (pb.Item, pa.Item);
                var crmObject = a.Object.ToString();
                var name = Pair(a);
                Property(changes, ChangeArea.FieldMapping, crmObject, name, nameof(FieldMapping.CrmField), b.CrmField, a.CrmField, StringComparer.Ordinal);
                Property(changes, ChangeArea.FieldMapping, crmObject, name, nameof(FieldMapping.Direction), b.Direction.ToString(), a.Direction.ToString(), StringComparer.Ordinal);
                foreach (var option in Options)
                {
                    Property(changes, ChangeArea.FieldMapping, crmObject, name, option.Name, option.Value(b.Options), option.Value(a.Options));
                }
            });
    }

    private static void CompareMetadata(CrmMetadata before, CrmMetadata after, List<ConfigurationChange> changes)
    {
        foreach (var crmObject in new[] { CrmObject.Lead, CrmObject.Contact })
        {
            var objectName = crmObject.ToString();
            Match(Numbered(before.StatusesOf(crmObject), s => s.ApiName), Numbered(after.StatusesOf(crmObject), s => s.ApiName), p => p.Key, StringComparer.Ordinal,
                added: p => changes.Add(new(ChangeKind.Added, ChangeArea.CrmMetadata, objectName, p.Item.ApiName, null, null, Describe(p.Item))),
                removed: p => changes.Add(new(ChangeKind.Removed, ChangeArea.CrmMetadata, objectName, p.Item.ApiName, null, Describe(p.Item), null)),
                both: (pb, pa) =>
                {
                    var (b, a) = (pb.Item, pa.Item);
                    Property(changes, ChangeArea.CrmMetadata, objectName, a.ApiName, nameof(CrmStatus.Label), b.Label, a.Label, StringComparer.Ordinal);
                    Property(changes, ChangeArea.CrmMetadata, objectName, a.ApiName, nameof(CrmStatus.IsActive), b.IsActive, a.IsActive);
                    Property(changes, ChangeArea.CrmMetadata, objectName, a.ApiName, nameof(CrmStatus.IsDefault), b.IsDefault, a.IsDefault);
                    Property(changes, ChangeArea.CrmMetadata, objectName, a.ApiName, nameof(CrmStatus.IsConverted), b.IsConverted, a.IsConverted);
                    Property(changes, ChangeArea.CrmMetadata, objectName, a.ApiName, nameof(CrmStatus.Id), b.Id, a.Id, StringComparer.Ordinal);
                });

            Match(before.FieldsOf(crmObject), after.FieldsOf(crmObject), f => f, StringComparer.OrdinalIgnoreCase,
                added: f => changes.Add(new(ChangeKind.Added, ChangeArea.CrmMetadata, objectName, f, "Field", null, f)),
                removed: f => changes.Add(new(ChangeKind.Removed, ChangeArea.CrmMetadata, objectName, f, "Field", f, null)),
                both: (_, _) => { });
        }

        Property(changes, ChangeArea.CrmMetadata, CrmObject.Contact.ToString(), nameof(CrmMetadata.ContactStatusField), nameof(CrmMetadata.ContactStatusField), before.ContactStatusField, after.ContactStatusField, StringComparer.Ordinal);
    }

    /// <summary>The advanced options, in the plugin's order, each as a comparable value.</summary>
    private static readonly (string Name, Func<FieldMappingOptions, object?> Value)[] Options =
    {
        (nameof(FieldMappingOptions.SkipEmptyOnPush), o => o.SkipEmptyOnPush),
        (nameof(FieldMappingOptions.SkipEmptyOnPull), o => o.SkipEmptyOnPull),
        (nameof(FieldMappingOptions.ExternalEmptyPlaceholder), o => o.ExternalEmptyPlaceholder),
        (nameof(FieldMappingOptions.InternalEmptyPlaceholder), o => o.InternalEmptyPlaceholder),
        (nameof(FieldMappingOptions.LookupField), o => o.LookupField),
        (nameof(FieldMappingOptions.ExternalMappedField), o => o.ExternalMappedField),
        (nameof(FieldMappingOptions.ExternalMappedType), o => o.ExternalMappedType),
        (nameof(FieldMappingOptions.LookForName), o => o.LookForName),
        (nameof(FieldMappingOptions.DisplayName), o => o.DisplayName),
    };

    /// <summary>
    /// Pairs the items of both sides by key, in the difference's order (then the removed ones):
    /// reports each item only on one side to <paramref name="added"/> or <paramref name="removed"/>.
    /// </summary>
    private static void Match<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> key, StringComparer comparer, Action<T> added, Action<T> removed, Action<T, T> both)
    {
        var old = new Dictionary<string, T>(comparer);
        var oldOrder = new List<T>();
        foreach (var item in before)
        {
            if (!old.ContainsKey(key(item)))
            {
                old.Add(key(item), item);
                oldOrder.Add(item);
            }
        }

        var seen = new HashSet<string>(comparer);
        foreach (var item in after)
        {
            if (!seen.Add(key(item)))
            {
                continue;
            }

            if (old.TryGetValue(key(item), out var was))
            {
                both(was, item);
            }
            else
            {
                added(item);
            }
        }

        foreach (var item in oldOrder.Where(i => !seen.Contains(key(i))))
        {
            removed(item);
        }
    }

    /// <summary>Items keyed by <paramref name="key"/> plus its occurrence, so a hand-edited file's repeated item is compared too.</summary>
    private static IEnumerable<(string Key, T Item)> Numbered<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            counts.TryGetValue(k, out var n);
            counts[k] = n + 1;
            yield return (n == 0 ? k : $"{k}\u0002{n}", item);
        }
    }

    private static void Property(List<ConfigurationChange> changes, ChangeArea area, string? crmObject, string name, string property, object? before, object? after, IEqualityComparer<string>? text = null)
    {
        var same = before is string b && after is string a && text is not null ? text.Equals(b, a) : Equals(before, after);
        if (!same)
        {
            changes.Add(new(ChangeKind.Changed, area, crmObject, name, property, before, after));
        }
    }

    /// <summary>The key of the stage a mapping points at; for a stage the configuration lacks, the id it names.</summary>
    private static string StageKey(ConfigurationContent content, int stageId) =>
        content.Stages.FirstOrDefault(s => s.Id == stageId)?.Key ?? $"missing id {stageId.ToString(CultureInfo.InvariantCulture)}";

    private static string StageName(ConfigurationContent content, int stageId) =>
        content.Stages.FirstOrDefault(s => s.Id == stageId)?.Name ?? $"(stage id {stageId.ToString(CultureInfo.InvariantCulture)}, missing)";

    private static string Pair(FieldMapping m) => $"{m.OutreachField} <> {m.CrmField}";

    private static string Describe(Stage s) =>
        $"id {s.Id.ToString(CultureInfo.InvariantCulture)}, order {s.Order.ToString(CultureInfo.InvariantCulture)}" + (s.Color is null ? "" : $", {s.Color}");

    /// <summary>"no" (a local id means nothing, so it is not shown), or what Outreach has of the stage under its id: "id 101: 'Nurturing', order 7".</summary>
    private static string DescribeOutreach(Stage s) =>
        s.Outreach is null
            ? "no"
            : $"id {s.Id.ToString(CultureInfo.InvariantCulture)}: '{s.Outreach.Name}', order {s.Outreach.Order.ToString(CultureInfo.InvariantCulture)}" + (s.Outreach.Color is null ? "" : $", {s.Outreach.Color}");

    private static string Describe(FieldMapping m)
    {
        var options = m.Options.ToString();
        return options.Length == 0 ? m.Direction.ToString() : $"{m.Direction}; {options}";
    }

    private static string Describe(CrmStatus s) =>
        $"'{s.Label}'" + (s.IsActive ? "" : ", inactive") + (s.IsDefault ? ", default" : "") + (s.IsConverted ? ", converted" : "");
}
