using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>New-LeadStatusMapping -FromCrm: each unmapped CRM lead status to the stage of its name.</summary>
public class CrmStatusMatchTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    private void KnowLeadStatuses(params PicklistValue[] values) =>
        _configuration.ImportCrmMetadata(new[]
        {
            new MetadataFile("/x/LeadStatus.json", MetadataFormat.LeadStatusQuery) { Object = CrmObject.Lead, StatusField = "Status", Statuses = values },
        });

    private static string[] Describe(System.Collections.Generic.IEnumerable<CrmStatusMatch> matches) =>
        matches.Select(m => $"{m.Status.ApiName}:{m.Action}:{m.Stage}").ToArray();

    [Fact]
    public void Without_CRM_lead_statuses_it_is_NoCrmLeadStatuses()
    {
        var failure = Assert.Throws<StageMapException>(() => _configuration.MatchCrmLeadStatuses(createMissingStages: true));

        Assert.Equal(ErrorIds.NoCrmLeadStatuses, failure.ErrorId);
        Assert.Contains("Import-CrmMetadata", failure.Message);
    }

    [Fact]
    public void Each_status_goes_to_the_stage_of_its_name_and_the_others_are_skipped_with_the_reason()
    {
        _configuration.AddLeadStatusMapping("Working", "Approaching");
        KnowLeadStatuses(new PicklistValue("New"), new PicklistValue("Working"), new PicklistValue("Nurturing"), new PicklistValue("Replied"));
        _configuration.AddLeadStatusMapping("Old Replied", "Replied");

        var matches = _configuration.MatchCrmLeadStatuses(createMissingStages: false);

        Assert.Equal(new[] { "New:Map:New", "Working:AlreadyMapped:", "Nurturing:Skip:", "Replied:Skip:" }, Describe(matches));
        Assert.Contains("there is no stage named 'Nurturing'", matches[2].Message);
        Assert.Contains("-CreateMissingStages", matches[2].Message);
        Assert.Contains("stage 'Replied' is already mapped by lead status 'Old Replied'", matches[3].Message);
        Assert.Single(_configuration.Stages, s => s.Name == "New");
        Assert.Equal(2, _configuration.LeadStatusMappings.Count);
    }

    [Fact]
    public void Missing_stages_are_created_in_the_CRMs_order_after_the_existing_ones()
    {
        KnowLeadStatuses(new PicklistValue("Meeting Booked", SortOrder: 2), new PicklistValue("Nurturing", SortOrder: 1), new PicklistValue("New", SortOrder: 3));

        foreach (var match in _configuration.MatchCrmLeadStatuses(createMissingStages: true))
        {
            _configuration.ApplyCrmStatusMatch(match);
        }

        Assert.Equal(new[] { ("Nurturing", 7, 7), ("Meeting Booked", 8, 8) }, _configuration.Stages.Skip(6).Select(s => (s.Name, s.Id, s.Order)));
        Assert.Equal(new[] { "Nurturing:Nurturing", "Meeting Booked:Meeting Booked", "New:New" }, _configuration.LeadStatusMappings.Select(m => $"{m.CrmStatus}:{m.Stage}"));
    }

    [Fact]
    public void Stage_names_match_ignoring_case_with_a_note_and_the_API_name_is_kept_exactly()
    {
        KnowLeadStatuses(new PicklistValue("do not contact"));

        var match = Assert.Single(_configuration.MatchCrmLeadStatuses(createMissingStages: true));
        var mapping = _configuration.ApplyCrmStatusMatch(match);

        Assert.Equal(CrmStatusMatchAction.Map, match.Action);
        Assert.Contains("differs in case", match.Message);
        Assert.Equal(new LeadStatusMapping("do not contact", "Do Not Contact", 5), mapping);
    }

    [Fact]
    public void Two_statuses_that_differ_only_in_case_claim_one_stage_once()
    {
        KnowLeadStatuses(new PicklistValue("Nurturing"), new PicklistValue("NURTURING"));

        var matches = _configuration.MatchCrmLeadStatuses(createMissingStages: true);

        Assert.Equal(new[] { "Nurturing:CreateStageAndMap:Nurturing", "NURTURING:Skip:" }, Describe(matches));
        Assert.Contains("is being mapped by lead status 'Nurturing'", matches[1].Message);
    }

    [Fact]
    public void Inactive_statuses_are_skipped()
    {
        KnowLeadStatuses(new PicklistValue("New", IsActive: false));

        var match = Assert.Single(_configuration.MatchCrmLeadStatuses(createMissingStages: true));

        Assert.Equal(CrmStatusMatchAction.Skip, match.Action);
        Assert.Contains("inactive", match.Message);
    }

    [Fact]
    public void Matching_changes_nothing()
    {
        KnowLeadStatuses(new PicklistValue("New"), new PicklistValue("Nurturing"));
        var before = ConfigurationSerializer.ToBytes(_configuration.GetContent());

        _configuration.MatchCrmLeadStatuses(createMissingStages: true);

        Assert.Equal(before, ConfigurationSerializer.ToBytes(_configuration.GetContent()));
    }

    [Fact]
    public void A_match_that_went_stale_fails_and_changes_nothing()
    {
        KnowLeadStatuses(new PicklistValue("Nurturing"));
        var match = Assert.Single(_configuration.MatchCrmLeadStatuses(createMissingStages: true));
        _configuration.AddStage("nurturing");
        var before = ConfigurationSerializer.ToBytes(_configuration.GetContent());

        var failure = Assert.Throws<StageMapException>(() => _configuration.ApplyCrmStatusMatch(match));

        Assert.Equal(ErrorIds.StageAlreadyExists, failure.ErrorId);
        Assert.Equal(before, ConfigurationSerializer.ToBytes(_configuration.GetContent()));
    }

    [Fact]
    public void A_created_stage_that_a_hand_edited_mapping_already_claims_is_taken_back()
    {
        var content = StageMapConfiguration.CreateDefault().GetContent();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Ghost", null, 7));
        var configuration = new StageMapConfiguration(content);
        configuration.ImportCrmMetadata(new[]
        {
            new MetadataFile("/x/q.json", MetadataFormat.LeadStatusQuery) { Object = CrmObject.Lead, StatusField = "Status", Statuses = new[] { new PicklistValue("Nurturing") } },
        });
        var match = Assert.Single(configuration.MatchCrmLeadStatuses(createMissingStages: true));

        var failure = Assert.Throws<StageMapException>(() => configuration.ApplyCrmStatusMatch(match));

        Assert.Equal(ErrorIds.StageAlreadyMapped, failure.ErrorId);
        Assert.Equal(6, configuration.Stages.Count);
    }
}
