namespace StageMap.Engine.Tests.Support;

/// <summary>
/// The trait of tests that need more than the engine on its oldest runtime. build.ps1 runs the net472 build
/// (the engine as Windows PowerShell 5.1 loads it) on Mono without them, and lists them.
/// </summary>
public static class Needs
{
    public const string Trait = "Needs";

    /// <summary>The loopback servers of tests/StageMap.LiveServers, which are ASP.NET Core (.NET only).</summary>
    public const string Kestrel = "Kestrel";

    /// <summary>.NET's Unix file APIs (mode, owner, symbolic links): PowerShell 7 on Linux and macOS only.</summary>
    public const string DotNetOnUnix = "DotNetOnUnix";
}
