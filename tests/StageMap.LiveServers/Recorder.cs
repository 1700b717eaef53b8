using System.Collections.Generic;

namespace StageMap.LiveServers;

/// <summary>
/// One call a server received: what the tests assert on (control calls under /_ are not recorded).
/// The Authorization header stays in the process: /_calls never lists it, nor the token request's body.
/// </summary>
public sealed record ReceivedCall(string Method, string Path, int Status, [property: System.Text.Json.Serialization.JsonIgnore] string? Authorization, string? ContentType, [property: System.Text.Json.Serialization.JsonIgnore] string Body)
{
    /// <summary>True for POST, PATCH, PUT and DELETE outside the token endpoint.</summary>
    public bool Writes => Method is not ("GET" or "HEAD") && !Path.StartsWith("/oauth/", System.StringComparison.Ordinal);
}

/// <summary>A canned answer for the next calls that match a method and a path prefix.</summary>
public sealed record Fault(string Method, string Path, int Status, string Body, Dictionary<string, string> Headers, int Times);

/// <summary>What both servers share: the calls they received and the faults waiting to be served.</summary>
public sealed class Recorder
{
    private readonly List<ReceivedCall> _calls = new();
    private readonly List<Fault> _faults = new();

    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return _calls.ToArray();
            }
        }
    }

    public void Record(ReceivedCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
        }
    }

    public void AddFault(Fault fault)
    {
        lock (_faults)
        {
            _faults.Add(fault);
        }
    }

    /// <summary>The fault for this call, if one is waiting (each serves its number of times).</summary>
    public Fault? TakeFault(string method, string pathAndQuery)
    {
        lock (_faults)
        {
            var index = _faults.FindIndex(f => string.Equals(f.Method, method, System.StringComparison.OrdinalIgnoreCase) && pathAndQuery.StartsWith(f.Path, System.StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }

            var fault = _faults[index];
            _faults[index] = fault with { Times = fault.Times - 1 };
            if (fault.Times <= 1)
            {
                _faults.RemoveAt(index);
            }

            return fault;
        }
    }

    public void Reset()
    {
        lock (_calls)
        {
            _calls.Clear();
        }

        lock (_faults)
        {
            _faults.Clear();
        }
    }
}
