using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Procedure;

/// <summary>Get-StageMapProcedure, when SM016 finds a record type that lacks a status: the Salesforce Setup steps that add it.</summary>
public class RecordTypeProcedureTests
{
    private const string Section = ProcedureBuilder.RecordTypeSection;

    [Theory]
    [InlineData(Experience.ClassicPlugin)]
    [InlineData(Experience.EnhancedCrmSync)]
    public void The_Lead_Process_steps_come_after_the_stages_and_name_the_process_and_both_statuses(Experience experience)
    {
        var steps = ProcedureBuilder.For(experience).Build(RecordTypeProject.Mapped());

        var sections = steps.Select(s => s.Section).Distinct().ToList();
        Assert.Equal(new[] { ProcedureBuilder.StageSection, Section, ProcedureBuilder.LeadStatusSection, ProcedureBuilder.LeadFieldSection, ProcedureBuilder.ContactFieldSection }, sections);
        var salesforce = steps.Where(s => s.Section == Section).Select(s => s.Action).ToList();
        Assert.StartsWith("Log in to Salesforce as an administrator and open Setup.", salesforce[0]);
        Assert.Equal("In the Quick Find box, enter Lead Processes and select Lead Processes (in Object Manager: Lead, then Lead Processes).", salesforce[1]);
        Assert.Equal("Click Edit beside the Lead Process 'Partner Process', which the record type 'Partner Lead' uses.", salesforce[2]);
        Assert.Equal("Move 'Nurturing' and 'Meeting Booked' from Available Values to Selected Values.", salesforce[3]);
        Assert.Equal("Click Save.", salesforce[4]);
        Assert.Equal($"Or, instead of these clicks, add the values in your SFDX project and deploy it with the Salesforce CLI (sf project deploy start): Export-CrmMetadata -Path '{RecordTypeProject.Folder}' -RecordType 'Partner Lead'.", salesforce[5]);
        Assert.Equal(6, salesforce.Count);
        Assert.Equal("Nurturing, Meeting Booked", steps.Single(s => s.Action.StartsWith("Move", System.StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(steps, s => s.Action.Contains("Legacy"));
    }

    [Fact]
    public void A_Contact_record_type_gets_its_own_steps_and_Object_keeps_each_objects_steps()
    {
        var configuration = RecordTypeProject.Mapped(withContactMapping: true);

        var contact = ProcedureBuilder.For(Experience.ClassicPlugin).Build(configuration, CrmObject.Contact).Where(s => s.Section == Section).Select(s => s.Action).ToList();
        var lead = ProcedureBuilder.For(Experience.ClassicPlugin).Build(configuration, CrmObject.Lead).Where(s => s.Section == Section).Select(s => s.Action).ToList();

        Assert.Contains("In Object Manager, open Contact, then Record Types, and click the record type 'Customer Contact'.", contact);
        Assert.Contains("In Picklists Available for Editing, click Edit beside 'Contact_Status__c'.", contact);
        Assert.Contains("Move 'Do Not Contact' and 'Bad Data' from Available Values to Selected Values.", contact);
        Assert.DoesNotContain(contact, a => a.Contains("Lead Process"));
        Assert.DoesNotContain(lead, a => a.Contains("Customer Contact"));
    }

    [Fact]
    public void The_Markdown_checklist_holds_the_values_as_code()
    {
        var markdown = ProcedureMarkdown.Render("Classic Plugin", ProcedureBuilder.For(Experience.ClassicPlugin).Build(RecordTypeProject.Mapped()));

        Assert.Contains("## Salesforce record types", markdown);
        Assert.Contains("Move `Nurturing` and `Meeting Booked` from Available Values to Selected Values.", markdown);
    }

    [Fact]
    public void Without_a_finding_of_SM016_there_is_no_Salesforce_step()
    {
        var configuration = RecordTypeProject.Mapped();
        configuration.RemoveLeadStatusMapping("Nurturing");
        configuration.RemoveLeadStatusMapping("Meeting Booked");

        Assert.DoesNotContain(ProcedureBuilder.For(Experience.ClassicPlugin).Build(configuration), s => s.Section == Section);
    }
}
