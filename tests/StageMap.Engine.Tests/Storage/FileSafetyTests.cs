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
public class FileSafetyTests
{
    private readonly TempDirectory _folder = new();
    private readonly string _path;
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public FileSafetyTests()
    {
        _path = _folder.File("m.json");
        ConfigurationStore.Create(_configuration, _path, force: false);
    }

    private static bool OnUnix => !OperatingSystem.IsWindows();

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
    public void A_save_keeps_a_private_file_private()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(_path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        _configuration.AddStage("Nurture");
        ConfigurationStore.Save(_configuration);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_path));
        Assert.NotNull(ConfigurationStore.Load(_path).FindStage("Nurture"));
    }

    [Fact]
    public void A_save_keeps_the_owner_and_group_of_the_file()
    {
        if (!OnUnix)
        {
            return;
        }

        const uint otherUser = 4321;
        const uint otherGroup = 4322;
        var root = geteuid() == 0;
        if (root)
        {
            Assert.Equal(0, chown(_path, otherUser, otherGroup));
        }

        var before = Posix.OwnerOf(_path);
        _configuration.AddStage("Nurture");
        ConfigurationStore.Save(_configuration);

        Assert.Equal(before, Posix.OwnerOf(_path));
        Assert.True(!root || before == (otherUser, otherGroup));
    }

    [Fact]
    public void A_save_writes_through_a_symbolic_link_and_the_link_stays()
    {
        var targetFolder = Directory.CreateDirectory(_folder.File("real")).FullName;
        var target = Path.Combine(targetFolder, "target.json");
        File.Move(_path, target);
        File.CreateSymbolicLink(_path, Path.Combine("real", "target.json"));
        var configuration = ConfigurationStore.Load(_path);

        configuration.AddStage("Nurture");
        ConfigurationStore.Save(configuration);

        Assert.Equal(Path.Combine("real", "target.json"), new FileInfo(_path).LinkTarget);
        Assert.NotNull(ConfigurationStore.Load(target).FindStage("Nurture"));
        Assert.True(File.Exists(Path.Combine(targetFolder, ".stagemap-target.json.lock")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.tmp").Concat(Directory.GetFiles(targetFolder, "*.tmp")));
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

    [DllImport("libc", SetLastError = true)]
    private static extern int chown(string path, uint owner, uint group);

    [DllImport("libc")]
    private static extern uint geteuid();
}
