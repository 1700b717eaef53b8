using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM010StageNameNotContactStatusTests
{
    /// <summary>Stages and contact status values as given, with the Contact Stage Name mapping.</summary>
    private static ConfigurationContent Contact(string[] stages, params CrmStatus[] values) => new()
    {
        Stages = Stages(stages),
        FieldMappings = { ContactStageName },
        CrmMetadata = new CrmMetadata { ContactStatuses = values },
    };

    private static CrmStatus Value(string apiName, bool active = true) => new(CrmObject.Contact, apiName, apiName, IsActive: active);

    [Fact]
    public void A_stage_name_that_is_no_contact_status_is_an_error()
    {
        var diagnostic = Assert.Single(Diagnose(Contact(new[] { "New", "Approaching" }, Value("New")), "SM010"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Contact, "Approaching");
        Assert.Contains("not a value of the contact status picklist 'Contact_Status__c'", diagnostic.Message);
        Assert.Contains("Add 'Approaching' to 'Contact_Status__c' in Salesforce", diagnostic.Message);
    }

    [Fact]
    public void A_stage_name_the_picklist_lacks_is_fixed_by_exporting_the_field_and_deploying_it()
    {
        var diagnostic = Assert.Single(Diagnose(Contact(new[] { "New", "Approaching" }, Value("New")), "SM010"));

        Assert.Equal(new[] { "Export-CrmMetadata -Path ./sfdx-project -Create" }, diagnostic.FixCommands);
        Assert.Contains("Export-CrmMetadata -Path ./sfdx-project -Create writes every stage name", diagnostic.Message);
        Assert.Equal("sf project deploy start --source-dir ./sfdx-project/force-app", diagnostic.Suggestion);
        Assert.Contains("then deploy it: sf project deploy start --source-dir ./sfdx-project/force-app.", diagnostic.Message);
    }

    [Fact]
    public void A_contact_status_with_no_stage_is_an_error()
    {
        var diagnostic = Assert.Single(Diagnose(Contact(new[] { "New" }, Value("New"), Value("Nurturing")), "SM010"));

        Assert.Equal("Nurturing", diagnostic.Target);
        Assert.Contains("New-OutreachStage -Name 'Nurturing'", diagnostic.Message);
    }

    [Fact]
    public void Names_compare_exactly_and_a_near_miss_is_reported_once_with_the_value_to_use()
    {
        var diagnostic = Assert.Single(Diagnose(Contact(new[] { "working-contacted" }, Value("Working - Contacted")), "SM010"));

        Assert.Equal("working-contacted", diagnostic.Target);
        Assert.Equal("Working - Contacted", diagnostic.Suggestion);
        Assert.Contains("Set-OutreachStage -Name 'working-contacted' -NewName 'Working - Contacted'", diagnostic.Message);
    }

    [Fact]
    public void Case_alone_is_a_difference()
    {
        Assert.Equal(new[] { "new" }, Targets(Contact(new[] { "new" }, Value("New")), "SM010"));
    }

    [Fact]
    public void An_inactive_value_needs_no_stage()
    {
        Assert.Empty(Diagnose(Contact(new[] { "New" }, Value("New"), Value("Retired", active: false)), "SM010"));
    }

    [Fact]
    public void The_same_names_on_both_sides_are_fine()
    {
        Assert.Empty(Diagnose(Sound(), "SM010"));
    }

    [Fact]
    public void Without_a_Contact_Stage_Name_mapping_it_says_nothing()
    {
        var content = Contact(new[] { "Approaching" }, Value("New"));
        content.FieldMappings.Clear();

        Assert.Empty(Diagnose(content, "SM010"));
    }

    [Fact]
    public void Without_contact_status_values_it_says_nothing()
    {
        var content = Contact(new[] { "Approaching" });
        content.CrmMetadata = StandardLeadMetadata();

        Assert.Empty(Diagnose(content, "SM010"));
    }
}
