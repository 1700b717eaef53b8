using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;
using Xunit;
using static StageMap.Engine.Tests.Validation.ValidationData;

namespace StageMap.Engine.Tests.Validation;

public class ValidatorTests
{
    [Fact]
    public void Every_rule_runs_once_in_rule_order_each_in_its_own_class()
    {
        var ids = Validator.Rules.Select(r => r.Id).ToArray();

        Assert.Equal(Enumerable.Range(1, 16).Select(i => $"SM{i:000}"), ids);
        Assert.All(Validator.Rules, r => Assert.StartsWith(r.Id, r.GetType().Name));
        Assert.Equal(Validator.Rules.Count, Validator.Rules.Select(r => r.GetType()).Distinct().Count());
    }

    [Theory]
    [InlineData("SM001", Severity.Error)]
    [InlineData("SM002", Severity.Error)]
    [InlineData("SM003", Severity.Error)]
    [InlineData("SM004", Severity.Warning)]
    [InlineData("SM005", Severity.Information)]
    [InlineData("SM006", Severity.Error)]
    [InlineData("SM007", Severity.Error)]
    [InlineData("SM008", Severity.Error)]
    [InlineData("SM009", Severity.Warning)]
    [InlineData("SM010", Severity.Error)]
    [InlineData("SM011", Severity.Warning)]
    [InlineData("SM012", Severity.Warning)]
    [InlineData("SM013", Severity.Error)]
    [InlineData("SM014", Severity.Warning)]
    [InlineData("SM015", Severity.Error)]
    [InlineData("SM016", Severity.Warning)]
    public void Each_rule_has_the_severity_the_design_gives_it(string id, Severity severity)
    {
        Assert.Equal(severity, Validator.Rules.Single(r => r.Id == id).Severity);
    }

    [Fact]
    public void A_complete_consistent_configuration_gives_no_diagnostic_at_all()
    {
        Assert.Empty(Validator.Validate(Sound()));
        Assert.Empty(Validator.Validate(Sound("New", "Approaching", "Replied", "Unresponsive", "Do Not Contact", "Bad Data")));
    }

    [Fact]
    public void A_standard_org_with_two_stages_left_for_Outreach_gives_no_error()
    {
        var diagnostics = Validator.Validate(StandardOrg());

        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(new[] { "SM005", "SM005" }, diagnostics.Select(d => d.RuleId));
    }

    [Fact]
    public void An_empty_configuration_gives_nothing()
    {
        Assert.Empty(Validator.Validate(new ConfigurationContent()));
    }

    [Fact]
    public void Diagnostics_come_errors_first_then_warnings_then_information_each_in_rule_order()
    {
        var content = StandardOrg();
        content.LeadStatusMappings[1] = new LeadStatusMapping("working - contacted", null, 2);
        content.LeadStatusMappings.Add(new LeadStatusMapping("Nurturing", null, 42));
        content.FieldMappings.Clear();

        var diagnostics = Validator.Validate(content);

        Assert.Equal(
            new[] { "SM003 Error", "SM003 Error", "SM006 Error", "SM013 Error", "SM004 Warning", "SM005 Information", "SM005 Information" },
            diagnostics.Select(d => $"{d.RuleId} {d.Severity}"));
        Assert.Equal(new[] { "working - contacted", "Nurturing" }, diagnostics.Take(2).Select(d => d.Target));
    }

    [Fact]
    public void A_live_configuration_validates_as_its_content()
    {
        var configuration = new StageMapConfiguration(StandardOrg());
        configuration.AddStage("Nurture");

        Assert.Equal(new[] { "Do Not Contact", "Bad Data", "Nurture" }, Validator.Validate(configuration).Select(d => d.Target));
    }

    [Fact]
    public void Validating_changes_nothing()
    {
        var content = StandardOrg();
        content.LeadStatusMappings.Add(new LeadStatusMapping("working - contacted", null, 5));
        var before = StageMap.Engine.Storage.ConfigurationSerializer.ToBytes(content);

        Validator.Validate(content);

        Assert.Equal(before, StageMap.Engine.Storage.ConfigurationSerializer.ToBytes(content));
    }

    [Fact]
    public void Every_message_names_its_target()
    {
        var content = StandardOrg();
        content.LeadStatusMappings.Add(new LeadStatusMapping("working - contacted", null, 5));
        content.LeadStatusMappings.Add(new LeadStatusMapping("Gone", null, 99));
        content.FieldMappings.Add(ContactStageName with { CrmField = "Status" });
        content.CrmMetadata = content.CrmMetadata with { ContactStatuses = Statuses(CrmObject.Contact, "Open - Not Contacted", "Recycled") };

        var diagnostics = Validator.Validate(content);

        Assert.True(diagnostics.Select(d => d.RuleId).Distinct().Count() >= 6);
        Assert.All(diagnostics, d => Assert.Contains($"'{d.Target}'", d.Message));
    }
}
