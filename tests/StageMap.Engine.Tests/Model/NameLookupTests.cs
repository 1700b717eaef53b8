using System.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>The lookups the Get- cmdlets make for a name without wildcards: nothing found is an error.</summary>
public class NameLookupTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public NameLookupTests()
    {
        _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
        _configuration.AddLeadStatusMapping("working - contacted", "Replied");
    }

    [Fact]
    public void Mappings_of_a_status_match_ignoring_case()
    {
        Assert.Equal(new[] { "Approaching", "Replied" }, _configuration.GetLeadStatusMappingsOf("WORKING - CONTACTED").Select(m => m.Stage));
    }

    [Theory]
    [InlineData("Nurturing", ErrorIds.CrmStatusNotMapped)]
    [InlineData("", ErrorIds.InvalidCrmStatus)]
    [InlineData("  ", ErrorIds.InvalidCrmStatus)]
    public void A_status_not_mapped_or_empty_is_an_error(string status, string errorId)
    {
        Assert.Equal(errorId, Assert.Throws<StageMapException>(() => _configuration.GetLeadStatusMappingsOf(status)).ErrorId);
    }

    [Fact]
    public void Mappings_to_a_stage_by_any_case_and_errors_for_an_unmapped_or_unknown_stage()
    {
        Assert.Equal("Working - Contacted", _configuration.GetLeadStatusMappingsTo("approaching").Single().CrmStatus);

        var unmapped = Assert.Throws<StageMapException>(() => _configuration.GetLeadStatusMappingsTo("new"));
        Assert.Equal(ErrorIds.StageNotMapped, unmapped.ErrorId);
        Assert.Equal("New", unmapped.Target);
        Assert.Equal(ErrorIds.StageNotFound, Assert.Throws<StageMapException>(() => _configuration.GetLeadStatusMappingsTo("Nurture")).ErrorId);
    }

    [Fact]
    public void A_CRM_status_is_looked_up_in_the_objects_asked_for()
    {
        _configuration.ImportCrmMetadata(new[]
        {
            new MetadataFile("/x/LeadStatus.json", MetadataFormat.LeadStatusQuery) { Object = CrmObject.Lead, StatusField = "Status", Statuses = new[] { new PicklistValue("Nurturing") } },
        });

        Assert.Equal(CrmObject.Lead, _configuration.GetCrmStatuses("nurturing", new[] { CrmObject.Lead, CrmObject.Contact }).Single().Object);
        var noContacts = Assert.Throws<StageMapException>(() => _configuration.GetCrmStatuses("Nurturing", new[] { CrmObject.Contact }));
        Assert.Contains("holds no Contact statuses", noContacts.Message);
        var failure = Assert.Throws<StageMapException>(() => _configuration.GetCrmStatuses("Replied", new[] { CrmObject.Lead }));
        Assert.Equal(ErrorIds.CrmStatusNotFound, failure.ErrorId);
        Assert.Contains("no Lead status 'Replied'", failure.Message);
    }
}
