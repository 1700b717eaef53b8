using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;
using static StageMap.Engine.Tests.Conversion.Configs;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>A mapped field the input lacks converts without it, but never silently.</summary>
public sealed class MissingFieldTallyTests : System.IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<string> _warnings = new();

    private static StageMapConfiguration LeadStage() => With(Lead("Stage", "Status", StageLookup()), Lead("First Name", "FirstName"));

    public void Dispose() => _temp.Dispose();

    private MissingFieldTally Tally(StageMapConfiguration configuration, ConversionDirection direction, out ConversionPlan plan)
    {
        plan = ConversionPlan.Create(configuration, CrmObject.Lead, direction);
        return new MissingFieldTally(plan, _warnings.Add);
    }

    [Fact]
    public void Records_without_the_Status_column_warn_once_naming_the_field_and_are_counted()
    {
        var tally = Tally(LeadStage(), ConversionDirection.Pull, out var plan);

        for (var i = 0; i < 3; i++)
        {
            Assert.True(plan.Convert(Record(("FirstName", "Ada"), ("Company", "Engines")), tally).Succeeded);
        }

        var warning = Assert.Single(_warnings);
        Assert.StartsWith("The input has no 'Status' field, which the Lead mapping of Outreach field 'Stage' reads", warning);
        Assert.Contains("No column of the input is close to it", warning);
        Assert.Equal(new[] { new MissingField("Status", null, 3) }, tally.Fields);
    }

    [Theory]
    [InlineData("Lead Status")]
    [InlineData("Stauts")]
    [InlineData("Status ")]
    public void The_warning_names_the_nearest_column(string column)
    {
        var tally = Tally(LeadStage(), ConversionDirection.Pull, out var plan);

        plan.Convert(Record(("FirstName", "Ada"), (column, "Open - Not Contacted")), tally);

        Assert.Contains($"Its nearest column is '{column}': rename that column to 'Status'", Assert.Single(_warnings));
        Assert.Equal(column, Assert.Single(tally.Fields).NearestColumn);
    }

    [Fact]
    public void A_blank_value_is_carried_and_a_field_in_any_case_is_the_field()
    {
        var tally = Tally(LeadStage(), ConversionDirection.Pull, out var plan);

        plan.Convert(Record(("FirstName", "Ada"), ("status", null)), tally);

        Assert.Empty(_warnings);
        Assert.Empty(tally.Fields);
    }

    [Fact]
    public void A_record_that_fails_does_not_count()
    {
        var tally = Tally(LeadStage(), ConversionDirection.Pull, out var plan);

        Assert.False(plan.Convert(Record(("Company", "Engines")), tally).Succeeded); // none of the mapped fields: InvalidRecord
        Assert.Empty(_warnings);
        Assert.True(plan.Convert(Record(("FirstName", "Ada")), tally).Succeeded);
        Assert.Equal(1, Assert.Single(tally.Fields).Records);
    }

    [Fact]
    public void On_push_the_Outreach_field_is_named()
    {
        var tally = Tally(LeadStage(), ConversionDirection.Push, out var plan);

        plan.Convert(Record(("firstName", "Ada"), ("stageId", 1)), tally);

        var warning = Assert.Single(_warnings);
        Assert.StartsWith("The input has no 'stage' field (Outreach field 'Stage'), which the Lead mapping to CRM field 'Status' reads", warning);
        Assert.Contains("Its nearest column is 'stageId'", warning);
    }

    [Fact]
    public void The_bulk_summary_counts_the_records_converted_without_it()
    {
        var input = _temp.File("leads.csv");
        File.WriteAllText(input, File.ReadAllText(Path.Combine(Fixtures.Directory, "conversion", "leads-lf.csv")).Replace(",Status\n", ",Lead Status\n"));
        var plan = ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);

        var summary = BulkConverter.Run(plan, new BulkConversion { InputPath = input, OutputPath = _temp.File("out.jsonl") }, warn: _warnings.Add);

        Assert.Equal(summary.Written, Assert.Single(summary.MissingFields).Records);
        Assert.Equal(new MissingField("Status", "Lead Status", summary.Written), summary.MissingFields[0]);
        Assert.Contains("'Lead Status'", Assert.Single(_warnings));
    }
}
