using System.Collections.Generic;
using StageMap.Engine.Model;

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

    private static bool IsLeadStage(FieldMapping mapping) =>
        mapping.Object == CrmObject.Lead && OutreachFields.AreSame(mapping.OutreachField, OutreachFields.Stage.Name);

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var mapping in context.Content.FieldMappings)
        {
            if (!mapping.Options.ExternalMappedField || mapping.Options.LookupField)
            {
                continue;
            }

            var set = $"Set-FieldMapping -Object {mapping.Object} -OutreachField {Ps(mapping.OutreachField)}";
            var lookupOn = $"{set} -LookupField";
            var mappedFieldOff = $"{set} -ExternalMappedField:$false";
            var what = $"The {mapping.Object} field mapping {Quoted(mapping.OutreachField)} <> {Quoted(mapping.CrmField)} has ExternalMappedField on but LookupField off; "
                + "the Mapped field option is only available when the Lookup field option is enabled. ";

            // The Lead Stage mapping needs both options to be the LeadStatus lookup (SM006): only LookupField on fixes it.
            // Once it is the lookup, a lookup by record id without any id fails every lead (SM015), so the fix
            // turns LookForName on too in that case, as SM006's does.
            if (IsLeadStage(mapping))
            {
                var byName = mapping.Options.LookForName || context.Metadata.HasLeadStatusIds ? "" : " -LookForName";
                var fix = lookupOn + byName;
                yield return Report(mapping.Object, mapping.OutreachField, what + $"The Lead Stage <> Status lookup needs both: turn LookupField on: {fix}.") with { FixCommands = Fixes(fix) };
                continue;
            }

            yield return Report(mapping.Object, mapping.OutreachField, what + $"Turn LookupField on ({lookupOn}) or ExternalMappedField off ({mappedFieldOff}).") with { FixCommands = Fixes(lookupOn, mappedFieldOff) };
        }
    }
}
