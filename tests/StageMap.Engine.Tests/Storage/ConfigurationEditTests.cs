using System;
using System.IO;
using System.Threading;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

public sealed class ConfigurationEditTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();
    private readonly string _path;
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public ConfigurationEditTests()
    {
        _path = _folder.File("m.json");
        ConfigurationStore.Create(_configuration, _path, force: false);
    }

    [Fact]
    public void Changes_are_saved_once_when_the_edit_completes()
    {
        var before = File.ReadAllBytes(_path);
        using (var edit = _configuration.BeginEdit())
        {
            _configuration.AddLeadStatusMapping("Open - Not Contacted", "New");
            _configuration.AddLeadStatusMapping("Working - Contacted", "Approaching");
            Assert.Equal(before, File.ReadAllBytes(_path));

            edit.Complete();
        }

        Assert.Equal(2, ConfigurationStore.Load(_path).LeadStatusMappings.Count);
    }

    [Fact]
    public void An_edit_that_does_not_complete_is_undone_and_nothing_is_written()
    {
        var before = File.ReadAllBytes(_path);
        using (_configuration.BeginEdit())
        {
            _configuration.AddStage("Nurture");
        }

        Assert.Null(_configuration.FindStage("Nurture"));
        Assert.Equal(before, File.ReadAllBytes(_path));
        Assert.False(_configuration.IsBeingEdited);
    }

    [Fact]
    public void Commands_in_one_pipeline_share_the_edit_and_save_when_the_last_completes()
    {
        var before = File.ReadAllBytes(_path);
        var upstream = _configuration.BeginEdit();
        var downstream = _configuration.BeginEdit();
        _configuration.AddStage("Nurture");
        _configuration.AddLeadStatusMapping("Nurturing", "Nurture");

        upstream.Complete();
        Assert.Equal(before, File.ReadAllBytes(_path));
        downstream.Complete();

        Assert.NotNull(ConfigurationStore.Load(_path).FindLeadStatusMapping("Nurturing"));
    }

    [Fact]
    public void If_one_command_of_the_pipeline_fails_the_whole_edit_is_undone()
    {
        var upstream = _configuration.BeginEdit();
        var downstream = _configuration.BeginEdit();
        _configuration.AddStage("Nurture");

        downstream.Dispose();
        upstream.Complete();

        Assert.Null(_configuration.FindStage("Nurture"));
    }

    [Fact]
    public void A_failed_save_undoes_the_changes_and_keeps_the_other_file()
    {
        File.WriteAllText(_path, "edited elsewhere");
        var edit = _configuration.BeginEdit();
        _configuration.AddStage("Nurture");

        var failure = Assert.Throws<StageMapException>(() => edit.Complete());

        Assert.Equal(ErrorIds.ConfigurationChangedOnDisk, failure.ErrorId);
        Assert.Null(_configuration.FindStage("Nurture"));
        Assert.Equal("edited elsewhere", File.ReadAllText(_path));
    }

    [Fact]
    public void An_edit_without_changes_does_not_touch_the_file()
    {
        File.WriteAllText(_path, "edited elsewhere");

        using (var edit = _configuration.BeginEdit())
        {
            Assert.Throws<StageMapException>(() => _configuration.AddStage("New"));
            edit.Complete();
        }

        Assert.Equal("edited elsewhere", File.ReadAllText(_path));
    }

    [Fact]
    public void An_in_memory_configuration_keeps_its_changes_without_a_file()
    {
        var inMemory = StageMapConfiguration.CreateDefault();
        using (var edit = inMemory.BeginEdit())
        {
            inMemory.AddStage("Nurture");
            edit.Complete();
        }

        Assert.NotNull(inMemory.FindStage("Nurture"));
        Assert.Null(inMemory.Path);
    }

    [Fact]
    public void Another_owner_waits_for_the_open_edit_and_its_undo_takes_back_only_the_first_owners_change()
    {
        var first = _configuration.BeginEdit(new object(), CancellationToken.None);
        _configuration.AddStage("Nurture");
        var secondOwner = new Thread(() =>
        {
            using var second = _configuration.BeginEdit(new object(), CancellationToken.None);
            _configuration.AddStage("Qualified");
            second.Complete();
        });
        secondOwner.Start();

        Assert.False(secondOwner.Join(300));
        first.Dispose();
        Assert.True(secondOwner.Join(5000));

        Assert.Null(_configuration.FindStage("Nurture"));
        Assert.NotNull(ConfigurationStore.Load(_path).FindStage("Qualified"));
        Assert.Null(ConfigurationStore.Load(_path).FindStage("Nurture"));
    }

    [Fact]
    public void Another_owner_that_waits_too_long_is_ConfigurationInUse_and_changes_nothing()
    {
        using var first = _configuration.BeginEdit(new object(), CancellationToken.None);

        var failure = Assert.Throws<StageMapException>(() => _configuration.BeginEdit(new object(), TimeSpan.FromMilliseconds(200), CancellationToken.None));

        Assert.Equal(ErrorIds.ConfigurationInUse, failure.ErrorId);
    }

    [Fact]
    public void A_stopped_command_stops_waiting()
    {
        using var first = _configuration.BeginEdit(new object(), CancellationToken.None);
        using var stop = new CancellationTokenSource(200);

        Assert.ThrowsAny<OperationCanceledException>(() => _configuration.BeginEdit(new object(), stop.Token));
    }
}
