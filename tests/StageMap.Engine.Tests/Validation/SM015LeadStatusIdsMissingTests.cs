using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM015LeadStatusIdsMissingTests
{
    private static readonly FieldMapping ById = LeadStatusLookup with { Options = LeadStatusLookup.Options with { LookForName = false } };

    private static ConfigurationContent StandardOrgWith(FieldMapping lookup, bool withIds)
    {
        var content = StandardOrg();
        content.FieldMappings.Clear();
        content.FieldMappings.Add(lookup);
        if (withIds)
        {
            content.CrmMetadata = WithLeadStatusIds(content.CrmMetadata);
        }

        return content;
    }

    [Fact]
    public void A_lookup_by_record_id_without_any_id_is_an_error_whose_fix_turns_LookForName_on()
    {
        var diagnostic = Assert.Single(Diagnose(StandardOrgWith(ById, withIds: false), "SM015"));

        AssertAbout(diagnostic, Severity.Error, CrmObject.Lead, "Stage");
        Assert.Contains("LookForName is off", diagnostic.Message);
        Assert.Contains("UnknownLeadStatusId", diagnostic.Message);
        Assert.Equal(new[] { "Set-FieldMapping -Object Lead -OutreachField 'Stage' -LookForName" }, diagnostic.FixCommands);
        Assert.Contains(diagnostic.FixCommands[0], diagnostic.Message);
        Assert.Contains("Import-CrmMetadata", diagnostic.Message);
    }

    [Fact]
    public void Without_any_CRM_metadata_the_lookup_by_id_is_still_an_error()
    {
        var content = StandardOrgWith(ById, withIds: false);
        content.CrmMetadata = CrmMetadata.Empty;

        Assert.Single(Diagnose(content, "SM015"));
    }

    [Fact]
    public void A_lookup_by_record_id_with_the_ids_imported_is_fine()
    {
        Assert.Empty(Diagnose(StandardOrgWith(ById, withIds: true), "SM015"));
    }

    [Fact]
    public void A_lookup_by_name_is_fine_without_ids()
    {
        Assert.Empty(Diagnose(StandardOrgWith(LeadStatusLookup, withIds: false), "SM015"));
    }

    [Fact]
    public void A_Stage_mapping_that_is_not_the_lookup_is_SM006s_business()
    {
        var notALookup = ById with { Options = new FieldMappingOptions() };

        Assert.Empty(Diagnose(StandardOrgWith(notALookup, withIds: false), "SM015"));
        Assert.Single(Diagnose(StandardOrgWith(notALookup, withIds: false), "SM006"));
    }

    [Fact]
    public void Ids_that_are_not_record_ids_do_not_count()
    {
        var content = StandardOrgWith(ById, withIds: false);
        content.CrmMetadata = content.CrmMetadata with { LeadStatuses = content.CrmMetadata.LeadStatuses.Select(s => s with { Id = "not an id" }).ToList() };

        Assert.Single(Diagnose(content, "SM015"));
    }

    [Fact]
    public void Conversion_warns_on_the_same_condition()
    {
        var configuration = new StageMapConfiguration(StandardOrgWith(ById, withIds: false));

        Assert.Contains(ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull).Warnings, w => w.Contains("SM015"));
    }
}
