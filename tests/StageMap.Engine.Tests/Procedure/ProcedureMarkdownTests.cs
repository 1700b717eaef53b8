using System;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using Xunit;

namespace StageMap.Engine.Tests.Procedure;

public class ProcedureMarkdownTests
{
    [Fact]
    public void A_procedure_is_a_checklist_with_sections_as_headings_and_values_as_code()
    {
        var configuration = StandardOrg.StagesInOutreach();
        configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        configuration.AddFieldMapping(CrmObject.Contact, "Stage Name", "Contact_Status__c");
        var builder = new ClassicPluginProcedure();

        var markdown = ProcedureMarkdown.Render(builder.Title, builder.Build(configuration));

        Assert.Equal(
            """
            # Outreach stage / status mapping: Classic Plugin

            ## Lead Status mappings

            - [ ] 1. Access the Outreach Platform.
            - [ ] 2. Access the CRM Plugin.
            - [ ] 3. Click the Lead Status object in the Types list.
            - [ ] 4. Click the Mappings tab on the Lead Status landing page.
            - [ ] 5. Click Add.
            - [ ] 6. Select `Working - Contacted` from the LeadStatus: dropdown menu on the New Lead Status Mapping window.
            - [ ] 7. Select `Approaching` from the Outreach Stage: dropdown menu.
            - [ ] 8. Click Save.

            ## Lead Stage <> Status field mapping

            - [ ] 9. Not configured yet: this configuration has no Lead mapping of the Outreach field Stage. Run `New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName`, then run `Get-StageMapProcedure` again.

            ## Contact Stage Name <> Contact Status field mapping

            - [ ] 10. Access the CRM Plugin.
            - [ ] 11. Click the Contact object in the Types list.
            - [ ] 12. Click the Fields tab on the Contact object landing page.
            - [ ] 13. Confirm the Fields tab has no `Stage Name` <> `Contact_Status__c` mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.
            - [ ] 14. Click Add and map the Outreach field `Stage Name` to the CRM field `Contact_Status__c`.
            - [ ] 15. Click Save.

            """.Replace("\r\n", "\n"),
            markdown);
    }

    [Fact]
    public void Every_step_of_the_standard_org_is_one_task_item()
    {
        var builder = new EnhancedCrmSyncProcedure();
        var steps = builder.Build(StandardOrg.Create());

        var items = ProcedureMarkdown.Render(builder.Title, steps).Split('\n').Where(l => l.StartsWith("- [ ] ", StringComparison.Ordinal)).ToList();

        Assert.Equal(steps.Select(s => $"- [ ] {s.Step}. "), items.Select(i => i.Substring(0, i.IndexOf(". ", StringComparison.Ordinal) + 2)));
    }

    [Theory]
    [InlineData("New", "`New`")]
    [InlineData("Contact_Status__c", "`Contact_Status__c`")]
    [InlineData("a`b", "``a`b``")]
    [InlineData("`tick", "`` `tick ``")]
    [InlineData("two\nlines", "`two lines`")]
    public void Values_become_code_spans_that_survive_backticks(string value, string expected)
    {
        Assert.Equal(expected, ProcedureMarkdown.CodeSpan(value));
    }
}
