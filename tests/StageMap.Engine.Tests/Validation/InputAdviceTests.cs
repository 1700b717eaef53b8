using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;
using StageMap.Engine.Validation;
using StageMap.Engine.Validation.Rules;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

/// <summary>Typos are caught as they are typed, with the near match Test-StageMapping would give.</summary>
public class InputAdviceTests
{
    [Fact]
    public void A_lead_status_the_CRM_lacks_warns_with_SM003s_words_and_suggestion()
    {
        var warning = InputAdvice.ForLeadStatus(StandardLeadMetadata(), "working - contacted");

        Assert.NotNull(warning);
        Assert.StartsWith("Lead status 'working - contacted' is not the API name of a CRM lead status", warning);
        Assert.Contains("Map 'Working - Contacted' instead.", warning);
        Assert.Contains("SM003", warning);

        // The same words and near match as the rule itself.
        var content = StandardOrg();
        content.LeadStatusMappings[1] = content.LeadStatusMappings[1] with { CrmStatus = "working - contacted" };
        var diagnostic = Assert.Single(Diagnose(content, "SM003"));
        Assert.StartsWith(SM003CrmStatusNotInCrm.Describe("working - contacted", CrmStatus.NearMatchOf(StandardLeadMetadata().LeadStatuses).Find("working - contacted"), 4), diagnostic.Message);
        Assert.Equal("Working - Contacted", diagnostic.Suggestion);
    }

    [Fact]
    public void A_label_typed_for_an_api_name_names_the_api_name()
    {
        var metadata = new CrmMetadata { LeadStatuses = new[] { new CrmStatus(CrmObject.Lead, "Open", "Open - Not Contacted") } };

        Assert.Contains("Map 'Open' instead.", InputAdvice.ForLeadStatus(metadata, "Open - Not Contacted"));
    }

    [Fact]
    public void No_warning_for_an_exact_status_or_without_lead_statuses()
    {
        Assert.Null(InputAdvice.ForLeadStatus(StandardLeadMetadata(), "Working - Contacted"));
        Assert.Null(InputAdvice.ForLeadStatus(CrmMetadata.Empty, "anything"));
    }

    [Fact]
    public void A_status_with_no_near_match_says_where_to_look()
    {
        var warning = InputAdvice.ForLeadStatus(StandardLeadMetadata(), "Qualified");

        Assert.Contains("none of the 4 lead statuses", warning);
        Assert.DoesNotContain("instead", warning);
    }

    [Fact]
    public void A_CRM_field_the_describe_lacks_warns_with_the_nearest_field()
    {
        var metadata = new CrmMetadata { LeadFields = new[] { "Id", "Status", "FirstName", "LastName" } };

        Assert.Contains("Did you mean 'Status'?", InputAdvice.ForCrmField(metadata, CrmObject.Lead, "Stauts"));
        Assert.Null(InputAdvice.ForCrmField(metadata, CrmObject.Lead, "status"));
        Assert.Null(InputAdvice.ForCrmField(metadata, CrmObject.Contact, "Anything__c"));
        Assert.DoesNotContain("Did you mean", InputAdvice.ForCrmField(metadata, CrmObject.Lead, "Industry"));
    }

    [Theory]
    [InlineData("Stagee", "Stage")]
    [InlineData("stage nme", "Stage Name")]
    [InlineData("Emial", "Email")]
    public void An_Outreach_field_that_is_not_known_is_refused_with_the_near_match(string typed, string meant)
    {
        var configuration = StageMapConfiguration.CreateDefault();
        configuration.RemoveFieldMapping(CrmObject.Lead, "Email");
        var before = configuration.GetContent().FieldMappings.Count;

        var failure = Assert.Throws<StageMapException>(() => configuration.AddFieldMapping(CrmObject.Lead, typed, "Status"));

        Assert.Equal(ErrorIds.InvalidFieldName, failure.ErrorId);
        Assert.Contains($"Did you mean '{meant}'?", failure.Message);
        Assert.Equal(before, configuration.GetContent().FieldMappings.Count);
    }

    [Theory]
    [InlineData("custom1", true)]
    [InlineData("Custom 150", true)]
    [InlineData("CUSTOM42", true)]
    [InlineData("custom151", false)]
    [InlineData("custom0", false)]
    [InlineData("custom01", false)]
    [InlineData("customScore", false)]
    [InlineData("Stage", true)]
    [InlineData("stageName", true)]
    [InlineData("Stagee", false)]
    public void Known_fields_and_custom1_to_custom150_are_Outreach_fields(string name, bool accepted)
    {
        Assert.Equal(accepted, OutreachFields.IsKnownOrCustom(name));
    }

    [Fact]
    public void A_name_near_two_fields_equally_suggests_neither()
    {
        var names = NearMatch.Of(new[] { "Cat", "Car" }, n => n, _ => null);

        Assert.Null(names.FindName("Cax"));
        Assert.Equal("Cat", names.FindName("cat"));
        Assert.Null(names.FindName("Dog"));
    }
}
