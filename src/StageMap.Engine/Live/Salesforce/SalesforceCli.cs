using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// Gets an org's instance URL, user and access token from the Salesforce CLI the admin already uses.
/// </summary>
/// <remarks>
/// 'sf org display --json' gives the instance URL and the user. Since CLI 2.136.8 it redacts the
/// token, which 'sf org auth show-access-token --json' gives instead ({"result":{"accessToken":…}});
/// an older CLI lacks that command, and then the token of 'org display' is used. The CLI's output is
/// read into a SecureString at once and never written anywhere; its messages reach the user only
/// through the command's <see cref="SecretScrubber"/>, since a failing CLI may quote the token.
/// </remarks>
[SuppressMessage("Performance", "CA1822", Justification = "An instance stands for the CLI a connection signs in through (SalesforceService holds one, or none for a token connection); the methods keep no state of their own.")]
public sealed class SalesforceCli
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The most the CLI may print: its JSON answers are a few KB.</summary>
    private const int MaxOutputChars = 16 * 1024 * 1024;

    /// <exception cref="StageMapException">SalesforceCliFailed, InsecureBaseUri.</exception>
    public async Task<CrmConnection> ConnectAsync(string targetOrg, string? apiVersion, LiveHttpClient http, CancellationToken cancellation)
    {
        var display = await RunAsync(targetOrg, http.Log, cancellation, "org", "display").ConfigureAwait(false);
        if (display.Status != 0)
        {
            throw Failures.SalesforceCliFailed(targetOrg, $"'sf org display' failed: {display.Message}");
        }

        var instance = Text(display.Result, "instanceUrl");
        if (instance is null || !Uri.TryCreate(instance, UriKind.Absolute, out var instanceUrl))
        {
            throw Failures.SalesforceCliFailed(targetOrg, "'sf org display' gave no instance URL.");
        }

        var token = await GetAccessTokenAsync(targetOrg, http, display, cancellation).ConfigureAwait(false);
        return new CrmConnection(instanceUrl, Text(display.Result, "username"), Text(display.Result, "id") ?? Text(display.Result, "orgId"),
            apiVersion ?? CrmConnection.DefaultApiVersion, token, targetOrg);
    }

    /// <summary>A fresh access token for <paramref name="targetOrg"/> (the CLI renews an expired one).</summary>
    public Task<SecureString> GetAccessTokenAsync(string targetOrg, LiveHttpClient http, CancellationToken cancellation) =>
        GetAccessTokenAsync(targetOrg, http, null, cancellation);

    private async Task<SecureString> GetAccessTokenAsync(string targetOrg, LiveHttpClient http, CliOutput? display, CancellationToken cancellation)
    {
        var shown = await RunAsync(targetOrg, http.Log, cancellation, "org", "auth", "show-access-token").ConfigureAwait(false);
        if (shown.Status == 0 && Text(shown.Result, "accessToken") is { Length: > 0 } token && !IsRedacted(token))
        {
            return Learned(http, token);
        }

        http.Log.Verbose(Sentences.Join($"'sf org auth show-access-token' gave no token ({shown.Message})", "This CLI predates it, so the token of 'sf org display' is used."));
        display ??= await RunAsync(targetOrg, http.Log, cancellation, "org", "display").ConfigureAwait(false);
        if (display.Status == 0 && Text(display.Result, "accessToken") is { Length: > 0 } old && !IsRedacted(old))
        {
            return Learned(http, old);
        }

        throw Failures.SalesforceCliFailed(targetOrg, $"'sf org auth show-access-token' failed ({shown.Message}) and 'sf org display' gave no token.");
    }

    /// <summary>
    /// The aliases and usernames the CLI knows on this machine, for tab completion: the aliases of
    /// ~/.sfdx/alias.json ({"orgs":{alias: username}}) and the usernames of its auth files. Reads
    /// names only, never a token; an unreadable store gives none.
    /// </summary>
    public static IReadOnlyList<string> KnownOrgs()
    {
        var store = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".sfdx");
        var names = new List<string>();
        try
        {
            var aliases = Path.Combine(store, "alias.json");
            if (File.Exists(aliases) && LiveJson.Parse(StrictText.Decode(File.ReadAllBytes(aliases)))["orgs"] is JObject orgs)
            {
                names.AddRange(orgs.Properties().Select(p => p.Name));
            }

            if (Directory.Exists(store))
            {
                names.AddRange(Directory.EnumerateFiles(store, "*@*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>());
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Newtonsoft.Json.JsonException or UndecodableTextException)
        {
            // Completion offers what it can read.
        }

        return names;
    }

    /// <summary>The token as a SecureString, which the command's scrubber now looks for.</summary>
    private static SecureString Learned(LiveHttpClient http, string token)
    {
        var secret = SecureText.Protect(token);
        http.Secrets.Learn(secret);
        return secret;
    }

    /// <summary>What the CLI prints in place of a secret: "[REDACTED] …", or a value masked with asterisks.</summary>
    private static bool IsRedacted(string token) => token.IndexOf("REDACTED", StringComparison.OrdinalIgnoreCase) >= 0 || token.Contains("***");

    private static string? Text(JObject? result, string name) => LiveJson.Text(result?.GetValue(name, StringComparison.OrdinalIgnoreCase));

    private static async Task<CliOutput> RunAsync(string targetOrg, ILiveLog log, CancellationToken cancellation, params string[] command)
    {
        var executable = FindExecutable() ?? throw Failures.SalesforceCliFailed(targetOrg, "the Salesforce CLI ('sf') is not on PATH.");
        var arguments = string.Join(" ", command) + " --target-org " + Quote(targetOrg) + " --json";
        log.Verbose($"sf {arguments}");
        var start = new ProcessStartInfo(executable, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        start.EnvironmentVariables["SF_JSON_TO_STDOUT"] = "true";
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw Failures.SalesforceCliFailed(targetOrg, $"'{executable}' could not be started: {e.Message}", e);
        }

        var output = ReadAtMostAsync(process.StandardOutput, process);
        var errors = DrainAsync(process.StandardError);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            timeout.CancelAfter(CommandTimeout);
            var exited = new TaskCompletionSource<bool>();
            using (timeout.Token.Register(() => exited.TrySetResult(false)))
            {
                var waiting = Task.Run(() => { process.WaitForExit(); exited.TrySetResult(true); });
                if (!await exited.Task.ConfigureAwait(false))
                {
                    Stop(process);
                    cancellation.ThrowIfCancellationRequested();
                    throw Failures.SalesforceCliFailed(targetOrg, $"'sf {string.Join(" ", command)}' did not finish within {CommandTimeout.TotalSeconds:0} seconds.");
                }
            }
        }

        await errors.ConfigureAwait(false);
        var printed = await output.ConfigureAwait(false)
            ?? throw Failures.SalesforceCliFailed(targetOrg, $"'sf {string.Join(" ", command)}' printed more than {MaxOutputChars / (1024 * 1024)} MiB, far more than its JSON answer, so StageMap stopped it.");
        return CliOutput.Parse(printed, process.ExitCode);
    }

    /// <summary>Standard output, or null (and the process stopped) once it passes <see cref="MaxOutputChars"/>.</summary>
    private static async Task<string?> ReadAtMostAsync(StreamReader reader, Process process)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
        {
            if (text.Length + read > MaxOutputChars)
            {
                Stop(process);
                return null;
            }

            text.Append(buffer, 0, read);
        }

        return text.ToString();
    }

    /// <summary>Reads standard error to its end, keeping nothing: the CLI's messages that matter are in its JSON.</summary>
    private static async Task DrainAsync(StreamReader reader)
    {
        var buffer = new char[8192];
        while (await reader.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false) > 0)
        {
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It ended meanwhile.
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string? FindExecutable()
    {
        var names = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? new[] { "sf.cmd", "sf.exe", "sf.bat" } : new[] { "sf" };
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator)
            .Where(d => d.Length > 0)
            .SelectMany(d => names.Select(n => Path.Combine(d.Trim('"'), n)))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The CLI's --json envelope: {"status":0,"result":{…}} or {"status":1,"name":…,"message":…}.</summary>
    private sealed class CliOutput
    {
        private CliOutput(int status, JObject? result, string message)
        {
            Status = status;
            Result = result;
            Message = message;
        }

        public int Status { get; }

        public JObject? Result { get; }

        public string Message { get; }

        public static CliOutput Parse(string stdout, int exitCode)
        {
            var start = stdout.IndexOf('{');
            JObject? envelope = null;
            try
            {
                envelope = start < 0 ? null : LiveJson.Parse(stdout.Substring(start)) as JObject;
            }
            catch (Newtonsoft.Json.JsonException)
            {
                // Not JSON: the exit code says what happened; the text itself is never shown (it may hold a token).
            }

            if (envelope is null)
            {
                return new CliOutput(exitCode == 0 ? 1 : exitCode, null, $"exit code {exitCode}, and no JSON output");
            }

            var status = LiveJson.TryGetCount(envelope["status"], out var s) && s <= int.MaxValue ? (int)s : exitCode == 0 ? 1 : exitCode;
            var message = LiveJson.Words(envelope["message"]) ?? $"status {status}";
            return new CliOutput(status, envelope["result"] as JObject, message);
        }
    }
}
