using System;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class SM011LeadAndContactStatusesDifferTests
{
    private static ConfigurationContent Statuses(string[] lead, string[] contact) => new()
    {
        CrmMetadata = new CrmMetadata
        {
            LeadStatuses = ValidationData.Statuses(CrmObject.Lead, lead),
            ContactStatuses = ValidationData.Statuses(CrmObject.Contact, contact),
        },
    };

    [Fact]
    public void A_value_on_one_side_only_is_a_warning_on_that_side()
    {
        var diagnostics = Diagnose(Statuses(new[] { "New", "Nurturing" }, new[] { "New", "Recycled" }), "SM011");

        Assert.Equal(new[] { "Nurturing", "Recycled" }, diagnostics.ConvertAll(d => d.Target));
        Assert.Equal(new CrmObject?[] { CrmObject.Lead, CrmObject.Contact }, diagnostics.ConvertAll(d => d.Object));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains("Add 'Nurturing' to 'Contact_Status__c' in Salesforce", diagnostics[0].Message);
        Assert.Contains("Add 'Recycled' to the Lead Status picklist", diagnostics[1].Message);
    }

    [Fact]
    public void A_spelling_difference_suggests_the_other_sides_value()
    {
        var diagnostics = Diagnose(Statuses(new[] { "Working - Contacted" }, new[] { "Working-Contacted" }), "SM011");

        Assert.Equal(new[] { "Working-Contacted", "Working - Contacted" }, diagnostics.ConvertAll(d => d.Suggestion));
    }

    [Fact]
    public void An_inactive_value_counts_as_absent()
    {
        var content = Statuses(new[] { "New" }, Array.Empty<string>());
        content.CrmMetadata = content.CrmMetadata with { ContactStatuses = new[] { new CrmStatus(CrmObject.Contact, "New", "New", IsActive: false) } };

        Assert.Equal(new[] { "New" }, Targets(content, "SM011"));
    }

    [Fact]
    public void The_same_values_are_fine()
    {
        Assert.Empty(Diagnose(Statuses(StandardLeadStatuses, StandardLeadStatuses), "SM011"));
    }

    [Fact]
    public void With_only_one_side_known_it_says_nothing()
    {
        Assert.Empty(Diagnose(Statuses(new[] { "New" }, Array.Empty<string>()), "SM011"));
        Assert.Empty(Diagnose(Statuses(Array.Empty<string>(), new[] { "New" }), "SM011"));
    }
}
