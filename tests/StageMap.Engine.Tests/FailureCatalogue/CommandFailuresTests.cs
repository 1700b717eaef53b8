using Xunit;

namespace StageMap.Engine.Tests.FailureCatalogue;

/// <summary>The failures the cmdlets raise themselves: each with its public id, category and the object at fault.</summary>
public class CommandFailuresTests
{
    [Fact]
    public void No_current_configuration_says_how_to_get_one()
    {
        var failure = CommandFailures.NoCurrentConfiguration();

        Assert.Equal(ErrorIds.NoCurrentConfiguration, failure.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, failure.Category);
        Assert.Null(failure.Target);
        Assert.Contains("Import-StageMapConfiguration", failure.Message);
        Assert.Contains("-Configuration", failure.Message);
    }

    [Fact]
    public void Nothing_to_compare_with_has_the_same_id_and_names_DifferenceConfiguration()
    {
        var failure = CommandFailures.NoConfigurationToCompare();

        Assert.Equal(ErrorIds.NoCurrentConfiguration, failure.ErrorId);
        Assert.Equal(FailureCategory.InvalidOperation, failure.Category);
        Assert.Contains("-DifferenceConfiguration", failure.Message);
    }

    [Fact]
    public void Not_a_configuration_names_the_parameter_and_what_was_given_and_targets_it()
    {
        var given = new object();
        var failure = CommandFailures.NotAConfiguration("ReferenceConfiguration", given, "Hashtable");
        var empty = CommandFailures.NotAConfiguration("DifferenceConfiguration", null, null);

        Assert.Equal(ErrorIds.InvalidConfigurationInput, failure.ErrorId);
        Assert.Equal(FailureCategory.InvalidArgument, failure.Category);
        Assert.Same(given, failure.Target);
        Assert.StartsWith("-ReferenceConfiguration is a Hashtable, not a configuration.", failure.Message);
        Assert.StartsWith("-DifferenceConfiguration is empty, not a configuration.", empty.Message);
    }

    [Fact]
    public void Paths_that_name_many_files_and_record_files_given_alone_target_the_path()
    {
        var conversion = CommandFailures.ConversionPathMatchesManyFiles("./leads-*.csv", 3);
        var drift = CommandFailures.DriftPathMatchesManyFiles("./crm-*.csv");
        var alone = CommandFailures.RecordFilesGoTogether("./crm.csv");

        Assert.Equal(new[] { ErrorIds.PathMatchesManyFiles, ErrorIds.PathMatchesManyFiles, ErrorIds.RecordFilesGoTogether }, new[] { conversion.ErrorId, drift.ErrorId, alone.ErrorId });
        Assert.All(new[] { conversion, drift, alone }, f => Assert.Equal(FailureCategory.InvalidArgument, f.Category));
        Assert.Equal(new object[] { "./leads-*.csv", "./crm-*.csv", "./crm.csv" }, new[] { conversion.Target, drift.Target, alone.Target });
        Assert.Equal("'./leads-*.csv' matches 3 files; -Path converts one file to one -OutFile.", conversion.Message);
    }
}
