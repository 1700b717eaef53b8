using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using Xunit;

namespace StageMap.Engine.Tests.Procedure;

public class ClassicPluginProcedureTests
{
    private const string Statuses = ProcedureBuilder.LeadStatusSection;
    private const string LeadField = ProcedureBuilder.LeadFieldSection;
    private const string ContactField = ProcedureBuilder.ContactFieldSection;

    private static readonly ProcedureBuilder Classic = new ClassicPluginProcedure();

    [Fact]
    public void The_standard_org_is_the_article_click_path_with_its_values()
    {
        var expected = new (string Section, string Action, string? Value)[]
        {
            (Statuses, "Access the Outreach Platform.", null),
            (Statuses, "Access the CRM Plugin.", null),
            (Statuses, "Click the Lead Status object in the Types list.", null),
            (Statuses, "Click the Mappings tab on the Lead Status landing page.", null),
        }.Concat(StandardOrg.LeadStatusGroups()).Concat(new (string Section, string Action, string? Value)[]
        {
            (LeadField, "Navigate to the Plugin Settings landing page; it opens on the Types tab.", null),
            (LeadField, "Click the Lead object in the Types list.", null),
            (LeadField, "Click the Fields tab on the Lead object landing page.", null),
            (LeadField, "Confirm the Fields tab has no 'Stage' <> 'Status' mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.", "Stage <> Status"),
            (LeadField, "Click Add and map the Outreach field 'Stage' to the CRM field 'Status'.", "Stage <> Status"),
            (LeadField, "Select Advanced from the Advanced Options dropdown menu (hidden arrow).", null),
            (LeadField, "Check \"Lookup Field\" in the Advanced Field Mapping options.", "LookupField"),
            (LeadField, "Check \"Look for name instead of record ID\" in the Advanced Field Mapping options.", "LookForName"),
            (LeadField, "Click to enable the Mapped field option under the Lookup field section.", "ExternalMappedField"),
            (LeadField, "Select 'LeadStatus' from the External Mapped Type: dropdown menu.", "LeadStatus"),
            (LeadField, "Click Done and click Save.", null),
            (ContactField, "Access the CRM Plugin.", null),
            (ContactField, "Click the Contact object in the Types list.", null),
            (ContactField, "Click the Fields tab on the Contact object landing page.", null),
            (ContactField, "Confirm the Fields tab has no 'Stage Name' <> 'Contact_Status__c' mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.", "Stage Name <> Contact_Status__c"),
            (ContactField, "Click Add and map the Outreach field 'Stage Name' to the CRM field 'Contact_Status__c'.", "Stage Name <> Contact_Status__c"),
            (ContactField, "Click Save.", null),
        }).ToArray();

        var steps = Classic.Build(StandardOrg.Create());

        Assert.Equal(Enumerable.Range(1, expected.Length), steps.Select(s => s.Step));
        Assert.Equal(expected, steps.Select(s => (s.Section, s.Action, s.Value)));
    }

    [Fact]
    public void Each_lead_status_mapping_is_one_Add_select_select_Save_group_in_mapping_order()
    {
        var configuration = StandardOrg.Create();
        configuration.RemoveLeadStatusMapping("Working - Contacted");
        configuration.AddLeadStatusMapping("Nurturing", "Approaching");

        var steps = Classic.Build(configuration).Where(s => s.Section == Statuses).Skip(4).ToList();

        var groups = steps.Select((s, i) => (s, i)).GroupBy(p => p.i / 4, p => p.s).ToList();
        Assert.Equal(
            new (string?, string?)[] { ("Open - Not Contacted", "New"), ("Closed - Converted", "Replied"), ("Closed - Not Converted", "Unresponsive"), ("Nurturing", "Approaching") },
            groups.Select(g => (g.ElementAt(1).Value, g.ElementAt(2).Value)));
        Assert.All(groups, g => Assert.Equal(new[] { "Click Add.", "Click Save." }, new[] { g.First().Action, g.Last().Action }));
        Assert.All(groups, g => Assert.StartsWith("Select '", g.ElementAt(1).Action));
    }

    [Fact]
    public void Every_advanced_option_is_a_step_in_the_article_order()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status", SyncDirection.FromCrm, new FieldMappingOptions
        {
            SkipEmptyOnPush = true,
            SkipEmptyOnPull = true,
            ExternalEmptyPlaceholder = "#N/A",
            InternalEmptyPlaceholder = "(none)",
            LookupField = true,
            ExternalMappedField = true,
            ExternalMappedType = "LeadStatus",
            LookForName = true,
            DisplayName = true,
        });

        var steps = Classic.Build(configuration, CrmObject.Lead).Where(s => s.Section == LeadField).Skip(5).ToList();

        Assert.Equal(
            new (string, string?)[]
            {
                ("Click Add and map the Outreach field 'Stage' to the CRM field 'Status'.", "Stage <> Status"),
                ("Set the mapping to sync one way only: from Salesforce to Outreach.", "FromCrm"),
                ("Select Advanced from the Advanced Options dropdown menu (hidden arrow).", null),
                ("Check \"Skip empty values when sending data to Salesforce\" in the Advanced Field Mapping options.", "SkipEmptyOnPush"),
                ("Check \"Skip empty values when loading data from Salesforce\" in the Advanced Field Mapping options.", "SkipEmptyOnPull"),
                ("Enter '#N/A' in the External Empty Placeholder: box of the Advanced Field Mapping options.", "#N/A"),
                ("Enter '(none)' in the Internal Empty Placeholder: box of the Advanced Field Mapping options.", "(none)"),
                ("Check \"Lookup Field\" in the Advanced Field Mapping options.", "LookupField"),
                ("Check \"Look for name instead of record ID\" in the Advanced Field Mapping options.", "LookForName"),
                ("Check \"Display Name instead of Record ID\" in the Advanced Field Mapping options.", "DisplayName"),
                ("Click to enable the Mapped field option under the Lookup field section.", "ExternalMappedField"),
                ("Select 'LeadStatus' from the External Mapped Type: dropdown menu.", "LeadStatus"),
                ("Click Done and click Save.", null),
            },
            steps.Select(s => (s.Action, s.Value)));
    }

    [Fact]
    public void A_push_only_contact_mapping_says_so_and_opens_no_advanced_options()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Level__c", SyncDirection.ToCrm);

        var steps = Classic.Build(configuration, CrmObject.Contact);

        Assert.Equal(
            new[] { "Access the Outreach Platform.", "Access the CRM Plugin.", "Click the Contact object in the Types list.", "Click the Fields tab on the Contact object landing page." },
            steps.Take(4).Select(s => s.Action));
        Assert.Equal(
            new (string, string?)[]
            {
                ("Click Add and map the Outreach field 'Stage Name' to the CRM field 'Level__c'.", "Stage Name <> Level__c"),
                ("Set the mapping to sync one way only: from Outreach to Salesforce.", "ToCrm"),
                ("Click Save.", null),
            },
            steps.Skip(5).Select(s => (s.Action, s.Value)));
    }

    [Fact]
    public void A_configuration_with_nothing_mapped_yet_is_three_not_configured_steps()
    {
        var steps = Classic.Build(StandardOrg.StagesInOutreach());

        Assert.Equal(new[] { 1, 2, 3 }, steps.Select(s => s.Step));
        Assert.Equal(new[] { Statuses, LeadField, ContactField }, steps.Select(s => s.Section));
        Assert.All(steps, s => Assert.StartsWith("Not configured yet: this configuration ", s.Action));
        Assert.All(steps, s => Assert.Null(s.Value));
        Assert.Contains("New-LeadStatusMapping", steps[0].Action);
        Assert.Contains("New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName", steps[1].Action);
        Assert.Contains("New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField Contact_Status__c", steps[2].Action);
    }

    [Fact]
    public void The_not_configured_contact_step_names_the_contact_status_field_of_the_metadata()
    {
        var content = StandardOrg.StagesInOutreach().GetContent();
        content.CrmMetadata = new CrmMetadata { ContactStatusField = "Level__c" };

        var step = Classic.Build(new StageMapConfiguration(content), CrmObject.Contact).Single();

        Assert.Contains("-CrmField Level__c,", step.Action);
    }

    [Fact]
    public void The_Outreach_Platform_is_accessed_once_before_the_first_click()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddFieldMapping(CrmObject.Lead, "Stage", "Status");

        var steps = Classic.Build(configuration);

        Assert.Equal(
            new[] { Statuses, LeadField, LeadField },
            steps.Take(3).Select(s => s.Section));
        Assert.StartsWith("Not configured yet", steps[0].Action);
        Assert.Equal("Access the Outreach Platform.", steps[1].Action);
        Assert.Single(steps, s => s.Action == "Access the Outreach Platform.");
    }

    [Fact]
    public void Object_keeps_one_object_and_numbers_from_one()
    {
        var configuration = StandardOrg.Create();

        var lead = Classic.Build(configuration, CrmObject.Lead);
        var contact = Classic.Build(configuration, CrmObject.Contact);

        Assert.Equal(new[] { Statuses, LeadField }, lead.Select(s => s.Section).Distinct());
        Assert.Equal(31, lead.Count);
        Assert.Equal(new[] { ContactField }, contact.Select(s => s.Section).Distinct());
        Assert.Equal(Enumerable.Range(1, 7), contact.Select(s => s.Step));
        Assert.Equal("Access the Outreach Platform.", contact[0].Action);
        Assert.Equal("Access the CRM Plugin.", contact[1].Action);
    }

    [Fact]
    public void A_mapping_whose_stage_is_gone_says_so_instead_of_naming_a_stage()
    {
        var content = StandardOrg.StagesInOutreach().GetContent();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Working - Contacted", null, 42));

        var step = Classic.Build(new StageMapConfiguration(content), CrmObject.Lead)[6];

        Assert.Null(step.Value);
        Assert.Contains("stage id '42', which it does not have", step.Action);
        Assert.Contains("Set-LeadStatusMapping", step.Action);
    }
}
