using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace StageMap.Engine.Live;

/// <summary>
/// The one HTTP client every live call of a command goes through (see <see cref="LivePolicy"/> for
/// retries, waits, timeouts and caps). A command keeps one for all its calls, so its waits share one
/// budget and its <see cref="Secrets"/> know every secret its calls used. On a refused token the
/// service may renew it once, then the call is tried again. Each exchange is one Verbose line:
/// method, URL and status, never a header or a body.
/// </summary>
public sealed class LiveHttpClient
{
    // One handler for the process: connections are pooled. Redirects are not followed, so a token
    // never travels to an address the caller did not name.
    private static readonly HttpClient Shared = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(3650);

    private readonly SecretScrubber _secrets = new();
    private readonly Dictionary<string, ServerWait> _rateLimited = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DateTimeOffset> _quietUntil = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILiveClock _clock;
    private TimeSpan _waited;
    private DateTimeOffset? _lastSent;

    /// <param name="clock">The time and the waits; the machine's clock unless a test counts them.</param>
    public LiveHttpClient(ILiveLog log, LivePolicy? policy = null, ILiveClock? clock = null)
    {
        Log = new ScrubbingLog(log, _secrets);
        Policy = policy ?? LivePolicy.Default;
        _clock = clock ?? SystemClock.Instance;
    }

    public LivePolicy Policy { get; }

    /// <summary>How many requests the command has sent (every try of every call).</summary>
    public int Sent { get; private set; }

    /// <summary>Where the calls report; every line passes <see cref="Secrets"/> first.</summary>
    public ILiveLog Log { get; }

    /// <summary>The command's scrubber: it knows the secrets of every connection a call used.</summary>
    public SecretScrubber Secrets => _secrets;

    /// <summary>How long the command has waited so far, for rate limits and retries together.</summary>
    public TimeSpan Waited => _waited;

    /// <summary>
    /// Runs one live operation of the command. Whatever fails in it leaves as a StageMapException
    /// scrubbed of every secret (<see cref="SecretScrubber"/>): this is the way out of every live call.
    /// </summary>
    /// <exception cref="StageMapException">The operation's failure, scrubbed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (Ctrl+C).</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellation)
    {
        try
        {
            return await operation(cancellation).ConfigureAwait(false);
        }
        catch (StageMapException failure)
        {
            throw _secrets.Scrub(failure);
        }
    }

    /// <param name="alsoAccepted">An answer status besides 2xx that the caller reads itself (a probe's 404).</param>
    /// <returns>The successful (2xx) response, or one of <paramref name="alsoAccepted"/>.</returns>
    /// <exception cref="StageMapException">The service's failure for the last answer, a timeout, no answer, an answer over the cap, or a wait beyond the command's budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled (Ctrl+C).</exception>
    public async Task<LiveResponse> SendAsync(LiveService service, LiveRequest request, CancellationToken cancellation, int? alsoAccepted = null)
    {
        var (triedRenewing, renewed) = (false, false);
        for (var attempt = 1; ; attempt++)
        {
            _secrets.Learn(service.Secrets);
            await WaitForRateLimitAsync(service, request, cancellation).ConfigureAwait(false);
            await WaitForTurnAsync(cancellation).ConfigureAwait(false);
            var response = await SendOnceAsync(service, request, cancellation).ConfigureAwait(false);
            if (response.IsSuccess || response.Status == alsoAccepted)
            {
                return response;
            }

            if (request.Authorize && !triedRenewing && service.RefusesToken(request, response))
            {
                triedRenewing = true;
                if (await service.RefreshAsync(this, cancellation).ConfigureAwait(false))
                {
                    renewed = true;
                    Log.Verbose($"{service.SystemName} refused the token; it was renewed once, and {request.Method} is tried again.");
                    attempt--;
                    continue;
                }
            }

            var wait = RetryWait(request, response, attempt);
            if (wait is null || attempt >= Policy.MaxAttempts)
            {
                throw service.Failure(request, response, renewed);
            }

            if (_waited + wait.Wait > Policy.MaxTotalWait)
            {
                throw wait.Header.Length == 0
                    ? service.Failure(request, response, renewed)
                    : Failures.LiveRateLimited(service.SystemName, request.ToString(), wait.Wait, wait.Header, Policy.MaxTotalWait);
            }

            Log.Verbose($"{response.StatusText} from {service.SystemName}: waiting {Seconds(wait.Wait)} s ({(wait.Header.Length == 0 ? "backing off" : wait.Header)}) before try {attempt + 1} of {Policy.MaxAttempts}.");
            await DelayAsync(wait.Wait, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Sends the request and reads the answer's body as one JSON object.</summary>
    /// <exception cref="StageMapException">As <see cref="SendAsync"/>; the service's request failure when the body is not a JSON object.</exception>
    public async Task<JObject> SendForObjectAsync(LiveService service, LiveRequest request, CancellationToken cancellation)
    {
        var response = await SendAsync(service, request, cancellation).ConfigureAwait(false);
        return ReadObject(service, request, response);
    }

    /// <summary>
    /// Reads a paged list: the first page, then the page each answer links to next, until one links to
    /// none. A link must stay on the first page's scheme, host and port (the token goes with it), must
    /// not be one already read (LivePagingLoop), and no more than <see cref="LivePolicy.MaxPages"/>
    /// pages are read (LivePagingLoop).
    /// </summary>
    /// <param name="linkName">How messages name the link: "links.next", "nextRecordsUrl".</param>
    /// <param name="readPage">Takes in one page and returns the link to the next one, or null at the end.</param>
    /// <param name="progress">The progress status after a number of pages: "page 2 (500 stages so far)".</param>
    public async Task ReadPagesAsync(
        LiveService service, LiveRequest first, string linkName, string activity,
        Func<JObject, LiveRequest, Uri?> readPage, Func<int, string> progress, CancellationToken cancellation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { first.Uri.AbsoluteUri };
        var request = first;
        for (var page = 1; ; page++)
        {
            Log.Progress(activity, progress(page));
            var next = readPage(await SendForObjectAsync(service, request, cancellation).ConfigureAwait(false), request);
            if (next is null)
            {
                break;
            }

            if (!LiveUri.SameOrigin(next, first.Uri))
            {
                throw Failures.LiveAnswerUnreadable(service.SystemName, request.ToString(),
                    $"its {linkName} '{next}' does not point at {first.Uri.GetLeftPart(UriPartial.Authority)}, so the token is not sent there.");
            }

            if (!seen.Add(next.AbsoluteUri))
            {
                throw Failures.LivePagingLoop(service.SystemName, request.ToString(), linkName, next, page);
            }

            if (page >= Policy.MaxPages)
            {
                throw Failures.LivePageLimit(service.SystemName, first.ToString(), Policy.MaxPages);
            }

            request = LiveRequest.Get(next);
        }

        Log.ProgressCompleted(activity);
    }

    private static JObject ReadObject(LiveService service, LiveRequest request, LiveResponse response)
    {
        var unreadable = (Func<string, StageMapException>)(problem => Failures.LiveAnswerUnreadable(service.SystemName, request.ToString(), problem));
        return LiveJson.Parse(response.Body, unreadable) as JObject ?? throw unreadable("it is not a JSON object.");
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
            // Headers first: the body is read as a stream, up to the cap, so a huge answer is never held.
            using var response = await Shared.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
            var announced = response.Content.Headers.ContentLength;
            if (announced > Policy.MaxAnswerBytes)
            {
                // Cancelled before the response is let go: the connection is dropped, not drained.
                timeout.Cancel();
                Log.Verbose($"{request.Method} {request.Uri} -> {status}, {announced:N0} bytes announced: not read ({clock.ElapsedMilliseconds} ms)");
                throw Failures.LiveAnswerTooLarge(service.SystemName, request.ToString(), Policy.MaxAnswerBytes, announced);
            }

            var body = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
            if (body is null)
            {
                timeout.Cancel();
                Log.Verbose($"{request.Method} {request.Uri} -> {status}, more than {Policy.MaxAnswerBytes:N0} bytes: stopped reading ({clock.ElapsedMilliseconds} ms)");
                throw Failures.LiveAnswerTooLarge(service.SystemName, request.ToString(), Policy.MaxAnswerBytes, null);
            }

            Log.Verbose($"{request.Method} {request.Uri} -> {status} ({clock.ElapsedMilliseconds} ms)");
            var answer = new LiveResponse((int)response.StatusCode, response.ReasonPhrase ?? "", body, RetryAfter(response), RateLimitReset(response));
            NoteRateLimit(request, answer);
            return answer;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            Log.Verbose($"{request.Method} {request.Uri} -> no answer within {Policy.Timeout.TotalSeconds:0} s");
            throw Failures.LiveRequestTimedOut(service.SystemName, request.ToString(), Policy.Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Log.Verbose($"{request.Method} {request.Uri} -> no answer ({e.InnerException?.Message ?? e.Message})");
            throw service.Unreachable(request, e.InnerException?.Message ?? e.Message, e);
        }
    }

    /// <summary>The body, or null once it passes <see cref="LivePolicy.MaxAnswerBytes"/> (the rest is never read).</summary>
    private async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellation)
    {
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellation).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > Policy.MaxAnswerBytes)
            {
                return null;
            }

            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    /// <summary>An answer that says no request is left until a reset holds back the next call to its host until then.</summary>
    private void NoteRateLimit(LiveRequest request, LiveResponse response)
    {
        var host = request.Uri.GetLeftPart(UriPartial.Authority);
        if (response.RateLimitReset is { } reset)
        {
            _rateLimited[host] = reset;
            _quietUntil[host] = _clock.UtcNow + reset.Wait;
        }
        else
        {
            _rateLimited.Remove(host);
            _quietUntil.Remove(host);
        }
    }

    private async Task WaitForRateLimitAsync(LiveService service, LiveRequest request, CancellationToken cancellation)
    {
        var host = request.Uri.GetLeftPart(UriPartial.Authority);
        if (!_quietUntil.TryGetValue(host, out var until))
        {
            return;
        }

        var asked = _rateLimited[host];
        _quietUntil.Remove(host);
        _rateLimited.Remove(host);
        var wait = until - _clock.UtcNow;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (_waited + wait > Policy.MaxTotalWait)
        {
            throw Failures.LiveRateLimited(service.SystemName, request.ToString(), asked.Wait, asked.Header, Policy.MaxTotalWait);
        }

        Log.Verbose($"{service.SystemName} said no request is left (X-RateLimit-Remaining: 0): waiting {Seconds(wait)} s ({asked.Header}) before {request}.");
        await DelayAsync(wait, cancellation).ConfigureAwait(false);
    }

    private async Task DelayAsync(TimeSpan wait, CancellationToken cancellation)
    {
        _waited += wait;
        await _clock.DelayAsync(wait, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Holds the request until <see cref="LivePolicy.RequestSpacing"/> has passed since the last one
    /// started (every try counts: each is a request to the server's hourly limit). These waits are the
    /// command's own pacing and stay outside the budget of waits a server asks for.
    /// </summary>
    private async Task WaitForTurnAsync(CancellationToken cancellation)
    {
        var spacing = Policy.RequestSpacing;
        if (spacing > TimeSpan.Zero && _lastSent is { } last)
        {
            if (Sent == 1)
            {
                Log.Verbose($"Pacing: requests go at least {spacing.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s apart, at most {Policy.RequestsPerHourAtMost:N0} an hour (Outreach allows {LivePolicy.OutreachRequestsPerHour:N0}).");
            }

            var wait = last + spacing - _clock.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await _clock.DelayAsync(wait, cancellation).ConfigureAwait(false);
            }
        }

        _lastSent = _clock.UtcNow;
        Sent++;
    }

    /// <summary>How long to wait before trying again, or null when the answer is not worth another try.</summary>
    private ServerWait? RetryWait(LiveRequest request, LiveResponse response, int attempt)
    {
        var notProcessed = response.Status is 429 or 503;
        if (!notProcessed && (response.Status < 500 || request.Method == HttpMethod.Post))
        {
            return null;
        }

        return notProcessed && response.RetryAfter is { } asked
            ? asked
            : new ServerWait(TimeSpan.FromTicks(Policy.FirstBackoff.Ticks << Math.Min(attempt - 1, 10)), "");
    }

    /// <summary>Retry-After (seconds or a date), else X-RateLimit-Reset: how long a 429 or 503 asks to wait.</summary>
    private static ServerWait? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            var wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null);
            if (wait is not null)
            {
                return new ServerWait(Clamp(wait.Value), "Retry-After");
            }
        }

        return Reset(response);
    }

    /// <summary>The wait until X-RateLimit-Reset when X-RateLimit-Remaining is 0 (or less); null otherwise.</summary>
    private static ServerWait? RateLimitReset(HttpResponseMessage response) =>
        Header(response, "X-RateLimit-Remaining") is { } remaining && long.TryParse(remaining, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && left <= 0
            ? Reset(response) ?? new ServerWait(TimeSpan.Zero, "X-RateLimit-Reset")
            : null;

    /// <summary>X-RateLimit-Reset: seconds from now, or a Unix time when that large (Outreach sends a Unix time).</summary>
    private static ServerWait? Reset(HttpResponseMessage response)
    {
        if (Header(response, "X-RateLimit-Reset") is not { } text || !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var reset))
        {
            return null;
        }

        var seconds = reset > 1_000_000_000m ? reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds() : reset;
        var wait = seconds >= (decimal)LongestWait.TotalSeconds ? LongestWait : TimeSpan.FromSeconds((double)seconds);
        return new ServerWait(Clamp(wait), "X-RateLimit-Reset");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;

    private static string Seconds(TimeSpan wait) => wait.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Every Verbose and progress line of a command passes the scrubber: a URL a server gave may carry a secret.</summary>
    private sealed class ScrubbingLog : ILiveLog
    {
        private readonly ILiveLog _inner;
        private readonly SecretScrubber _secrets;

        public ScrubbingLog(ILiveLog inner, SecretScrubber secrets)
        {
            _inner = inner;
            _secrets = secrets;
        }

        public void Verbose(string message) => _inner.Verbose(_secrets.Scrub(message));

        public void Progress(string activity, string status, int percentComplete = -1) => _inner.Progress(activity, _secrets.Scrub(status), percentComplete);

        public void ProgressCompleted(string activity) => _inner.ProgressCompleted(activity);
    }
}
