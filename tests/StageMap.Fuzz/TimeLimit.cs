using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace StageMap.Fuzz;

/// <summary>
/// Runs a piece of work on a thread of its own and waits for it a limited time, so a reader that
/// loops (or works out of all proportion to its input) is a finding and not a run that never ends.
/// </summary>
public static class TimeLimit
{
    /// <summary>
    /// True, with the work's result, when it ended within <paramref name="limit"/> (its exception, if
    /// any, is rethrown here with its own stack trace); false when it was still running. Work over the
    /// limit cannot be stopped on .NET: it goes on, on a background thread, until it ends or the
    /// process does.
    /// </summary>
    public static bool TryRun<T>(Func<T> work, TimeSpan limit, out T result)
    {
        var value = default(T);
        ExceptionDispatchInfo? failure = null;
        var worker = new Thread(() =>
        {
            try
            {
                value = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "StageMap.Fuzz case",
        };
        worker.Start();
        if (!worker.Join(limit))
        {
            result = default!;
            return false;
        }

        failure?.Throw();
        result = value!;
        return true;
    }
}
