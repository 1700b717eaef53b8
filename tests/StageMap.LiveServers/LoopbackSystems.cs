using System;
using System.IO;
using System.Threading.Tasks;

namespace StageMap.LiveServers;

/// <summary>Both fake systems, started together on loopback ports.</summary>
public sealed class LoopbackSystems : IAsyncDisposable
{
    private LoopbackSystems(SalesforceServer salesforce, OutreachServer outreach)
    {
        Salesforce = salesforce;
        Outreach = outreach;
    }

    public SalesforceServer Salesforce { get; }

    public OutreachServer Outreach { get; }

    /// <param name="fixtures">The tests/fixtures folder; found above this assembly when not given.</param>
    public static async Task<LoopbackSystems> StartAsync(string? fixtures = null)
    {
        var servers = new LoopbackSystems(new SalesforceServer(fixtures ?? FindFixtures()), new OutreachServer());
        await servers.Salesforce.StartAsync();
        await servers.Outreach.StartAsync();
        return servers;
    }

    public async ValueTask DisposeAsync()
    {
        await Salesforce.DisposeAsync();
        await Outreach.DisposeAsync();
    }

    private static string FindFixtures()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "fixtures");
            if (Directory.Exists(Path.Combine(candidate, "salesforce")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures was not found above " + AppContext.BaseDirectory);
    }
}
