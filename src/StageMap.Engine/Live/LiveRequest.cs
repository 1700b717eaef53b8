using System;
using System.Net.Http;
using System.Net.Http.Headers;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live;

/// <summary>One call: method, address and, for writes, a body built afresh for each try.</summary>
public sealed class LiveRequest
{
    private readonly Func<HttpContent>? _content;

    private LiveRequest(HttpMethod method, Uri uri, Func<HttpContent>? content, bool authorize)
    {
        Method = method;
        Uri = uri;
        _content = content;
        Authorize = authorize;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    /// <summary>False for the token request, which carries its own credentials.</summary>
    public bool Authorize { get; }

    public bool Writes => Method != HttpMethod.Get;

    public static LiveRequest Get(Uri uri) => new(HttpMethod.Get, uri, null, true);

    public static LiveRequest Delete(Uri uri) => new(HttpMethod.Delete, uri, null, true);

    /// <param name="mediaType">Sent exactly, without a charset parameter (JSON:API refuses parameters with 415).</param>
    public static LiveRequest WithJson(HttpMethod method, Uri uri, string json, string mediaType) => new(method, uri, () =>
    {
        var content = new ByteArrayContent(Encodings.Utf8NoBom.GetBytes(json));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }, true);

    internal static LiveRequest Token(Uri uri, Func<HttpContent> form) => new(HttpMethod.Post, uri, form, false);

    internal HttpContent? CreateContent() => _content?.Invoke();

    /// <summary>"METHOD url": how messages name a call. URLs carry no secrets; tokens travel in headers and bodies.</summary>
    public override string ToString() => $"{Method} {Uri}";
}
