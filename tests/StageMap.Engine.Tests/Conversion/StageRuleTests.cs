using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>Lead Status &lt;&gt; Stage through the lead status mappings, and Contact Stage Name &lt;&gt; status text.</summary>
public class StageRuleTests
{
    private static StageMapConfiguration ByName(bool displayName = false, FieldMappingOptions? extra = null) =>
        With(Lead("Stage", "Status", Merge(StageLookup(true, displayName), extra)), Lead("Last Name", "LastName"));

    private static StageMapConfiguration ById(bool withIds = true) =>
        With(new[] { Lead("Stage", "Status", StageLookup(lookForName: false)), Lead("Last Name", "LastName") }, withIds);

    private static FieldMappingOptions Merge(FieldMappingOptions options, FieldMappingOptions? extra) => extra is null ? options : options with
    {
        InternalEmptyPlaceholder = extra.InternalEmptyPlaceholder,
        ExternalEmptyPlaceholder = extra.ExternalEmptyPlaceholder,
        SkipEmptyOnPull = extra.SkipEmptyOnPull,
        SkipEmptyOnPush = extra.SkipEmptyOnPush,
    };

    // Pull, LookForName

    [Theory]
    [InlineData("Open - Not Contacted", 1)]
    [InlineData("Working - Contacted", 2)]
    [InlineData("Closed - Converted", 3)]
    [InlineData("Closed - Not Converted", 4)]
    public void With_LookForName_the_status_API_name_gives_the_mapped_stage_id(string status, int stageId)
    {
        var prospect = Pull(ByName(), Record(("Status", status)));

        Assert.Equal(stageId, prospect["stage"]);
        Assert.False(prospect.TryGetValue("stageName", out _));
    }

    [Fact]
    public void DisplayName_adds_the_stage_name()
    {
        var prospect = Pull(ByName(displayName: true), Record(("Status", "Working - Contacted")));

        Assert.Equal(2, prospect["stage"]);
        Assert.Equal("Approaching", prospect["stageName"]);
    }

    [Theory]
    [InlineData("Nurturing")]
    [InlineData("working - contacted")]
    [InlineData("Working - Contacted ")]
    public void A_status_with_no_mapping_is_UnmappedCrmStatus_compared_exactly(string status)
    {
        var failure = PullFails(ByName(), Record(("Status", status)));

        Assert.Equal(ErrorIds.UnmappedCrmStatus, failure.ErrorId);
        Assert.Equal("Status", failure.Field);
        Assert.Contains($"'{status}'", failure.Message);
    }

    [Fact]
    public void A_mapping_to_a_stage_that_is_gone_is_UnknownStage()
    {
        var content = ByName().GetContent();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Nurturing", null, 99));

        var failure = PullFails(new StageMapConfiguration(content), Record(("Status", "Nurturing")));

        Assert.Equal(ErrorIds.UnknownStage, failure.ErrorId);
    }

    // Pull, by record id

    [Theory]
    [InlineData("01J5g00000Lb7QBEAZ")]
    [InlineData("01J5g00000Lb7QB")]
    [InlineData("01J5g00000Lb7QBeaz")]
    public void Without_LookForName_a_LeadStatus_record_id_of_15_or_18_characters_gives_the_stage(string id)
    {
        Assert.Equal(2, Pull(ById(), Record(("Status", id)))["stage"]);
    }

    [Theory]
    [InlineData("01J5g00000Lb7QZEAZ")]
    [InlineData("01J5g00000Lb7Qb")]
    [InlineData("01J5g00000Lb7QBAAA")]
    [InlineData("Working - Contacted")]
    public void An_id_the_metadata_does_not_know_is_UnknownLeadStatusId(string id)
    {
        var failure = PullFails(ById(), Record(("Status", id)));

        Assert.Equal(ErrorIds.UnknownLeadStatusId, failure.ErrorId);
    }

    [Fact]
    public void The_id_of_an_unmapped_status_is_UnmappedCrmStatus_naming_the_status()
    {
        var configuration = With(new[] { Lead("Stage", "Status", StageLookup(lookForName: false)) }, mappedStatuses: new[] { "Open - Not Contacted" });

        var failure = PullFails(configuration, Record(("Status", "01J5g00000Lb7QBEAZ")));

        Assert.Equal(ErrorIds.UnmappedCrmStatus, failure.ErrorId);
        Assert.Contains("'Working - Contacted'", failure.Message);
    }

    [Fact]
    public void Without_ids_in_the_metadata_the_plan_warns_and_each_record_is_UnknownLeadStatusId()
    {
        var plan = ConversionPlan.Create(ById(withIds: false), CrmObject.Lead, ConversionDirection.Pull);

        Assert.Contains(plan.Warnings, w => w.Contains("LeadStatus record ids"));
        Assert.Equal(ErrorIds.UnknownLeadStatusId, plan.Convert(Record(("Status", "01J5g00000Lb7QBEAZ"))).Failure!.ErrorId);
    }

    // Pull, blanks on the stage

    [Fact]
    public void A_blank_status_clears_the_stage()
    {
        var prospect = Pull(ByName(displayName: true), Record(("Status", "")));

        Assert.True(prospect.TryGetValue("stage", out var stage));
        Assert.Null(stage);
        Assert.True(prospect.TryGetValue("stageName", out var name));
        Assert.Null(name);
    }

    [Fact]
    public void The_internal_placeholder_of_the_stage_mapping_names_the_stage_a_blank_status_gives()
    {
        var configuration = ByName(displayName: true, new FieldMappingOptions { InternalEmptyPlaceholder = "bad data", ExternalEmptyPlaceholder = "(none)" });

        var prospect = Pull(configuration, Record(("Status", "(none)")));

        Assert.Equal(6, prospect["stage"]);
        Assert.Equal("Bad Data", prospect["stageName"]);
    }

    [Fact]
    public void An_internal_placeholder_that_is_no_stage_is_UnknownStage()
    {
        var failure = PullFails(ByName(extra: new FieldMappingOptions { InternalEmptyPlaceholder = "Limbo" }), Record(("Status", null)));

        Assert.Equal(ErrorIds.UnknownStage, failure.ErrorId);
    }

    [Fact]
    public void SkipEmptyOnPull_leaves_the_stage_out()
    {
        var prospect = Pull(ByName(extra: new FieldMappingOptions { SkipEmptyOnPull = true }), Record(("Status", " "), ("LastName", "Akin")));

        Assert.False(prospect.TryGetValue("stage", out _));
    }

    // Push

    [Theory]
    [InlineData(2)]
    [InlineData(2L)]
    [InlineData("2")]
    [InlineData("Approaching")]
    [InlineData("approaching")]
    public void Push_turns_the_stage_id_or_name_into_the_mapped_status_API_name(object stage)
    {
        Assert.Equal("Working - Contacted", Push(ByName(), Record(("stage", stage)))["Status"]);
    }

    [Fact]
    public void Push_takes_stageName_when_there_is_no_stage()
    {
        Assert.Equal("Closed - Converted", Push(ByName(), Record(("stageName", "Replied")))["Status"]);
    }

    [Fact]
    public void Without_LookForName_push_writes_the_LeadStatus_record_id()
    {
        Assert.Equal("01J5g00000Lb7QBEAZ", Push(ById(), Record(("stage", 2)))["Status"]);
    }

    [Fact]
    public void Without_a_record_id_for_the_mapped_status_push_is_UnknownLeadStatusId()
    {
        var failure = PushFails(ById(withIds: false), Record(("stage", 2)));

        Assert.Equal(ErrorIds.UnknownLeadStatusId, failure.ErrorId);
        Assert.Contains("Working - Contacted", failure.Message);
    }

    [Theory]
    [InlineData(42)]
    [InlineData("Limbo")]
    public void A_stage_that_is_not_in_the_configuration_is_UnknownStage(object stage)
    {
        Assert.Equal(ErrorIds.UnknownStage, PushFails(ByName(), Record(("stage", stage))).ErrorId);
    }

    [Fact]
    public void A_stage_no_lead_status_maps_to_is_UnknownStage()
    {
        var failure = PushFails(ByName(), Record(("stage", 6)));

        Assert.Equal(ErrorIds.UnknownStage, failure.ErrorId);
        Assert.Contains("Bad Data", failure.Message);
    }

    [Fact]
    public void A_blank_stage_gets_the_external_placeholder_on_push()
    {
        var configuration = ByName(extra: new FieldMappingOptions { ExternalEmptyPlaceholder = "Open - Not Contacted" });

        Assert.Equal("Open - Not Contacted", Push(configuration, Record(("stage", null)))["Status"]);
    }

    [Fact]
    public void The_stage_the_internal_placeholder_names_goes_back_as_a_blank()
    {
        var configuration = ByName(extra: new FieldMappingOptions { InternalEmptyPlaceholder = "Bad Data", SkipEmptyOnPush = true });

        var lead = Push(configuration, Record(("stage", 6), ("lastName", "Akin")));

        Assert.False(lead.TryGetValue("Status", out _));
    }

    // Contact: Stage Name <> status text

    private static StageMapConfiguration ContactStatus(FieldMappingOptions? options = null) =>
        With(Contact("Stage Name", "Contact_Status__c", options), Contact("Last Name", "LastName"));

    [Fact]
    public void A_contact_status_equal_to_a_stage_name_gives_stageName_and_stage()
    {
        var prospect = Pull(ContactStatus(), Record(("Contact_Status__c", "Do Not Contact")), CrmObject.Contact);

        Assert.Equal("Do Not Contact", prospect["stageName"]);
        Assert.Equal(5, prospect["stage"]);
    }

    [Theory]
    [InlineData("do not contact", "Do Not Contact")]
    [InlineData("Do Not Contact ", null)]
    [InlineData("Working", null)]
    public void A_contact_status_that_is_not_exactly_a_stage_name_is_UnknownStage(string status, string? meant)
    {
        var failure = PullFails(ContactStatus(), Record(("Contact_Status__c", status)), CrmObject.Contact);

        Assert.Equal(ErrorIds.UnknownStage, failure.ErrorId);
        if (meant is not null)
        {
            Assert.Contains($"'{meant}'", failure.Message);
        }
    }

    [Fact]
    public void Push_writes_the_stage_name_as_the_contact_status()
    {
        Assert.Equal("Replied", Push(ContactStatus(), Record(("stageName", "Replied")), CrmObject.Contact)["Contact_Status__c"]);
        Assert.Equal("Replied", Push(ContactStatus(), Record(("stage", 3)), CrmObject.Contact)["Contact_Status__c"]);
    }

    [Fact]
    public void A_stageName_that_is_not_exactly_a_stage_name_is_UnknownStage_on_push()
    {
        Assert.Equal(ErrorIds.UnknownStage, PushFails(ContactStatus(), Record(("stageName", "replied")), CrmObject.Contact).ErrorId);
    }

    [Fact]
    public void Contact_status_blanks_follow_the_placeholders()
    {
        var configuration = ContactStatus(new FieldMappingOptions { InternalEmptyPlaceholder = "New", ExternalEmptyPlaceholder = "--" });

        var prospect = Pull(configuration, Record(("Contact_Status__c", "--")), CrmObject.Contact);
        var contact = Push(configuration, Record(("stageName", "New")), CrmObject.Contact);

        Assert.Equal("New", prospect["stageName"]);
        Assert.Equal(1, prospect["stage"]);
        Assert.Equal("--", contact["Contact_Status__c"]);
    }

    // The plan

    [Fact]
    public void Lead_status_mappings_without_a_Stage_field_mapping_give_a_warning()
    {
        var plan = ConversionPlan.Create(With(Lead("Last Name", "LastName")), CrmObject.Lead, ConversionDirection.Pull);

        Assert.Contains(plan.Warnings, w => w.Contains("SM006"));
    }

    [Fact]
    public void A_standard_configuration_plans_without_warnings()
    {
        Assert.Empty(ConversionPlan.Create(ByName(), CrmObject.Lead, ConversionDirection.Pull).Warnings);
        Assert.Empty(ConversionPlan.Create(ById(), CrmObject.Lead, ConversionDirection.Push).Warnings);
    }

    [Fact]
    public void Every_output_of_a_plan_is_in_its_OutputFields()
    {
        var plan = ConversionPlan.Create(ByName(displayName: true), CrmObject.Lead, ConversionDirection.Pull);

        var prospect = plan.Convert(Record(("Id", "00Q5g00000AbCdEEAV"), ("Status", "Working - Contacted"), ("LastName", "Akin"))).Record!;

        Assert.Equal(plan.OutputFields, prospect.Fields().Keys.ToArray());
    }
}
