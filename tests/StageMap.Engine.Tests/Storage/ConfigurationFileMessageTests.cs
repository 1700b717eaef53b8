using System.IO;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>What the configuration file errors tell an admin to do next.</summary>
public sealed class ConfigurationFileMessageTests : System.IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void An_existing_file_suggests_importing_it_or_Force()
    {
        var path = _folder.File("it's.json");
        ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: false);

        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: false));

        Assert.Equal(ErrorIds.ConfigurationFileExists, failure.ErrorId);
        Assert.Contains($"Import-StageMapConfiguration -Path '{Path.GetFullPath(path).Replace("'", "''")}'", failure.Message);
        Assert.Contains("add -Force", failure.Message);
    }

    [Fact]
    public void A_save_into_a_missing_folder_names_the_folder()
    {
        var folder = _folder.File("missing");

        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), Path.Combine(folder, "m.json"), force: false));

        Assert.Equal(ErrorIds.ConfigurationSaveFailed, failure.ErrorId);
        Assert.Contains($"the folder '{Path.GetFullPath(folder)}' does not exist", failure.Message);
        Assert.DoesNotContain(".tmp", failure.Message);
    }
}
