using StageMap.Engine.Text;
using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>CRM field names compare ignoring case, as Salesforce compares API names.</summary>
    public static StringComparer CrmFieldComparer { get; } = StringComparer.OrdinalIgnoreCase;

    /// <summary>
    /// The mapping of an Outreach field on an object; the field by plugin name or API attribute, any
    /// case ('Stage Name' and 'stageName' are the same field).
    /// </summary>
    public FieldMapping? FindFieldMapping(CrmObject crmObject, string outreachField) =>
        _content.FieldMappings.FirstOrDefault(m => m.Object == crmObject && OutreachFields.AreSame(m.OutreachField, outreachField));

    /// <summary>
    /// The mappings of an Outreach field (plugin name or API attribute, any case) on
    /// <paramref name="crmObject"/>, or on every object when it is null; FieldMappingNotFound when none.
    /// </summary>
    public IReadOnlyList<FieldMapping> GetFieldMappings(string outreachField, CrmObject? crmObject = null)
    {
        var name = RequireFieldName("Outreach", outreachField);
        var found = _content.FieldMappings
            .Where(m => (crmObject is null || m.Object == crmObject) && OutreachFields.AreSame(m.OutreachField, name))
            .OrderBy(m => m.Object)
            .ToList();
        return found.Count > 0 ? found : throw Failures.FieldMappingNotFound(crmObject?.ToString(), name);
    }

    /// <summary>
    /// Maps an Outreach field to a CRM field on one object: the article's "Click Add and map the
    /// fields", with the Advanced Field Mapping options. A known Outreach field is stored under its
    /// plugin name; a CRM field the imported metadata lists, in the metadata's spelling. Empty
    /// placeholders and an empty ExternalMappedType mean none.
    /// </summary>
    /// <exception cref="StageMapException">InvalidFieldName (also an Outreach field that is neither known nor custom1 ... custom150), DuplicateFieldMapping, ExternalMappedFieldRequiresLookup.</exception>
    public FieldMapping AddFieldMapping(CrmObject crmObject, string outreachField, string crmField, SyncDirection direction = SyncDirection.Bidirectional, FieldMappingOptions? options = null)
    {
        var outreachName = RequireFieldName("Outreach", outreachField);
        if (!OutreachFields.IsKnownOrCustom(outreachName))
        {
            throw Failures.UnknownOutreachField(outreachName, OutreachFields.Suggest(outreachName), OutreachFields.CustomFieldCount);
        }

        var crmName = RequireFieldName("CRM", crmField);
        var sameOutreachField = FindFieldMapping(crmObject, outreachName);
        if (sameOutreachField is not null)
        {
            throw Failures.OutreachFieldAlreadyMapped(crmObject.ToString(), outreachField, (sameOutreachField.OutreachField, sameOutreachField.CrmField));
        }

        var sameCrmField = _content.FieldMappings.FirstOrDefault(m => m.Object == crmObject && CrmFieldComparer.Equals(m.CrmField, crmName));
        if (sameCrmField is not null)
        {
            throw Failures.CrmFieldAlreadyMapped(crmObject.ToString(), crmField, (sameCrmField.OutreachField, sameCrmField.CrmField));
        }

        var mapping = new FieldMapping(
            crmObject,
            OutreachFields.Resolve(outreachName).Name,
            CrmMetadata.FieldsOf(crmObject).FirstOrDefault(f => CrmFieldComparer.Equals(f, crmName)) ?? crmName,
            direction,
            Normalize(options ?? FieldMappingOptions.None));
        RequireLookupForMappedField(mapping);
        Change(content => content.FieldMappings.Add(mapping));
        return mapping;
    }

    /// <summary>Changes the direction and options <paramref name="change"/> gives; the rest stays.</summary>
    /// <exception cref="StageMapException">FieldMappingNotFound, ExternalMappedFieldRequiresLookup.</exception>
    public FieldMapping UpdateFieldMapping(CrmObject crmObject, string outreachField, FieldMappingChange change)
    {
        var index = IndexOfFieldMapping(crmObject, outreachField);
        var current = _content.FieldMappings[index];
        var updated = current with
        {
            Direction = change.Direction ?? current.Direction,
            Options = Normalize(change.ApplyTo(current.Options)),
        };
        RequireLookupForMappedField(updated);
        if (updated != current)
        {
            Change(content => content.FieldMappings[index] = updated);
        }

        return updated;
    }

    /// <exception cref="StageMapException">FieldMappingNotFound.</exception>
    public FieldMapping RemoveFieldMapping(CrmObject crmObject, string outreachField)
    {
        var index = IndexOfFieldMapping(crmObject, outreachField);
        var removed = _content.FieldMappings[index];
        Change(content => content.FieldMappings.RemoveAt(index));
        return removed;
    }

    private int IndexOfFieldMapping(CrmObject crmObject, string outreachField)
    {
        var name = RequireFieldName("Outreach", outreachField);
        var index = _content.FieldMappings.FindIndex(m => m.Object == crmObject && OutreachFields.AreSame(m.OutreachField, name));
        return index >= 0 ? index : throw Failures.FieldMappingNotFound(crmObject.ToString(), name);
    }

    private static void RequireLookupForMappedField(FieldMapping mapping)
    {
        if (mapping.Options.ExternalMappedField && !mapping.Options.LookupField)
        {
            throw Failures.ExternalMappedFieldRequiresLookup(mapping.Object.ToString(), mapping.OutreachField);
        }
    }

    private static string RequireFieldName(string side, string? name)
    {
        if (NullableText.IsNullOrWhiteSpace(name))
        {
            throw Failures.InvalidFieldName(side, name);
        }

        return name.Trim();
    }

    /// <summary>Empty text options mean none; the mapped type is a name, so white space around it goes.</summary>
    private static FieldMappingOptions Normalize(FieldMappingOptions options) => options with
    {
        ExternalEmptyPlaceholder = string.IsNullOrEmpty(options.ExternalEmptyPlaceholder) ? null : options.ExternalEmptyPlaceholder,
        InternalEmptyPlaceholder = string.IsNullOrEmpty(options.InternalEmptyPlaceholder) ? null : options.InternalEmptyPlaceholder,
        ExternalMappedType = NullableText.IsNullOrWhiteSpace(options.ExternalMappedType) ? null : options.ExternalMappedType.Trim(),
    };
}
