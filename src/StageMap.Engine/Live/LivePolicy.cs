using System;

namespace StageMap.Engine.Live;

/// <summary>
/// How patient a live call is: each try has a timeout; 429 and 503 wait as the server asks
/// (Retry-After, X-RateLimit-Reset), other 5xx back off (1 s, 2 s, 4 s, …), every wait capped, at most
/// <see cref="MaxAttempts"/> tries. A POST is retried only on 429 and 503, which say the request was
/// not processed, so a stage is never created twice.
/// </summary>
public sealed record LivePolicy(int MaxAttempts, TimeSpan MaxWait, TimeSpan FirstBackoff, TimeSpan Timeout)
{
    public static LivePolicy Default { get; } = new(5, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
}
