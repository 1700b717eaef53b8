using System.Collections.Generic;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM008: a field mapping with ExternalMappedField but not LookupField. The plugin offers the Mapped
/// field option "only when Lookup field option is enabled", so a configuration that has one without
/// the other cannot be applied as written.
/// </summary>
public sealed class SM008MappedFieldWithoutLookup : ValidationRule
{
    public override string Id => "SM008";

    public override Severity Severity => Severity.Error;

    public override string Title => "ExternalMappedField without LookupField";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var mapping in context.Content.FieldMappings)
        {
            if (!mapping.Options.ExternalMappedField || mapping.Options.LookupField)
            {
                continue;
            }

            var set = $"Set-FieldMapping -Object {mapping.Object} -OutreachField {Ps(mapping.OutreachField)}";
            yield return Report(
                mapping.Object,
                mapping.OutreachField,
                $"The {mapping.Object} field mapping {Quoted(mapping.OutreachField)} <> {Quoted(mapping.CrmField)} has ExternalMappedField on but LookupField off; "
                + "the Mapped field option is only available when the Lookup field option is enabled. "
                + $"Turn LookupField on ({set} -LookupField) or ExternalMappedField off ({set} -ExternalMappedField:$false).");
        }
    }
}
