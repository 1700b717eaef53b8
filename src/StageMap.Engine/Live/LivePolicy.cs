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
    /// <summary>Outreach's documented limit: requests one user may make in an hour.</summary>
    public const int OutreachRequestsPerHour = 10_000;

    /// <summary>
    /// 5 tries, 100 s a try, 2 minutes of waiting a command, 32 MiB an answer (a stage list is a few
    /// KB, a large org's Lead describe a few MB), 10,000 pages (10 million stages or records at
    /// Outreach's largest page: no real list is that long).
    /// </summary>
    public static LivePolicy Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2), 32L * 1024 * 1024, 10_000);

    /// <summary>
    /// <see cref="Default"/>, with requests at least 0.4 s apart: at most 9,000 an hour, a tenth under
    /// Outreach's 10,000, so a long run (a restore moving thousands of prospects) never reaches the limit
    /// and leaves the user's other tools some of it.
    /// </summary>
    public static LivePolicy Paced { get; } = Default with { RequestSpacing = TimeSpan.FromMilliseconds(400) };

    /// <summary>
    /// The least time between the starts of two requests of the command; zero (the default) sends
    /// each at once. These waits are the command's own plan, so they do not count against
    /// <see cref="MaxTotalWait"/>, which bounds the waits a server asks for.
    /// </summary>
    public TimeSpan RequestSpacing { get; init; } = TimeSpan.Zero;

    /// <summary>How many requests an hour <see cref="RequestSpacing"/> allows at most.</summary>
    public int RequestsPerHourAtMost => RequestSpacing <= TimeSpan.Zero ? int.MaxValue : (int)(TimeSpan.FromHours(1).Ticks / RequestSpacing.Ticks);
}
