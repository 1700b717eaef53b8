using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace StageMap.Cmdlets.Loading;

/// <summary>
/// Where the engine comes from. The module folder holds two builds of it: <c>bin/net8.0</c> for PowerShell 7.4
/// and later, <c>bin/netstandard2.0</c> (with what .NET Framework lacks) for Windows PowerShell 5.1. These cmdlets
/// (one build for both editions, the manifest's root module) reference the engine by name only. PowerShell runs
/// this initializer when it imports the module, before it looks at any cmdlet's parameters; from then on it
/// answers the runtime's request for the engine from the build of this edition:
/// <list type="bullet">
/// <item>PowerShell 7: from StageMap's own load context (<see cref="EngineLoadContext"/>), so the engine's
/// private dependencies (CsvHelper and any added later) are StageMap's copies, whatever version another module
/// loaded into PowerShell's shared context. Newtonsoft.Json and PowerShell itself stay shared.</item>
/// <item>Windows PowerShell 5.1: <see cref="Assembly.LoadFrom(string)"/> from <c>bin/netstandard2.0</c>.
/// .NET Framework has no load contexts; it binds by version, so another module's CsvHelper loads beside ours.</item>
/// </list>
/// Nothing is loaded here: the engine loads when a cmdlet first needs one of its types.
/// </summary>
/// <remarks>
/// PowerShell lists this assembly's public types before it runs the initializer, and the runtime lays each type
/// out as it lists it. A field of an engine value type (an engine enum) in a public cmdlet class would make the
/// runtime load the engine then, before anything says where it is, and the import would fail; so such parameters
/// keep their value in a field of the enum's underlying type (<c>CmdletLayoutTests</c> checks every class).
/// </remarks>
public sealed class ModuleLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    internal const string EngineName = "StageMap.Engine";

    private static readonly object Gate = new();
    private static string? s_frameworkFolder;

    /// <summary>True on .NET (PowerShell 7), false on .NET Framework (Windows PowerShell 5.1).</summary>
    private static bool OnDotNet { get; } = typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") is not null;

    public void OnImport()
    {
        // A module's assembly is loaded from a file, whose path has a folder.
        var moduleFolder = Path.GetDirectoryName(typeof(ModuleLoader).Assembly.Location)!;
        if (!OnDotNet)
        {
            lock (Gate)
            {
                s_frameworkFolder = Path.Combine(moduleFolder, "bin", "netstandard2.0");
                AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromFrameworkFolder;
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromFrameworkFolder;
            }

            return;
        }

        if (Environment.Version.Major < 8)
        {
            throw new PlatformNotSupportedException(
                $"StageMap needs PowerShell 7.4 or later (.NET 8), or Windows PowerShell 5.1; this PowerShell runs on .NET {Environment.Version}.");
        }

        RegisterEngineLoadContext(Path.Combine(moduleFolder, "bin", "net8.0"));
    }

    /// <summary>
    /// Stops answering. An engine already loaded stays (an assembly is never unloaded from PowerShell); a
    /// re-import is answered with that same engine.
    /// </summary>
    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (OnDotNet)
        {
            UnregisterEngineLoadContext();
            return;
        }

        AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromFrameworkFolder;
    }

    // EngineLoadContext is touched only in these two methods, never inlined: .NET Framework compiles a method
    // whole, and a call to a type whose base type (AssemblyLoadContext) it lacks fails the whole method.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RegisterEngineLoadContext(string folder) => EngineLoadContext.Register(folder);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void UnregisterEngineLoadContext() => EngineLoadContext.Unregister();

    private static Assembly? ResolveFromFrameworkFolder(object? sender, ResolveEventArgs args)
    {
        if (s_frameworkFolder is null)
        {
            return null;
        }

        var path = Path.Combine(s_frameworkFolder, new AssemblyName(args.Name).Name + ".dll");
        return File.Exists(path) ? Assembly.LoadFrom(path) : null;
    }
}
