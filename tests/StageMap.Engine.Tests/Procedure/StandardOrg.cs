using StageMap.Engine.Model;

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

    public static StageMapConfiguration Create(Experience experience = Experience.ClassicPlugin)
    {
        var configuration = StageMapConfiguration.CreateDefault(experience);
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
