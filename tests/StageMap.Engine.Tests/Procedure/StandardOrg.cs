using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;

namespace StageMap.Engine.Tests.Procedure;

/// <summary>
/// The configuration of a standard Salesforce org set up as the article says: the four standard lead
/// statuses mapped, the Lead Stage &lt;&gt; Status lookup and the Contact Stage Name &lt;&gt; Contact Status mapping.
/// </summary>
internal static class StandardOrg
{
    public static readonly (string Status, string Stage)[] LeadStatuses =
    {
        ("Open - Not Contacted", "New"),
        ("Working - Contacted", "Approaching"),
        ("Closed - Converted", "Replied"),
        ("Closed - Not Converted", "Unresponsive"),
    };

    /// <summary>The Click Add / select status / select stage / Click Save group of each status, as both experiences word it.</summary>
    public static IEnumerable<(string Section, string Action, string? Value)> LeadStatusGroups() =>
        LeadStatuses.SelectMany(m => new (string, string, string?)[]
        {
            (ProcedureBuilder.LeadStatusSection, "Click Add.", null),
            (ProcedureBuilder.LeadStatusSection, $"Select '{m.Status}' from the LeadStatus: dropdown menu on the New Lead Status Mapping window.", m.Status),
            (ProcedureBuilder.LeadStatusSection, $"Select '{m.Stage}' from the Outreach Stage: dropdown menu.", m.Stage),
            (ProcedureBuilder.LeadStatusSection, "Click Save.", null),
        });

    /// <summary>A new configuration whose six default stages are confirmed in Outreach (as Import-OutreachStage records them), so no stage step comes first.</summary>
    public static StageMapConfiguration StagesInOutreach(Experience experience = Experience.ClassicPlugin)
    {
        var configuration = StageMapConfiguration.CreateDefault(experience);
        foreach (var stage in DefaultStages.All)
        {
            configuration.RecordStageInOutreach(stage.Name, stage.Id);
        }

        return configuration;
    }

    /// <summary>The org's configuration, its stages in Outreach.</summary>
    public static StageMapConfiguration Create(Experience experience = Experience.ClassicPlugin)
    {
        var configuration = StagesInOutreach(experience);

        foreach (var (status, stage) in LeadStatuses)
        {
            configuration.AddLeadStatusMapping(status, stage);
        }

        configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", options: new FieldMappingOptions
        {
            LookupField = true,
            ExternalMappedField = true,
            ExternalMappedType = "LeadStatus",
            LookForName = true,
        });
        configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c");
        return configuration;
    }
}
