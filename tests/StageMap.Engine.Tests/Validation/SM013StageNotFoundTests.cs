using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM013StageNotFoundTests
{
    [Fact]
    public void A_mapping_to_a_missing_stage_id_is_an_error_naming_the_status()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Nurturing", "Nurture", 42));

        var diagnostic = Assert.Single(Diagnose(content, "SM013"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Nurturing");
        Assert.Contains("stage id 42", diagnostic.Message);
        Assert.Contains("Set-LeadStatusMapping -CrmStatus 'Nurturing' -Stage <stage>", diagnostic.Message);
    }

    [Fact]
    public void The_stored_stage_name_is_not_used_only_the_id()
    {
        var content = DefaultStages();
        content.LeadStatusMappings.Add(new LeadStatusMapping("Nurturing", "Gone", 2));

        Assert.Empty(Diagnose(content, "SM013"));
    }

    [Fact]
    public void Mappings_to_existing_stages_are_fine()
    {
        Assert.Empty(Diagnose(StandardOrg(), "SM013"));
    }
}
