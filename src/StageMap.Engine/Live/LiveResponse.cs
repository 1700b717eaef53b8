using System;
using System.Net;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live;

/// <summary>What a server answered: status, body, and how long it asks to wait (429, 503).</summary>
public sealed class LiveResponse
{
    public LiveResponse(int status, string reason, byte[] body, TimeSpan? retryAfter, string? retryAfterSource)
    {
        Status = status;
        Reason = reason;
        Body = body;
        RetryAfter = retryAfter;
        RetryAfterSource = retryAfterSource;
    }

    public int Status { get; }

    public string Reason { get; }

    public byte[] Body { get; }

    /// <summary>The wait the server asked for (Retry-After or X-RateLimit-Reset), if any.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>The header the wait came from, for the Verbose line.</summary>
    public string? RetryAfterSource { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The body as text (UTF-8, or UTF-16 with a byte order mark); empty when the body is not text.</summary>
    public string Text
    {
        get
        {
            try
            {
                return StrictText.Decode(Body);
            }
            catch (UndecodableTextException)
            {
                return "";
            }
        }
    }

    public string StatusText => $"{Status} {(string.IsNullOrEmpty(Reason) ? ((HttpStatusCode)Status).ToString() : Reason)}";
}
