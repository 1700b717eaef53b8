using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM006: lead status mappings exist, but no Lead field mapping is the Stage &lt;&gt; Status lookup
/// the article configures: Outreach field Stage to CRM field Status, with LookupField,
/// ExternalMappedField and ExternalMappedType LeadStatus. Without it the sync never applies the lead
/// status mappings. Each fix it prints turns LookForName on too (Lead.Status holds the status API
/// name), unless the mapping already looks statuses up by record id and the metadata has the ids:
/// a lookup by id without ids is SM015's Error.
/// </summary>
public sealed class SM006LeadStatusLookupMissing : ValidationRule
{
    private const string FullMapping =
        "New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName";

    public override string Id => "SM006";

    public override Severity Severity => Severity.Error;

    public override string Title => "Lead status mappings without the Lead Stage <> Status lookup field mapping";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        if (context.Content.LeadStatusMappings.Count == 0)
        {
            yield break;
        }

        var candidates = context.LeadStageMappings;
        foreach (var mapping in candidates)
        {
            if (ValidationContext.IsLeadStatusLookup(mapping))
            {
                yield break;
            }
        }

        var count = context.Content.LeadStatusMappings.Count;
        if (candidates.Count == 0)
        {
            yield return Report(
                CrmObject.Lead,
                OutreachFields.Stage.Name,
                $"There are {count} lead status mapping(s) but no Lead field mapping of the Outreach field 'Stage', so the sync never applies them. "
                + $"Map the Stage <> Status fields as a LeadStatus lookup by name (Lead.Status holds the status API name): {FullMapping}.")
            with { FixCommands = Fixes(FullMapping) };
            yield break;
        }

        var first = candidates[0];
        var problems = new List<string>();
        var wrongField = !ValidationContext.CrmNameComparer.Equals(first.CrmField.Trim(), ValidationContext.LeadStatusField);
        if (wrongField)
        {
            problems.Add($"it maps CRM field {Quoted(first.CrmField)}, not 'Status'");
        }

        if (!first.Options.LookupField)
        {
            problems.Add("LookupField is off");
        }

        if (!first.Options.ExternalMappedField)
        {
            problems.Add("ExternalMappedField is off");
        }

        if (!ValidationContext.CrmNameComparer.Equals(first.Options.ExternalMappedType?.Trim() ?? string.Empty, ValidationContext.LeadStatusType))
        {
            problems.Add(first.Options.ExternalMappedType is null
                ? "ExternalMappedType is not set"
                : $"ExternalMappedType is {Quoted(first.Options.ExternalMappedType)}, not 'LeadStatus'");
        }

        var lookForName = first.Options.LookForName || context.Metadata.HasLeadStatusIds ? "" : " -LookForName";
        var fix = wrongField
            ? $"Remove-FieldMapping -Object Lead -OutreachField {Ps(first.OutreachField)}; {FullMapping}"
            : $"Set-FieldMapping -Object Lead -OutreachField {Ps(first.OutreachField)} -LookupField -ExternalMappedField -ExternalMappedType LeadStatus{lookForName}";
        yield return Report(
            CrmObject.Lead,
            first.OutreachField,
            $"There are {count} lead status mapping(s), but the Lead field mapping of {Quoted(first.OutreachField)} is not the Stage <> Status lookup the sync needs to apply them: "
            + string.Join("; ", problems) + $". Fix it: {fix}.",
            wrongField ? ValidationContext.LeadStatusField : null)
            with { FixCommands = Fixes(fix) };
    }
}
