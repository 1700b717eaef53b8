using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;

namespace StageMap.Engine.Tests.Validation;

/// <summary>
/// Configurations for the rule tests, built straight from <see cref="ConfigurationContent"/> (no rule
/// applied, like a hand-edited file) so each can hold exactly the broken state a rule exists to catch.
/// </summary>
internal static class ValidationData
{
    /// <summary>The Status picklist of the shared Lead describe (tests/fixtures/salesforce/sf_describe_Lead__lwrfileupload.json).</summary>
    public static readonly string[] StandardLeadStatuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    public static FieldMapping LeadStatusLookup { get; } = new(CrmObject.Lead, "Stage", "Status", SyncDirection.Bidirectional, new FieldMappingOptions
    {
        LookupField = true,
        ExternalMappedField = true,
        ExternalMappedType = "LeadStatus",
        LookForName = true,
    });

    public static FieldMapping ContactStageName { get; } = new(CrmObject.Contact, "Stage Name", "Contact_Status__c", SyncDirection.Bidirectional, FieldMappingOptions.None);

    /// <summary>The four lead statuses of the shared Lead describe: all active, labels equal to values, the first the default.</summary>
    public static CrmMetadata StandardLeadMetadata() => new()
    {
        LeadStatuses = StandardLeadStatuses.Select((s, i) => new CrmStatus(CrmObject.Lead, s, s, IsDefault: i == 0, IsConverted: s == "Closed - Converted")).ToList(),
        Sources = new[] { "sf_describe_Lead__lwrfileupload.json" },
    };

    /// <summary><paramref name="metadata"/> with a LeadStatus record id on each lead status, as a LeadStatus query gives them.</summary>
    public static CrmMetadata WithLeadStatusIds(CrmMetadata metadata) => metadata with
    {
        LeadStatuses = metadata.LeadStatuses.Select((s, i) => s with { Id = $"01J5g00000Lb7Q{(char)('A' + i)}EAZ" }).ToList(),
    };

    public static IReadOnlyList<CrmStatus> Statuses(CrmObject crmObject, params string[] apiNames) =>
        apiNames.Select(n => new CrmStatus(crmObject, n, n)).ToList();

    /// <summary>Stages with ids and orders 1, 2, 3, ... in the order given.</summary>
    public static List<Stage> Stages(params string[] names) => names.Select((n, i) => new Stage(i + 1, n, i + 1)).ToList();

    /// <summary>Outreach's six default stages, nothing else.</summary>
    public static ConfigurationContent DefaultStages() => new() { Stages = DefaultStagesList() };

    /// <summary>
    /// A complete, consistent configuration: a stage per name, each lead status of that name mapped to
    /// it, the Lead Stage &lt;&gt; Status lookup, the Contact Stage Name mapping, and CRM metadata whose
    /// lead statuses and contact status values are exactly those names.
    /// </summary>
    public static ConfigurationContent Sound(params string[] names)
    {
        if (names.Length == 0)
        {
            names = StandardLeadStatuses;
        }

        var stages = Stages(names);
        return new ConfigurationContent
        {
            Stages = stages,
            LeadStatusMappings = stages.Select(s => new LeadStatusMapping(s.Name, null, s.Id)).ToList(),
            FieldMappings = { LeadStatusLookup, ContactStageName },
            CrmMetadata = new CrmMetadata
            {
                LeadStatuses = Statuses(CrmObject.Lead, names),
                ContactStatuses = Statuses(CrmObject.Contact, names),
            },
        };
    }

    /// <summary>A standard Salesforce org: default stages, the four standard statuses mapped as in the demo sheet, the lookup, the Lead metadata.</summary>
    public static ConfigurationContent StandardOrg() => new()
    {
        Stages = DefaultStagesList(),
        LeadStatusMappings =
        {
            new LeadStatusMapping("Open - Not Contacted", null, 1),
            new LeadStatusMapping("Working - Contacted", null, 2),
            new LeadStatusMapping("Closed - Converted", null, 3),
            new LeadStatusMapping("Closed - Not Converted", null, 4),
        },
        FieldMappings = { LeadStatusLookup },
        CrmMetadata = StandardLeadMetadata(),
    };

    /// <summary>What rule <paramref name="ruleId"/> reports when the whole Validator runs (so the rule is also proven registered).</summary>
    public static List<Diagnostic> Diagnose(ConfigurationContent content, string ruleId) =>
        Validator.Validate(content).Where(d => d.RuleId == ruleId).ToList();

    /// <summary>Asserts what a diagnostic is about: its severity, CRM object and target.</summary>
    public static void AssertAbout(Diagnostic diagnostic, Severity severity, CrmObject? crmObject, string target) =>
        Assert.Equal((severity, crmObject, target), (diagnostic.Severity, diagnostic.Object, diagnostic.Target));

    public static List<string> Targets(ConfigurationContent content, string ruleId) =>
        Diagnose(content, ruleId).Select(d => d.Target).ToList();

    private static List<Stage> DefaultStagesList() => StageMap.Engine.Model.DefaultStages.All.ToList();
}
