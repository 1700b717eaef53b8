using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Storage;

/// <summary>What a save does to the file beyond its bytes: lock, mode, owner, links, leftovers.</summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();
    private readonly string _path;
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public FileSafetyTests()
    {
        _path = _folder.File("m.json");
        ConfigurationStore.Create(_configuration, _path, force: false);
    }

    private static bool OnUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    [Fact]
    public void A_save_waits_for_the_lock_and_is_refused_when_another_saver_keeps_it()
    {
        using (SaveLock.Acquire(_path, _path, TimeSpan.Zero))
        {
            _configuration.AddStage("Nurture");
            var failure = Assert.Throws<StageMapException>(() => SaveLock.Acquire(_path, _path, TimeSpan.FromMilliseconds(200)));

            Assert.Equal(ErrorIds.ConfigurationChangedOnDisk, failure.ErrorId);
            Assert.Contains(".stagemap-m.json.lock", failure.Message);
        }

        ConfigurationStore.Save(_configuration);
        Assert.NotNull(ConfigurationStore.Load(_path).FindStage("Nurture"));
    }

    [Fact]
    public void The_lock_is_flock_so_it_excludes_a_holder_that_opened_the_lock_file_with_sharing()
    {
        if (!OnUnix)
        {
            return;
        }

        using var other = new FileStream(SaveLock.PathFor(_path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        Assert.Equal(0, flock((int)other.SafeFileHandle.DangerousGetHandle(), 2 | 4));

        var failure = Assert.Throws<StageMapException>(() => SaveLock.Acquire(_path, _path, TimeSpan.FromMilliseconds(200)));

        Assert.Equal(ErrorIds.ConfigurationChangedOnDisk, failure.ErrorId);
    }

    [Fact]
    public void The_next_save_removes_its_own_stale_temp_files_and_nothing_else()
    {
        var stale = _folder.File($".stagemap-m.json.{Guid.NewGuid():N}.tmp");
        var anotherFiles = _folder.File($".stagemap-other.json.{Guid.NewGuid():N}.tmp");
        var notOurName = _folder.File(".stagemap-m.json.backup.tmp");
        var someoneElses = _folder.File("m.json.tmp");
        var newerThanTheLock = _folder.File($".stagemap-m.json.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { stale, anotherFiles, notOurName, someoneElses, newerThanTheLock })
        {
            File.WriteAllText(file, "{ \"schemaVersion\": 1, \"sta");
        }

        File.SetLastWriteTimeUtc(newerThanTheLock, DateTime.UtcNow.AddHours(1));

        _configuration.AddStage("Nurture");
        ConfigurationStore.Save(_configuration);

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(anotherFiles));
        Assert.True(File.Exists(notOurName));
        Assert.True(File.Exists(someoneElses));
        Assert.True(File.Exists(newerThanTheLock));
    }

    [Fact]
    public void Create_and_Export_write_through_the_same_locked_path_as_a_save()
    {
        var copy = _folder.File("copy.json");
        File.WriteAllText(copy, "old");
        var staleOfCopy = _folder.File($".stagemap-copy.json.{Guid.NewGuid():N}.tmp");
        var staleOfFile = _folder.File($".stagemap-m.json.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(staleOfCopy, "{");
        File.WriteAllText(staleOfFile, "{");

        ConfigurationStore.Export(_configuration, copy, force: true);
        ConfigurationStore.Create(StageMapConfiguration.CreateDefault(), _path, force: true);

        Assert.False(File.Exists(staleOfCopy));
        Assert.False(File.Exists(staleOfFile));
        Assert.True(File.Exists(_folder.File(".stagemap-copy.json.lock")));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int flock(int fd, int operation);
}
