using System;

namespace StageMap.Engine.Live;

/// <summary>The addresses live calls go to: https only, except loopback hosts (a local test server).</summary>
public static class LiveUri
{
    /// <exception cref="StageMapException">InsecureBaseUri.</exception>
    public static Uri RequireSecure(Uri uri, string parameter)
    {
        if (!uri.IsAbsoluteUri || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            throw Failures.InsecureBaseUri(uri, parameter);
        }

        return uri;
    }

    /// <summary><paramref name="baseUri"/> (which may have a path) followed by <paramref name="pathAndQuery"/>.</summary>
    public static Uri Combine(Uri baseUri, string pathAndQuery) => new(baseUri.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery);

    /// <summary>True when a link the server gave points at the same scheme, host and port: only then does the token go with it.</summary>
    public static bool SameOrigin(Uri left, Uri right) =>
        string.Equals(left.GetLeftPart(UriPartial.Authority), right.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
