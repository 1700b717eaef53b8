using System;
using System.Text.Json;
using System.Threading.Tasks;

namespace StageMap.LiveServers;

/// <summary>
/// Starts both servers on 127.0.0.1, prints one JSON line {"salesforce": uri, "outreach": uri} and
/// serves until its standard input closes. Arguments: [fixtures folder].
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await using var servers = await LoopbackSystems.StartAsync(args.Length > 0 ? args[0] : null);
        Console.WriteLine(JsonSerializer.Serialize(new { salesforce = servers.Salesforce.BaseUri, outreach = servers.Outreach.BaseUri }));
        Console.Out.Flush();
        await Task.Run(() =>
        {
            while (Console.In.ReadLine() is not null)
            {
            }
        });
        return 0;
    }
}
