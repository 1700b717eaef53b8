using System;
using System.Globalization;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace StageMap.Engine.Tests.Support;

/// <summary>The StageMap.SaveProbe child process (see its Program), started from this project's output folder.</summary>
public sealed class ProbeProcess : IDisposable
{
    private readonly Process _process;

    private ProbeProcess(params string[] arguments)
    {
        var start = StartInfo(arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException("The save probe did not start.");
    }

#if NETFRAMEWORK
    // The probe built for .NET Framework, beside this build; on Mono it runs under 'mono'. The arguments are
    // paths, names and numbers, so quoting each in double quotes is enough (a double quote in one is refused).
    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "StageMap.SaveProbe.exe");
        if (arguments.Any(a => a.Contains('"')))
        {
            throw new ArgumentException("A save probe argument holds a double quote.", nameof(arguments));
        }

        var line = string.Join(" ", arguments.Select(a => "\"" + a + "\""));
        return Type.GetType("Mono.Runtime") is null
            ? new ProcessStartInfo(executable, line)
            : new ProcessStartInfo("mono", "\"" + executable + "\" " + line);
    }
#else
    private static ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "StageMap.SaveProbe" + (RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".exe" : "")));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
#endif

    /// <summary>Maps PREFIX-1..COUNT in <paramref name="path"/>, one save each, retrying after ConfigurationChangedOnDisk.</summary>
    public static ProbeProcess Map(string path, string prefix, int count) => new("map", path, prefix, count.ToString(CultureInfo.InvariantCulture));

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
