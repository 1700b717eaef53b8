using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM008MappedFieldWithoutLookupTests
{
    private static ConfigurationContent With(FieldMappingOptions options) =>
        new() { FieldMappings = { LeadStatusLookup with { Options = options } } };

    [Fact]
    public void ExternalMappedField_without_LookupField_is_an_error_with_both_fixes()
    {
        var content = new ConfigurationContent { FieldMappings = { new FieldMapping(CrmObject.Lead, "Title", "Title", SyncDirection.Bidirectional, new FieldMappingOptions { ExternalMappedField = true }) } };
        var diagnostic = Assert.Single(Diagnose(content, "SM008"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Title");
        Assert.Equal(new[] { "Set-FieldMapping -Object Lead -OutreachField 'Title' -LookupField", "Set-FieldMapping -Object Lead -OutreachField 'Title' -ExternalMappedField:$false" }, diagnostic.FixCommands);
        Assert.All(diagnostic.FixCommands, fix => Assert.Contains(fix, diagnostic.Message));
    }

    [Fact]
    public void On_the_Lead_Stage_mapping_the_only_fix_is_LookupField_on_since_the_lookup_needs_both()
    {
        var content = With(new FieldMappingOptions { ExternalMappedField = true, ExternalMappedType = "LeadStatus", LookForName = true });
        var diagnostic = Assert.Single(Diagnose(content, "SM008"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Stage");
        Assert.Equal(new[] { "Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField" }, diagnostic.FixCommands);
        Assert.DoesNotContain("-ExternalMappedField:$false", diagnostic.Message);
    }

    [Fact]
    public void A_Stage_lookup_by_record_id_without_ids_gets_LookForName_too_so_the_fix_adds_no_SM015()
    {
        var byId = new FieldMappingOptions { ExternalMappedField = true, ExternalMappedType = "LeadStatus" };

        var withoutIds = Assert.Single(Diagnose(With(byId), "SM008"));
        var withIds = With(byId);
        withIds.CrmMetadata = WithLeadStatusIds(StandardLeadMetadata());

        Assert.Equal(new[] { "Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField -LookForName" }, withoutIds.FixCommands);
        Assert.Contains(withoutIds.FixCommands[0], withoutIds.Message);
        Assert.Equal(new[] { "Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookupField" }, Assert.Single(Diagnose(withIds, "SM008")).FixCommands);
    }

    [Fact]
    public void Both_on_is_fine()
    {
        Assert.Empty(Diagnose(With(LeadStatusLookup.Options), "SM008"));
    }

    [Fact]
    public void LookupField_alone_or_neither_is_fine()
    {
        Assert.Empty(Diagnose(With(new FieldMappingOptions { LookupField = true }), "SM008"));
        Assert.Empty(Diagnose(With(FieldMappingOptions.None), "SM008"));
    }
}
