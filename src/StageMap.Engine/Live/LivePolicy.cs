using System;

namespace StageMap.Engine.Live;

/// <summary>
/// How patient and how trusting a live command is. Each try has a <see cref="Timeout"/> (the answer's
/// body included). 429 and 503 wait as the server asks (Retry-After, X-RateLimit-Reset), an answer
/// saying X-RateLimit-Remaining: 0 makes the next call wait for X-RateLimit-Reset, other 5xx back off
/// (1 s, 2 s, 4 s, …), at most <see cref="MaxAttempts"/> tries; all the waits of one command together
/// stay within <see cref="MaxTotalWait"/>. A POST is retried only on 429 and 503, which say the request
/// was not processed, so a stage is never created twice. An answer's body is read up to
/// <see cref="MaxAnswerBytes"/>, and a paged read follows at most <see cref="MaxPages"/> next links.
/// </summary>
public sealed record LivePolicy(int MaxAttempts, TimeSpan FirstBackoff, TimeSpan Timeout, TimeSpan MaxTotalWait, long MaxAnswerBytes, int MaxPages)
{
    /// <summary>
    /// 5 tries, 100 s a try, 2 minutes of waiting a command, 32 MiB an answer (a stage list is a few
    /// KB, a large org's Lead describe a few MB), 10,000 pages (10 million stages or records at
    /// Outreach's largest page: no real list is that long).
    /// </summary>
    public static LivePolicy Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2), 32L * 1024 * 1024, 10_000);
}
