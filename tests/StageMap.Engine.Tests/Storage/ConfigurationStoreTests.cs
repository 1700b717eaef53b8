using System;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

public sealed class ConfigurationStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_created_file_loads_back_the_same_configuration()
    {
        var path = _folder.File("m.json");
        var original = StageMapConfiguration.CreateDefault(Experience.EnhancedCrmSync);
        original.AddLeadStatusMapping("Working - Contacted", "Approaching");
        ConfigurationStore.Create(original, path, force: false);

        var loaded = ConfigurationStore.Load(path);

        Assert.Equal(Path.GetFullPath(path), loaded.Path);
        Assert.Equal(Experience.EnhancedCrmSync, loaded.Experience);
        Assert.Equal(original.Stages, loaded.Stages);
        Assert.Equal(original.LeadStatusMappings, loaded.LeadStatusMappings);
    }

    [Fact]
    public void The_file_carries_the_schema_version_first()
    {
        var path = _folder.File("m.json");
        ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: false);

        Assert.StartsWith("{\n  \"schemaVersion\": 3,", File.ReadAllText(path));
    }

    [Fact]
    public void Create_refuses_to_overwrite_without_force()
    {
        var path = _folder.File("m.json");
        File.WriteAllText(path, "precious");

        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: false));

        Assert.Equal(ErrorIds.ConfigurationFileExists, failure.ErrorId);
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void Create_with_force_overwrites()
    {
        var path = _folder.File("m.json");
        File.WriteAllText(path, "old");

        ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: true);

        Assert.NotNull(ConfigurationStore.Load(path));
    }

    [Fact]
    public void A_save_refuses_a_file_changed_on_disk_and_leaves_it_alone()
    {
        var path = _folder.File("m.json");
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, path, force: false);
        File.AppendAllText(path, " ");
        var changedByOthers = File.ReadAllBytes(path);

        configuration.AddStage("Nurture");
        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Save(configuration));

        Assert.Equal(ErrorIds.ConfigurationChangedOnDisk, failure.ErrorId);
        Assert.Equal(changedByOthers, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_save_refuses_when_the_file_was_deleted()
    {
        var path = _folder.File("m.json");
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, path, force: false);
        File.Delete(path);

        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Save(configuration));

        Assert.Equal(ErrorIds.ConfigurationChangedOnDisk, failure.ErrorId);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Consecutive_saves_of_the_same_session_succeed()
    {
        var path = _folder.File("m.json");
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, path, force: false);

        configuration.AddStage("One");
        ConfigurationStore.Save(configuration);
        configuration.AddStage("Two");
        ConfigurationStore.Save(configuration);

        Assert.Equal(8, ConfigurationStore.Load(path).Stages.Count);
    }

    [Fact]
    public void A_temp_file_left_by_a_crashed_save_is_ignored_and_the_next_save_removes_it()
    {
        var path = _folder.File("m.json");
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, path, force: false);
        var leftover = _folder.File($"{AtomicFile.TempPrefix}m.json.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(leftover, "{ \"schemaVersion\": 1, \"stages\": [ {\"id\": 1, \"na");

        var loaded = ConfigurationStore.Load(path);
        loaded.AddStage("Nurture");
        ConfigurationStore.Save(loaded);

        Assert.Equal(7, ConfigurationStore.Load(path).Stages.Count);
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_save_leaves_no_temp_file_behind_only_its_empty_lock_file()
    {
        var path = _folder.File("m.json");
        ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), path, force: false);

        Assert.Equal(new[] { _folder.File(".stagemap-m.json.lock"), path }, Directory.GetFiles(_folder.Path).OrderBy(f => f, System.StringComparer.Ordinal));
        Assert.Equal(0, new FileInfo(_folder.File(".stagemap-m.json.lock")).Length);
    }

    [Fact]
    public void Export_writes_a_copy_and_keeps_the_binding()
    {
        var path = _folder.File("m.json");
        var copy = _folder.File("copy.json");
        var configuration = StageMapConfiguration.CreateDefault();
        ConfigurationStore.Create(configuration, path, force: false);

        ConfigurationStore.Export(configuration, copy, force: false);

        Assert.Equal(Path.GetFullPath(path), configuration.Path);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(copy));
        Assert.Equal(ErrorIds.ConfigurationFileExists, Assert.Throws<StageMapException>(() => ConfigurationStore.Export(configuration, copy, force: false)).ErrorId);
    }

    [Fact]
    public void Loading_a_missing_file_is_ConfigurationFileNotFound()
    {
        var failure = Assert.Throws<StageMapException>(() => ConfigurationStore.Load(_folder.File("absent.json")));

        Assert.Equal(ErrorIds.ConfigurationFileNotFound, failure.ErrorId);
    }

    [Fact]
    public void A_file_with_a_utf8_bom_loads()
    {
        var path = _folder.File("bom.json");
        File.WriteAllText(path, "{ \"schemaVersion\": 1, \"stages\": [ { \"id\": 1, \"name\": \"Né\", \"order\": 1 } ] }", new UTF8Encoding(true));

        Assert.Equal("Né", ConfigurationStore.Load(path).Stages.Single().Name);
    }
}
