using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace StageMap.LiveServers;

/// <summary>A request as a handler sees it, and the answer it gives.</summary>
public sealed class Exchange
{
    private Exchange(HttpContext context, string body)
    {
        Context = context;
        Body = body;
    }

    public HttpContext Context { get; }

    public string Method => Context.Request.Method;

    public string Path => Context.Request.Path.Value ?? "/";

    public string PathAndQuery => Path + Context.Request.QueryString.Value;

    public string Body { get; }

    public string? Bearer
    {
        get
        {
            var header = Context.Request.Headers.Authorization.ToString();
            return header.StartsWith("Bearer ", System.StringComparison.Ordinal) ? header.Substring(7) : null;
        }
    }

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    public static async Task<Exchange> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        return new Exchange(context, await reader.ReadToEndAsync());
    }
}

/// <summary>
/// An answer: status, body and its media type, extra headers. A streamed answer writes its body with
/// <see cref="Stream"/> instead (the hostile mode's oversized bodies, never held in memory), with the
/// Content-Length of <see cref="ContentLength"/> when given, else chunked.
/// </summary>
public sealed record Answer(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public System.Func<System.IO.Pipelines.PipeWriter, System.Threading.CancellationToken, Task>? Stream { get; init; }

    public long? ContentLength { get; init; }

    public Answer WithHeaders(IReadOnlyDictionary<string, string> more)
    {
        var headers = new Dictionary<string, string>(Headers ?? new Dictionary<string, string>());
        foreach (var header in more)
        {
            headers[header.Key] = header.Value;
        }

        return this with { Headers = headers };
    }

    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        foreach (var header in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (Stream is not null)
        {
            context.Response.ContentType = ContentType;
            context.Response.ContentLength = ContentLength;
            try
            {
                await Stream(context.Response.BodyWriter, context.RequestAborted);
            }
            catch (System.Exception e) when (e is IOException or System.OperationCanceledException or ConnectionResetException)
            {
                // The client stopped reading: what the size cap is for.
            }

            return;
        }

        if (Body.Length > 0)
        {
            context.Response.ContentType = ContentType;
            await context.Response.WriteAsync(Body);
        }
    }
}
