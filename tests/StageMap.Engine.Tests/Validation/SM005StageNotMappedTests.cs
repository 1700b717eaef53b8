using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM005StageNotMappedTests
{
    [Fact]
    public void Each_stage_no_status_maps_to_is_information_in_stage_order()
    {
        var diagnostics = Diagnose(StandardOrg(), "SM005");

        Assert.Equal(new[] { "Do Not Contact", "Bad Data" }, diagnostics.ConvertAll(d => d.Target));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Information, d.Severity));
        Assert.Contains("New-LeadStatusMapping -CrmStatus <status> -Stage 'Do Not Contact'", diagnostics[0].Message);
    }

    [Fact]
    public void An_unmapped_crm_status_of_the_stage_name_is_suggested()
    {
        var content = DefaultStages();
        content.CrmMetadata = new CrmMetadata { LeadStatuses = Statuses(CrmObject.Lead, "new", "Retired") };

        var diagnostic = Diagnose(content, "SM005")[0];

        Assert.Equal("New", diagnostic.Target);
        Assert.Equal("new", diagnostic.Suggestion);
        Assert.Contains("New-LeadStatusMapping -CrmStatus 'new' -Stage 'New'", diagnostic.Message);
    }

    [Fact]
    public void Every_stage_mapped_is_fine()
    {
        Assert.Empty(Diagnose(Sound(), "SM005"));
    }

    [Fact]
    public void No_stages_nothing_to_say()
    {
        Assert.Empty(Diagnose(new ConfigurationContent(), "SM005"));
    }
}
