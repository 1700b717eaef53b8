using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;
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

/// <summary>An answer: status, body and its media type, extra headers.</summary>
public sealed record Answer(int Status, string Body = "", string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = Status;
        foreach (var header in Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (Body.Length > 0)
        {
            context.Response.ContentType = ContentType;
            await context.Response.WriteAsync(Body);
        }
    }
}
