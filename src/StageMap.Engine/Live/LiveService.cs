using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StageMap.Engine.Live;

/// <summary>
/// What differs between the systems one <see cref="LiveHttpClient"/> talks to: how a request is
/// authorized, whether a refused token can be renewed, and how a failed answer becomes an error with
/// a stable id and the API's own message.
/// </summary>
public abstract class LiveService
{
    /// <summary>"Salesforce" or "Outreach", for messages.</summary>
    public abstract string SystemName { get; }

    /// <summary>The media type of request bodies and of Accept.</summary>
    public abstract string MediaType { get; }

    internal abstract void Authorize(HttpRequestMessage request);

    /// <summary>Gets a new token after a 401; false when this connection cannot.</summary>
    internal abstract Task<bool> RefreshAsync(LiveHttpClient client, CancellationToken cancellation);

    internal abstract StageMapException Failure(LiveRequest request, LiveResponse response);

    /// <summary>The call got no answer: refused connection, unknown host, broken TLS.</summary>
    internal abstract StageMapException Unreachable(LiveRequest request, string why, Exception inner);
}
