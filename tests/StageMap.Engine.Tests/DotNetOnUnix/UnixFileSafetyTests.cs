using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.DotNetOnUnix;

/// <summary>
/// What a save keeps of a Unix file: its mode, owner and symbolic link. This is .NET on Linux and macOS
/// (PowerShell 7 there); Windows PowerShell 5.1 runs on Windows only, where File.Replace keeps the ACL.
/// </summary>
[Trait(Needs.Trait, Needs.DotNetOnUnix)]
public sealed class UnixFileSafetyTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly string _path;
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    public UnixFileSafetyTests()
    {
        _path = _folder.File("m.json");
        ConfigurationStore.Create(_configuration, _path, force: false);
    }

    public void Dispose() => _folder.Dispose();

    private static bool OnUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

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

    [DllImport("libc", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int chown([MarshalAs(UnmanagedType.LPStr)] string path, uint owner, uint group);

    [DllImport("libc")]
    private static extern uint geteuid();
}
