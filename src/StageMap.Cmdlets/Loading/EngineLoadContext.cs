using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace StageMap.Cmdlets.Loading;

/// <summary>
/// PowerShell 7: the load context the engine and its private dependencies live in (the pattern of PowerShell's
/// "Resolving PowerShell module assembly dependency conflicts"). PowerShell's shared context cannot find the
/// engine (it is not beside these cmdlets), asks its Resolving handlers, and this one hands over the engine
/// from <c>bin/net8.0</c>; every assembly the engine then references is looked up here first.
/// </summary>
/// <remarks>
/// Only ever touched on .NET: .NET Framework has no AssemblyLoadContext (see <see cref="ModuleLoader"/>).
/// One instance per process, made on the first import: its engine serves every later import, so the
/// engine's types stay one set of types for the whole session.
/// </remarks>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    /// <summary>What PowerShell itself carries and shares with its modules: the engine uses PowerShell's copies.</summary>
    private static readonly string[] SharedWithPowerShell = { "System.Management.Automation", "Newtonsoft.Json" };

    private static readonly object Gate = new();
    private static EngineLoadContext? s_instance;
    private static bool s_registered;

    private readonly string _folder;

    private EngineLoadContext(string folder) => _folder = folder;

    public static void Register(string folder)
    {
        lock (Gate)
        {
            s_instance ??= new EngineLoadContext(folder);
            if (!s_registered)
            {
                Default.Resolving += ResolveEngine;
                s_registered = true;
            }
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            Default.Resolving -= ResolveEngine;
            s_registered = false;
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || Array.IndexOf(SharedWithPowerShell, assemblyName.Name) >= 0)
        {
            return null;
        }

        // Anything not in the folder (the .NET libraries) comes from the shared context.
        var path = Path.Combine(_folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName assemblyName) =>
        assemblyName.Name == ModuleLoader.EngineName ? s_instance?.LoadFromAssemblyName(assemblyName) : null;
}
