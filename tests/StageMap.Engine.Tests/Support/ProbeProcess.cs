using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace StageMap.Engine.Tests.Support;

/// <summary>The StageMap.SaveProbe child process (see its Program), started from this project's output folder.</summary>
public sealed class ProbeProcess : IDisposable
{
    private readonly Process _process;

    private ProbeProcess(params string[] arguments)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "StageMap.SaveProbe" + (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".exe" : ""));
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The save probe did not start.");
    }

    /// <summary>Maps PREFIX-1..COUNT in <paramref name="path"/>, one save each, retrying after ConfigurationChangedOnDisk.</summary>
    public static ProbeProcess Map(string path, string prefix, int count) => new("map", path, prefix, count.ToString());

    /// <summary>Saves <paramref name="path"/> over and over until killed.</summary>
    public static ProbeProcess Churn(string path) => new("churn", path);

    public StreamReader Output => _process.StandardOutput;

    /// <summary>Every line it printed, once it has ended; fails when it ended with an error.</summary>
    public IReadOnlyList<string> ReadToEnd()
    {
        var lines = new List<string>();
        while (Output.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        var errors = _process.StandardError.ReadToEnd();
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The save probe failed ({_process.ExitCode}): {errors}");
        }

        return lines;
    }

    /// <summary>SIGKILL on Unix, TerminateProcess on Windows: no chance to clean up.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
