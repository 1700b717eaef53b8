using System;
using System.Collections.Generic;

namespace StageMap.LiveServers;

/// <summary>
/// The misbehaviours a server plays in hostile mode, by name. Each is something a real service, a
/// proxy in between or a broken deployment has been seen to answer; the client must end each in a
/// typed error, in bounded time, without echoing a secret. Turned on with /_hostile?on=a,b (or
/// <see cref="LoopbackServer.Hostility"/>), off with /_reset.
/// </summary>
public static class Hostile
{
    /// <summary>links.next / nextRecordsUrl pointing back at the page just served.</summary>
    public const string NextLoop = "next-loop";

    /// <summary>The prospect list's links.next pointing back at the page just served (the stage list pages as it should).</summary>
    public const string ProspectNextLoop = "prospect-next-loop";

    /// <summary>A new next link on every page, for ever (each page empty).</summary>
    public const string NextEndless = "next-endless";

    /// <summary>A list answered with a body of <see cref="HugeBodyBytes"/>, streamed without Content-Length.</summary>
    public const string HugeBody = "huge-body";

    /// <summary>A list answered with a Content-Length of <see cref="HugeBodyBytes"/>, streamed.</summary>
    public const string HugeLength = "huge-length";

    /// <summary>Every API call is refused (401) with a message quoting the Authorization header; the token endpoint quotes the secret and refresh token it got.</summary>
    public const string EchoToken = "echo-token";

    /// <summary>Error bodies in the wrong shape: Outreach errors[].id an object, Salesforce errorCode an array.</summary>
    public const string OddErrors = "odd-errors";

    /// <summary>A created stage's id of 99999999999 (beyond Int32).</summary>
    public const string IdOverflow = "id-overflow";

    /// <summary>A created stage's id of -3.</summary>
    public const string IdNegative = "id-negative";

    /// <summary>meta.count of 10^26.</summary>
    public const string CountOverflow = "count-overflow";

    /// <summary>meta.count of -1.</summary>
    public const string CountNegative = "count-negative";

    /// <summary>meta.count of 2.5.</summary>
    public const string CountFraction = "count-fraction";

    /// <summary>meta without count, even when count=true is asked.</summary>
    public const string CountMissing = "count-missing";

    /// <summary>meta.count 0 with count_truncated true: a count cut short under load, whatever the stage holds.</summary>
    public const string CountTruncated = "count-truncated";

    /// <summary>meta.count 0 while data lists the prospects the stage holds.</summary>
    public const string CountZero = "count-zero";

    /// <summary>Every answer says X-RateLimit-Remaining: 0, resetting in the option "reset" seconds (1 by default).</summary>
    public const string RateLimitZero = "rate-limit-zero";

    /// <summary>One GiB: far over any cap a client should have.</summary>
    public const long HugeBodyBytes = 1L << 30;

    /// <summary>
    /// Writes <see cref="HugeBodyBytes"/> of JSON white space after "{", 64 KiB at a time, so the
    /// server never holds the body; stops when the client hangs up.
    /// </summary>
    public static Answer Huge(Hostility hostility, string contentType) => new(200, "", contentType)
    {
        ContentLength = hostility.Is(HugeLength) ? HugeBodyBytes : null,
        Stream = async (body, cancellation) =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            chunk[0] = (byte)'{';
            for (long written = 0; written < HugeBodyBytes; written += chunk.Length)
            {
                // A write waits while the client is not reading (backpressure) and says when it hung up.
                var result = await body.WriteAsync(chunk, cancellation);
                if (result.IsCompleted || result.IsCanceled || cancellation.IsCancellationRequested)
                {
                    break;
                }

                chunk[0] = (byte)' ';
            }
        },
    };
}

/// <summary>The hostile scenarios a server plays now, and their options.</summary>
public sealed class Hostility
{
    private readonly HashSet<string> _on = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public bool Is(string scenario)
    {
        lock (_on)
        {
            return _on.Contains(scenario);
        }
    }

    public string? Option(string name)
    {
        lock (_on)
        {
            return _options.TryGetValue(name, out var value) ? value : null;
        }
    }

    public void TurnOn(string scenario, IReadOnlyDictionary<string, string>? options = null)
    {
        lock (_on)
        {
            _on.Add(scenario);
            foreach (var option in options ?? new Dictionary<string, string>())
            {
                _options[option.Key] = option.Value;
            }
        }
    }

    public void Clear()
    {
        lock (_on)
        {
            _on.Clear();
            _options.Clear();
        }
    }
}
