using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>
/// Import-Module lists the public types of StageMap.Cmdlets.dll before it runs the module's initializer (the
/// ModuleLoader, which tells the runtime where the engine is), and the runtime lays out each type as it lists it.
/// So no public type may need the engine to be laid out: no field of an engine value type (an engine enum, or a
/// nullable one). Checked on the built module, in a load context where the engine cannot be found, as at import.
/// </summary>
public sealed class CmdletLayoutTests
{
    private const string EngineName = "StageMap.Engine";

    [Fact]
    public void Every_public_type_of_the_cmdlets_loads_while_the_engine_cannot()
    {
        var path = Path.Combine(ModuleSession.ModulePath, "StageMap.Cmdlets.dll");
        var context = new WithoutEngine();
        try
        {
            var cmdlets = context.LoadFromAssemblyPath(path);
            var failed = new List<string>();
            foreach (var name in PublicTypeNames(path))
            {
                try
                {
                    cmdlets.GetType(name, throwOnError: true);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException)
                {
                    failed.Add(name);
                }
            }

            Assert.True(
                failed.Count == 0,
                "These public types need the engine to be laid out (a field of an engine enum? hold it as its number, "
                + "see ModuleLoader), so Import-Module would fail before the module's initializer runs:\n"
                + string.Join("\n", failed));
            Assert.DoesNotContain(context.Assemblies, assembly => assembly.GetName().Name == EngineName);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>The public types as the file's metadata lists them, top-level and nested, without loading any.</summary>
    private static IEnumerable<string> PublicTypeNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public)
            {
                names.Add(metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name));
            }
        }

        return names;
    }

    /// <summary>A load context that refuses the engine, as PowerShell's shared one does before ModuleLoader runs.</summary>
    private sealed class WithoutEngine : AssemblyLoadContext
    {
        public WithoutEngine()
            : base(nameof(WithoutEngine), isCollectible: true)
        {
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == EngineName
                ? throw new FileNotFoundException("The engine is not loadable before the module's initializer runs.", EngineName + ".dll")
                : null;
    }
}
