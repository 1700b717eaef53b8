using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;

namespace StageMap.Engine.Tests.Support;

/// <summary>A clock that only counts: each wait moves it on at once and is kept, so pacing costs a test nothing.</summary>
public sealed class ManualClock : ILiveClock
{
    private readonly object _gate = new();
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public List<TimeSpan> Waits { get; } = new();

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    public Task DelayAsync(TimeSpan wait, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        lock (_gate)
        {
            Waits.Add(wait);
            _now += wait;
        }

        return Task.CompletedTask;
    }
}
