using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM015: the Lead Stage &lt;&gt; Status lookup goes by record id (LookForName off), and the
/// configuration holds no LeadStatus record id. Lead.Status holds the status API name; without
/// LookForName the sync reads it as a LeadStatus record id, and with no id known every lead with a
/// status fails (UnknownLeadStatusId). The fix turns LookForName on, or imports the ids.
/// </summary>
public sealed class SM015LeadStatusIdsMissing : ValidationRule
{
    public override string Id => "SM015";

    public override Severity Severity => Severity.Error;

    public override string Title => "A Lead Stage lookup by record id without any LeadStatus record id";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var lookup = context.LeadStageMappings.FirstOrDefault(ValidationContext.IsLeadStatusLookup);
        if (lookup is null || !context.Metadata.LeadStatusIdsMissingFor(lookup))
        {
            yield break;
        }

        var lookForName = $"Set-FieldMapping -Object Lead -OutreachField {Ps(lookup.OutreachField)} -LookForName";
        yield return Report(
            CrmObject.Lead,
            lookup.OutreachField,
            $"The Lead {Quoted(lookup.OutreachField)} <> {Quoted(lookup.CrmField)} lookup goes by LeadStatus record id (LookForName is off), but the configuration holds no LeadStatus record id: "
            + "Lead.Status holds the status API name, so every lead with a status fails to convert (UnknownLeadStatusId). "
            + $"Look statuses up by name: {lookForName}. Or import the record ids: Import-CrmMetadata -Path <file> with a LeadStatus query that selects Id "
            + "(sf data query -q \"SELECT Id, ApiName, MasterLabel, SortOrder, IsDefault, IsConverted FROM LeadStatus\" --json).")
            with { FixCommands = Fixes(lookForName) };
    }
}
