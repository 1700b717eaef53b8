using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Live;

/// <summary>
/// The one HTTP client every live call goes through (see <see cref="LivePolicy"/> for retries and
/// timeouts). On a 401 the service may renew its token once, then the call is tried again. Each
/// exchange is one Verbose line: method, URL and status, never a header or a body.
/// </summary>
public sealed class LiveHttpClient
{
    // One handler for the process: connections are pooled. Redirects are not followed, so a token
    // never travels to an address the caller did not name.
    private static readonly HttpClient Shared = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private readonly ILiveLog _log;

    public LiveHttpClient(ILiveLog log, LivePolicy? policy = null)
    {
        _log = log;
        Policy = policy ?? LivePolicy.Default;
    }

    public LivePolicy Policy { get; }

    public ILiveLog Log => _log;

    /// <returns>The successful (2xx) response.</returns>
    /// <exception cref="StageMapException">The service's failure for the last answer, a timeout, or no answer.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (Ctrl+C).</exception>
    public async Task<LiveResponse> SendAsync(LiveService service, LiveRequest request, CancellationToken cancellation)
    {
        var refreshed = false;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnceAsync(service, request, cancellation).ConfigureAwait(false);
            if (response.IsSuccess)
            {
                return response;
            }

            if (response.Status == 401 && request.Authorize && !refreshed)
            {
                refreshed = true;
                _log.Verbose($"{service.SystemName} refused the token; renewing it once.");
                if (await service.RefreshAsync(this, cancellation).ConfigureAwait(false))
                {
                    attempt--;
                    continue;
                }
            }

            var wait = RetryWait(request, response, attempt, out var why);
            if (wait is null || attempt >= Policy.MaxAttempts)
            {
                throw service.Failure(request, response);
            }

            _log.Verbose($"{response.StatusText} from {service.SystemName}: waiting {wait.Value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s ({why}) before try {attempt + 1} of {Policy.MaxAttempts}.");
            await Task.Delay(wait.Value, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request and reads the answer's body as one JSON object.</summary>
    /// <exception cref="StageMapException">As <see cref="SendAsync"/>; the service's request failure when the body is not a JSON object.</exception>
    public async Task<JObject> SendForObjectAsync(LiveService service, LiveRequest request, CancellationToken cancellation)
    {
        var response = await SendAsync(service, request, cancellation).ConfigureAwait(false);
        try
        {
            return LiveJson.Parse(response.Text) as JObject
                ?? throw Failures.LiveAnswerUnreadable(service.SystemName, request.ToString(), "it is not a JSON object.");
        }
        catch (Newtonsoft.Json.JsonReaderException e)
        {
            throw Failures.LiveAnswerUnreadable(service.SystemName, request.ToString(), StrictJson.Describe(e));
        }
    }

    private async Task<LiveResponse> SendOnceAsync(LiveService service, LiveRequest request, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Policy.Timeout);
        using var message = new HttpRequestMessage(request.Method, request.Uri) { Content = request.CreateContent() };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(service.MediaType));
        if (request.Authorize)
        {
            service.Authorize(message);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await Shared.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            _log.Verbose($"{request.Method} {request.Uri} -> {(int)response.StatusCode} {response.ReasonPhrase} ({clock.ElapsedMilliseconds} ms)");
            var (wait, source) = ServerWait(response);
            return new LiveResponse((int)response.StatusCode, response.ReasonPhrase ?? "", body, wait, source);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            _log.Verbose($"{request.Method} {request.Uri} -> no answer within {Policy.Timeout.TotalSeconds:0} s");
            throw Failures.LiveRequestTimedOut(service.SystemName, request.ToString(), Policy.Timeout);
        }
        catch (HttpRequestException e)
        {
            _log.Verbose($"{request.Method} {request.Uri} -> no answer ({e.Message})");
            throw service.Unreachable(request, e.InnerException?.Message ?? e.Message, e);
        }
    }

    private TimeSpan? RetryWait(LiveRequest request, LiveResponse response, int attempt, out string why)
    {
        var notProcessed = response.Status is 429 or 503;
        if (!notProcessed && (response.Status < 500 || request.Method == HttpMethod.Post))
        {
            why = "";
            return null;
        }

        TimeSpan wait;
        if (notProcessed && response.RetryAfter is { } asked)
        {
            wait = asked;
            why = response.RetryAfterSource!;
        }
        else
        {
            wait = TimeSpan.FromTicks(Policy.FirstBackoff.Ticks << Math.Min(attempt - 1, 10));
            why = "backing off";
        }

        if (wait > Policy.MaxWait)
        {
            why += $", capped at {Policy.MaxWait.TotalSeconds:0} s";
            wait = Policy.MaxWait;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    /// <summary>Retry-After (seconds or a date), else X-RateLimit-Reset (seconds, or a Unix time when that large).</summary>
    private static (TimeSpan? Wait, string? Source) ServerWait(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
            if (wait is not null)
            {
                return (wait, "Retry-After");
            }
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = reset > 1_000_000_000
                ? DateTimeOffset.FromUnixTimeSeconds(reset) - DateTimeOffset.UtcNow
                : TimeSpan.FromSeconds(reset);
            return (wait, "X-RateLimit-Reset");
        }

        return (null, null);
    }
}
