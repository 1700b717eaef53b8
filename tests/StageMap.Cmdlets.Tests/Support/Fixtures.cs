using System.IO;

namespace StageMap.Cmdlets.Tests.Support;

/// <summary>The test data under tests/fixtures, and scripts that name a fixture folder as $fx.</summary>
public static class Fixtures
{
    public static string Salesforce { get; } = Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "salesforce");

    public static string Outreach { get; } = Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "outreach");

    /// <summary>Runs <paramref name="script"/> with $fx set to <paramref name="folder"/>.</summary>
    public static RunResult RunWithFixtures(this ModuleSession session, string folder, string script) =>
        session.Run($"$fx = '{folder}'\n{script}");
}
