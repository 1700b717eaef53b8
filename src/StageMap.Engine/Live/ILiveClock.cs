using System;
using System.Threading;
using System.Threading.Tasks;

namespace StageMap.Engine.Live;

/// <summary>
/// The time a live command sees and how it waits: the real clock in the cmdlets, a clock that only
/// counts in the tests, so a paced restore or a rate-limit wait costs a test nothing.
/// </summary>
public interface ILiveClock
{
    DateTimeOffset UtcNow { get; }

    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (Ctrl+C).</exception>
    Task DelayAsync(TimeSpan wait, CancellationToken cancellation);
}

/// <summary>The machine's clock and Task.Delay.</summary>
public sealed class SystemClock : ILiveClock
{
    public static SystemClock Instance { get; } = new();

    private SystemClock()
    {
    }

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan wait, CancellationToken cancellation) => Task.Delay(wait, cancellation);
}
