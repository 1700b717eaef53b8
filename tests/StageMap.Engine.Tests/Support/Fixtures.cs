using System.IO;

namespace StageMap.Engine.Tests.Support;

/// <summary>Test data files under tests/fixtures: real Salesforce files kept byte for byte, and our own.</summary>
public static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.Combine(RepositoryRoot, "tests", "fixtures");

    public static string Salesforce(string fileName) => Path.Combine(Directory, "salesforce", fileName);

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StageMapPS.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("StageMapPS.sln not found above the test binaries.");
    }
}
