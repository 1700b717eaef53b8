using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace StageMap.Engine.Live;

/// <summary>
/// What differs between the systems one <see cref="LiveHttpClient"/> talks to: how a request is
/// authorized, which answer refuses the token, whether a refused token can be renewed, which secrets
/// a message must never repeat, and how a failed answer becomes an error with a stable id and the
/// API's own words.
/// </summary>
public abstract class LiveService
{
    /// <summary>"Salesforce" or "Outreach", for messages.</summary>
    public abstract string SystemName { get; }

    /// <summary>The media type of request bodies and of Accept.</summary>
    public abstract string MediaType { get; }

    /// <summary>The connection's secrets as they are now (tokens change when renewed), for <see cref="SecretScrubber"/>.</summary>
    internal abstract IEnumerable<SecureString?> Secrets { get; }

    internal abstract void Authorize(HttpRequestMessage request);

    /// <summary>True when the answer says the token is not good (a 401, as a rule): then it is renewed once, if it can be.</summary>
    internal virtual bool RefusesToken(LiveRequest request, LiveResponse response) => response.Status == 401;

    /// <summary>Gets a new token after a refusal; false when this connection cannot.</summary>
    internal abstract Task<bool> RefreshAsync(LiveHttpClient client, CancellationToken cancellation);

    /// <param name="renewed">True when the token was renewed for this call and the new one was refused too.</param>
    internal abstract StageMapException Failure(LiveRequest request, LiveResponse response, bool renewed);

    /// <summary>The call got no answer: refused connection, unknown host, broken TLS.</summary>
    internal abstract StageMapException Unreachable(LiveRequest request, string why, Exception inner);
}
