using System;
using System.Linq;
using System.Net;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live;

/// <summary>What a server answered: status, body (read up to the answer cap), and the waits it asks for.</summary>
public sealed class LiveResponse
{
    public LiveResponse(int status, string reason, byte[] body, ServerWait? retryAfter, ServerWait? rateLimitReset)
    {
        Status = status;
        Reason = reason;
        Body = body;
        RetryAfter = retryAfter;
        RateLimitReset = rateLimitReset;
    }

    public int Status { get; }

    public string Reason { get; }

    public byte[] Body { get; }

    /// <summary>How long a 429 or 503 asks to wait before the call is tried again (Retry-After, else X-RateLimit-Reset).</summary>
    public ServerWait? RetryAfter { get; }

    /// <summary>Set when the answer says X-RateLimit-Remaining: 0: how long until X-RateLimit-Reset, before which no call should go.</summary>
    public ServerWait? RateLimitReset { get; }

    public bool IsSuccess => Status is >= 200 and < 300;

    public string StatusText => $"{Status} {(string.IsNullOrEmpty(Reason) ? ((HttpStatusCode)Status).ToString() : Reason)}";

    /// <summary>
    /// A short body that is plain text (Salesforce's userinfo answers "Bad_OAuth_Token"), for
    /// repeating an API's words; null when the body is long, not text, or holds control characters.
    /// </summary>
    public string? PlainText
    {
        get
        {
            if (Body.Length is 0 or > 1000)
            {
                return null;
            }

            try
            {
                var text = StrictText.Decode(Body).Trim();
                return text.Length > 0 && text.Length <= 300 && !text.Any(char.IsControl) && text[0] is not ('{' or '[' or '<') ? text : null;
            }
            catch (UndecodableTextException)
            {
                return null;
            }
        }
    }
}

/// <summary>A wait a server asked for, and the header that asked (for messages and Verbose).</summary>
public sealed record ServerWait(TimeSpan Wait, string Header);
