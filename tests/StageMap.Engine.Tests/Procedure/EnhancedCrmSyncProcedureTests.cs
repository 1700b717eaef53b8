using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using Xunit;

namespace StageMap.Engine.Tests.Procedure;

public class EnhancedCrmSyncProcedureTests
{
    private const string Statuses = ProcedureBuilder.LeadStatusSection;
    private const string LeadField = ProcedureBuilder.LeadFieldSection;
    private const string ContactField = ProcedureBuilder.ContactFieldSection;

    private static readonly ProcedureBuilder Enhanced = new EnhancedCrmSyncProcedure();

    [Fact]
    public void The_standard_org_is_the_beta_click_path_with_its_values()
    {
        var expected = new (string Section, string Action, string? Value)[]
        {
            (Statuses, "Access the Outreach Platform.", null),
            (Statuses, "Access the CRM Sync.", null),
            (Statuses, "Click the Lead Status object in the list.", null),
            (Statuses, "Click the Mappings tab on the Lead Status landing page.", null),
        }.Concat(StandardOrg.LeadStatusGroups()).Concat(new (string Section, string Action, string? Value)[]
        {
            (LeadField, "Navigate to the CRM Sync landing page.", null),
            (LeadField, "Click the Lead object in the list.", null),
            (LeadField, "Scroll down to the Set field mapping section on the Lead object landing page.", null),
            (LeadField, "Confirm the Set field mapping section has no 'Stage' <> 'Status' mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.", "Stage <> Status"),
            (LeadField, "Click Add mapping and map the Outreach field 'Stage' to the CRM field 'Status'.", "Stage <> Status"),
            (LeadField, "Check \"Lookup Field\" in the Advanced Field Mapping settings.", "LookupField"),
            (LeadField, "Check \"Look for name instead of record ID\" in the Advanced Field Mapping settings.", "LookForName"),
            (LeadField, "Click to enable the Mapped field option under the Outreach field information section.", "ExternalMappedField"),
            (LeadField, "Select 'LeadStatus' from the External Mapped Type: dropdown menu.", "LeadStatus"),
            (LeadField, "Click Done > Save.", null),
            (ContactField, "Access the CRM Sync.", null),
            (ContactField, "Click the Contact object in the list.", null),
            (ContactField, "Scroll down to the Set field mapping section on the Contact object landing page.", null),
            (ContactField, "Confirm the Set field mapping section has no 'Stage Name' <> 'Contact_Status__c' mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.", "Stage Name <> Contact_Status__c"),
            (ContactField, "Click Add mapping and map the Outreach field 'Stage Name' to the CRM field 'Contact_Status__c'.", "Stage Name <> Contact_Status__c"),
            (ContactField, "Click Save.", null),
        }).ToArray();

        var steps = Enhanced.Build(StandardOrg.Create(Experience.EnhancedCrmSync));

        Assert.Equal(Enumerable.Range(1, expected.Length), steps.Select(s => s.Step));
        Assert.Equal(expected, steps.Select(s => (s.Section, s.Action, s.Value)));
    }

    [Fact]
    public void The_lead_status_groups_and_values_are_those_of_the_classic_plugin()
    {
        var configuration = StandardOrg.Create();

        var enhanced = Enhanced.Build(configuration).Where(s => s.Section == Statuses).Skip(4);
        var classic = new ClassicPluginProcedure().Build(configuration).Where(s => s.Section == Statuses).Skip(4);

        Assert.Equal(classic.Select(s => (s.Step, s.Action, s.Value)), enhanced.Select(s => (s.Step, s.Action, s.Value)));
        Assert.Equal(16, enhanced.Count());
    }

    [Fact]
    public void Options_are_set_in_the_settings_with_no_Advanced_dropdown_step()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c", options: new FieldMappingOptions
        {
            SkipEmptyOnPull = true,
            InternalEmptyPlaceholder = "New",
            DisplayName = true,
        });

        var steps = Enhanced.Build(configuration, CrmObject.Contact).Skip(5);

        Assert.Equal(
            new (string, string?)[]
            {
                ("Click Add mapping and map the Outreach field 'Stage Name' to the CRM field 'Contact_Status__c'.", "Stage Name <> Contact_Status__c"),
                ("Check \"Skip empty values when loading data from Salesforce\" in the Advanced Field Mapping settings.", "SkipEmptyOnPull"),
                ("Enter 'New' in the Internal Empty Placeholder: box of the Advanced Field Mapping settings.", "New"),
                ("Check \"Display Name instead of Record ID\" in the Advanced Field Mapping settings.", "DisplayName"),
                ("Click Done > Save.", null),
            },
            steps.Select(s => (s.Action, s.Value)));
    }

    [Fact]
    public void The_wording_is_the_beta_and_never_the_classic_one()
    {
        var actions = string.Join("\n", Enhanced.Build(StandardOrg.Create()).Select(s => s.Action));

        Assert.DoesNotContain("CRM Plugin", actions);
        Assert.DoesNotContain("Plugin Settings", actions);
        Assert.DoesNotContain("Types list", actions);
        Assert.DoesNotContain("Fields tab", actions);
        Assert.DoesNotContain("Lookup field section", actions);
        Assert.DoesNotContain("Advanced Options dropdown", actions);
    }

    [Fact]
    public void With_nothing_mapped_the_beta_also_says_what_is_not_configured()
    {
        var steps = Enhanced.Build(StandardOrg.StagesInOutreach(Experience.EnhancedCrmSync));

        Assert.Equal(new[] { Statuses, LeadField, ContactField }, steps.Select(s => s.Section));
        Assert.All(steps, s => Assert.StartsWith("Not configured yet", s.Action));
    }

    [Fact]
    public void The_builder_follows_the_experience()
    {
        Assert.IsType<ClassicPluginProcedure>(ProcedureBuilder.For(Experience.ClassicPlugin));
        Assert.IsType<EnhancedCrmSyncProcedure>(ProcedureBuilder.For(Experience.EnhancedCrmSync));
        Assert.Equal("Classic Plugin", ProcedureBuilder.For(Experience.ClassicPlugin).Title);
        Assert.Equal("Enhanced CRM Sync (beta)", ProcedureBuilder.For(Experience.EnhancedCrmSync).Title);
    }
}
