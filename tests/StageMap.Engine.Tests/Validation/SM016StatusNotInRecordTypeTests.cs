using System;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Validation;
using Xunit;

namespace StageMap.Engine.Tests.Validation;

public class SM016StatusNotInRecordTypeTests
{
    private static StageMapConfiguration Mapped(bool withContactMapping = false, SyncDirection leadDirection = SyncDirection.Bidirectional) =>
        RecordTypeProject.Mapped(withContactMapping: withContactMapping, leadDirection: leadDirection);

    private static Diagnostic[] SM016(StageMapConfiguration configuration) => SM016(configuration.GetContent());

    private static Diagnostic[] SM016(ConfigurationContent content) =>
        Validator.Validate(content).Where(d => d.RuleId == "SM016").ToArray();

    /// <summary>The configuration's content with its record types changed as a hand-edited file could have them.</summary>
    private static ConfigurationContent WithRecordTypes(StageMapConfiguration configuration, System.Func<CrmRecordType, CrmRecordType> change)
    {
        var content = configuration.GetContent();
        content.CrmMetadata = content.CrmMetadata with { RecordTypes = content.CrmMetadata.RecordTypes.Select(change).ToList() };
        return content;
    }

    [Fact]
    public void An_active_record_type_whose_process_lacks_two_mapped_statuses_is_one_warning_naming_both_and_not_the_inactive_type()
    {
        var diagnostic = Assert.Single(SM016(Mapped()));

        Assert.Equal(Severity.Warning, diagnostic.Severity);
        Assert.Equal(CrmObject.Lead, diagnostic.Object);
        Assert.Equal("Partner Lead", diagnostic.Target);
        Assert.StartsWith("Lead record type 'Partner Lead' (Partner_Lead) offers the lead statuses of its Lead Process 'Partner Process'. It lacks 'Nurturing' (stage 'Nurturing') and 'Meeting Booked' (stage 'Meeting Booked'), ", diagnostic.Message);
        Assert.Contains("bad value for restricted picklist", diagnostic.Message);
        Assert.DoesNotContain("Legacy", diagnostic.Message);
        var fix = $"Export-CrmMetadata -Path '{RecordTypeProject.Folder}' -RecordType 'Partner Lead'";
        Assert.Equal(new[] { fix }, diagnostic.FixCommands);
        Assert.Contains(fix, diagnostic.Message);
        Assert.Contains($"Import-CrmMetadata -Path '{RecordTypeProject.Folder}'", diagnostic.Message);
        Assert.Equal("Setup > Object Manager > Lead > Lead Processes (or Quick Find: Lead Processes) > Edit 'Partner Process' > move 'Nurturing', 'Meeting Booked' to Selected Values > Save.", diagnostic.Suggestion);
    }

    [Fact]
    public void A_Contact_record_type_lacking_stage_names_is_reported_with_the_Stage_Name_mapping_only()
    {
        Assert.DoesNotContain(SM016(Mapped()), d => d.Object == CrmObject.Contact);

        var contact = Assert.Single(SM016(Mapped(withContactMapping: true)), d => d.Object == CrmObject.Contact);

        Assert.Equal("Customer Contact", contact.Target);
        Assert.Contains("It lacks 'Do Not Contact' (stage 'Do Not Contact') and 'Bad Data' (stage 'Bad Data'), which the Contact 'Stage Name' mapping writes into Contact_Status__c", contact.Message);
        Assert.Equal(new[] { $"Export-CrmMetadata -Path '{RecordTypeProject.Folder}' -RecordType 'Customer Contact'" }, contact.FixCommands);
        Assert.StartsWith("Setup > Object Manager > Contact > Record Types > 'Customer Contact' > Edit beside Contact_Status__c > move 'Do Not Contact', 'Bad Data'", contact.Suggestion);
    }

    [Fact]
    public void The_inactive_record_type_is_reported_once_active_and_its_process_without_a_converted_status_is_said()
    {
        var content = WithRecordTypes(Mapped(), r => r.DeveloperName == "Legacy_Lead" ? r with { IsActive = true } : r);

        var legacy = Assert.Single(SM016(content), d => d.Target == "Legacy Lead");

        Assert.Contains("It lacks 'Working - Contacted' (stage 'Working - Contacted'), 'Nurturing' (stage 'Nurturing'), 'Meeting Booked' (stage 'Meeting Booked') and 'Closed - Converted' (stage 'Closed - Converted')", legacy.Message);
        Assert.Contains("It offers no converted status, so leads of this type cannot be converted. Add one to its Lead Process ('Closed - Converted').", legacy.Message);
        Assert.Single(legacy.FixCommands);
    }

    [Fact]
    public void A_process_without_a_converted_status_the_export_would_not_add_has_no_fix_command()
    {
        var configuration = Mapped();
        configuration.RemoveLeadStatusMapping("Closed - Converted");
        var content = WithRecordTypes(configuration, r => r.DeveloperName == "Legacy_Lead" ? r with { IsActive = true } : r);

        var legacy = Assert.Single(SM016(content), d => d.Target == "Legacy Lead");

        Assert.Contains("cannot be converted", legacy.Message);
        Assert.Empty(legacy.FixCommands);
    }

    [Fact]
    public void A_record_type_from_the_org_prints_a_template_and_the_retrieve_command()
    {
        var diagnostic = Assert.Single(SM016(WithRecordTypes(Mapped(), r => r with { SfdxProject = null })));

        Assert.Empty(diagnostic.FixCommands);
        Assert.Contains("sf project retrieve start --metadata RecordType:Lead.Partner_Lead \"BusinessProcess:Lead.Partner Process\"", diagnostic.Message);
        Assert.Contains("Export-CrmMetadata -Path <project> -RecordType 'Partner Lead'", diagnostic.Message);
    }

    [Fact]
    public void A_Stage_mapping_that_only_pulls_writes_no_status_so_nothing_is_reported()
    {
        Assert.Empty(SM016(Mapped(leadDirection: SyncDirection.FromCrm)));
    }

    [Fact]
    public void Statuses_the_CRM_lacks_or_has_inactive_are_left_to_SM003_and_SM014()
    {
        var configuration = Mapped();
        configuration.RemoveLeadStatusMapping("Nurturing");
        configuration.AddLeadStatusMapping("Nurture", "Nurturing");
        var content = configuration.GetContent();
        content.CrmMetadata = content.CrmMetadata with { LeadStatuses = content.CrmMetadata.LeadStatuses.Select(s => s.ApiName == "Meeting Booked" ? s with { IsActive = false } : s).ToList() };

        Assert.Empty(SM016(content));
        Assert.Contains(Validator.Validate(content), d => d.RuleId == "SM003");
        Assert.Contains(Validator.Validate(content), d => d.RuleId == "SM014");
    }

    [Fact]
    public void Without_record_types_or_with_every_value_offered_it_says_nothing()
    {
        var configuration = Mapped();
        Assert.Empty(SM016(WithRecordTypes(configuration, r => r with { Values = r.Object == CrmObject.Lead ? configuration.CrmMetadata.LeadStatuses.Select(s => s.ApiName).ToList() : r.Values })));
        Assert.Empty(SM016(WithRecordTypes(configuration, r => r with { Values = System.Array.Empty<string>() })));

        var none = configuration.GetContent();
        none.CrmMetadata = none.CrmMetadata with { RecordTypes = System.Array.Empty<CrmRecordType>() };
        Assert.Empty(SM016(none));
    }
}
