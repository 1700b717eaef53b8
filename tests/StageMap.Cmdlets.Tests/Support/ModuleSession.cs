using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;

namespace StageMap.Cmdlets.Tests.Support;

/// <summary>
/// A PowerShell session with the built module imported from out/StageMap, as a user gets it: manifest,
/// format file and help included. Each test gets its own session and its own temporary folder.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="host">The host the session talks to (prompts, -WhatIf lines); none by default.</param>
    public ModuleSession(PSHost? host = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "stagemap-cmdlets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(new[] { Path.Combine(ModulePath, "StageMap.psd1") });
        _runspace = host is null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
        _runspace.Open();
        Run($"Set-Location -LiteralPath '{Folder}'");
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The built module: STAGEMAP_MODULE_PATH, else out/StageMap of this repository.</summary>
    public static string ModulePath { get; } =
        Environment.GetEnvironmentVariable("STAGEMAP_MODULE_PATH") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(RepositoryRoot, "out", "StageMap");

    /// <summary>A temporary folder, the session's current location.</summary>
    public string Folder { get; }

    public string File(string name) => Path.Combine(Folder, name);

    /// <summary>Runs a script; output and non-terminating errors are collected, a terminating error is in <see cref="RunResult.Terminating"/>.</summary>
    public RunResult Run(string script)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        try
        {
            var output = shell.Invoke();
            return new RunResult(output.ToList(), shell.Streams.Error.ToList(), shell.Streams.Warning.Select(w => w.Message).ToList(), null);
        }
        catch (RuntimeException e)
        {
            return new RunResult(new List<PSObject>(), shell.Streams.Error.ToList(), shell.Streams.Warning.Select(w => w.Message).ToList(), e.ErrorRecord);
        }
    }

    /// <summary>A pipeline on this session, for a test that starts it, stops it or watches it run.</summary>
    public PowerShell Pipeline(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        return shell;
    }

    public void Dispose()
    {
        _runspace.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "StageMapPS.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("StageMapPS.sln not found above the test binaries.");
    }
}

/// <summary>What a script produced.</summary>
public sealed record RunResult(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings, ErrorRecord? Terminating)
{
    /// <summary>The error ids of every error, terminating or not, as a script would match them.</summary>
    public IEnumerable<string> ErrorIds => Errors.Concat(Terminating is null ? Array.Empty<ErrorRecord>() : new[] { Terminating })
        .Select(e => e.FullyQualifiedErrorId.Split(',')[0]);

    public RunResult AssertNoErrors()
    {
        if (Terminating is not null || Errors.Count > 0)
        {
            throw new Xunit.Sdk.XunitException("The script failed: " + string.Join("; ", Errors.Concat(Terminating is null ? Array.Empty<ErrorRecord>() : new[] { Terminating }).Select(e => e.ToString())));
        }

        return this;
    }
}
