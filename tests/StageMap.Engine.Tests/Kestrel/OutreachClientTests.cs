using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

[Collection(LiveCollection.Name)]
[Trait(Support.Needs.Trait, Support.Needs.Kestrel)]
public class OutreachClientTests
{
    private static readonly LivePolicy Quick = LivePolicy.Default with { FirstBackoff = TimeSpan.FromMilliseconds(20), Timeout = TimeSpan.FromSeconds(30), MaxTotalWait = TimeSpan.FromSeconds(5) };
    private readonly LiveServerFixture _servers;
    private readonly RecordingLog _log = new();

    public OutreachClientTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
    }

    private OutreachServer Server => _servers.Outreach;

    private OutreachClient Client(OutreachConnection? connection = null, LivePolicy? policy = null) =>
        new(new LiveHttpClient(_log, policy ?? Quick), connection ?? _servers.OutreachWithToken());

    private static Fault Fault(string method, string path, int status, string body = "", Dictionary<string, string>? headers = null, int times = 1) =>
        new(method, path, status, body, headers ?? new Dictionary<string, string>(), times);

    [Fact]
    public async Task Lists_every_page_by_links_next_and_reads_it_as_an_api_list()
    {
        var stages = await Client().ListStagesAsync(CancellationToken.None);

        Assert.Equal(new[] { "New", "Approaching", "Replied", "Unresponsive", "Do Not Contact", "Bad Data" }, stages.Stages.Select(s => s.Name));
        Assert.Equal(new int?[] { 1, 2, 3, 4, 5, 6 }, stages.Stages.Select(s => s.Id));
        Assert.Equal(2, Server.Recorder.Calls.Count);
        Assert.Contains("page%5Boffset%5D=4", Server.Recorder.Calls[1].Path);
        Assert.Contains(_log.Lines, l => l.StartsWith("progress: Reading the stages from Outreach: page 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Creates_updates_and_deletes_with_the_json_api_media_type_exactly()
    {
        var client = Client();

        var id = await client.CreateStageAsync(new StageAttributes("Nurturing", 7, "#00a3a3"), CancellationToken.None);
        await client.UpdateStageAsync(id, new StageAttributes("Nurturing leads", null, null), CancellationToken.None);
        await client.DeleteStageAsync(2, CancellationToken.None);

        Assert.Equal(101, id);
        Assert.Equal(new[] { 201, 200, 204 }, Server.Recorder.Calls.Select(c => c.Status));
        Assert.All(Server.Recorder.Calls.Take(2), c => Assert.Equal("application/vnd.api+json", c.ContentType));
        Assert.Equal("{\"data\":{\"type\":\"stage\",\"id\":101,\"attributes\":{\"name\":\"Nurturing leads\"}}}", Server.Recorder.Calls[1].Body);
        Assert.Equal(new[] { "New", "Replied", "Unresponsive", "Do Not Contact", "Bad Data", "Nurturing leads" }, Server.Stages.Select(s => s.Name));
    }

    [Fact]
    public async Task A_422_is_OutreachRequestRejected_with_each_detail()
    {
        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().CreateStageAsync(new StageAttributes("new", 9, null), CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestRejected, failure.ErrorId);
        Assert.Equal($"Outreach rejected POST {Server.BaseUri}api/v2/stages: Name has already been taken.", failure.Message);
    }

    [Fact]
    public async Task Another_media_type_gets_415_and_is_not_retried()
    {
        var http = new LiveHttpClient(_log, Quick);
        var request = LiveRequest.WithJson(HttpMethod.Post, new Uri(Server.BaseUri, "/api/v2/stages"), "{\"data\":{\"type\":\"stage\",\"attributes\":{\"name\":\"X\"}}}", "application/json");

        var failure = await Assert.ThrowsAsync<StageMapException>(() => http.SendAsync(new OutreachService(_servers.OutreachWithToken()), request, CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains("415", failure.Message);
        Assert.Single(Server.Recorder.Calls);
    }

    [Fact]
    public async Task A_403_unauthorizedOauthScope_names_the_missing_scope()
    {
        await Client().ListStagesAsync(CancellationToken.None);
        Server.Recorder.AddFault(Fault("POST", "/api/v2/stages", 403, "{\"errors\":[{\"id\":\"unauthorizedOauthScope\",\"title\":\"Unauthorized OAuth Scope\",\"detail\":\"Not permitted.\"}]}"));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().CreateStageAsync(new StageAttributes("X", 7, null), CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachScopeMissing, failure.ErrorId);
        Assert.Contains("the OAuth scope 'stages.write'", failure.Message);
        Assert.Contains("Not permitted.", failure.Message);
    }

    [Fact]
    public async Task The_apis_words_end_their_sentence_before_StageMaps_advice_begins()
    {
        Server.Recorder.AddFault(Fault("POST", "/api/v2/stages", 403, "{\"errors\":[{\"id\":\"unauthorizedOauthScope\",\"detail\":\"scope: stages.write\"}]}"));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().CreateStageAsync(new StageAttributes("X", 7, null), CancellationToken.None));

        Assert.EndsWith("the token lacks the OAuth scope 'stages.write'. scope: stages.write. Authorize the Outreach app with the scope 'stages.write' and connect again.", failure.Message);
    }

    [Theory]
    [InlineData("Retry-After", "1")]
    [InlineData("X-RateLimit-Reset", "1")]
    public async Task A_429_waits_as_the_server_asks_then_succeeds(string header, string value)
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 429, "", new Dictionary<string, string> { [header] = value }));

        var stages = await Client().ListStagesAsync(CancellationToken.None);

        Assert.Equal(6, stages.Stages.Count);
        Assert.Equal(new[] { 429, 200, 200 }, Server.Recorder.Calls.Select(c => c.Status));
        Assert.Contains(_log.Lines, l => l.Contains($"waiting 1 s ({header}) before try 2 of 5"));
    }

    [Fact]
    public async Task A_wait_beyond_the_commands_budget_is_LiveRateLimited_at_once_and_says_how_long()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 503, "", new Dictionary<string, string> { ["Retry-After"] = "3600" }, times: 10));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.LiveRateLimited, failure.ErrorId);
        Assert.Contains("asked StageMap to wait 60 minutes (Retry-After)", failure.Message);
        Assert.Single(Server.Recorder.Calls);
    }

    [Fact]
    public async Task Tries_end_after_five()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 503, "", new Dictionary<string, string> { ["Retry-After"] = "0" }, times: 10));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Equal(5, Server.Recorder.Calls.Count);
    }

    [Fact]
    public async Task A_5xx_read_is_retried_with_backoff_but_a_post_is_not()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 502));
        Server.Recorder.AddFault(Fault("POST", "/api/v2/stages", 500));

        await Client().ListStagesAsync(CancellationToken.None);
        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().CreateStageAsync(new StageAttributes("X", 7, null), CancellationToken.None));

        Assert.Equal(new[] { "GET 502", "GET 200", "GET 200", "POST 500" }, Server.Recorder.Calls.Select(c => $"{c.Method} {c.Status}"));
        Assert.Contains("500", failure.Message);
        Assert.Contains(_log.Lines, l => l.Contains("(backing off)"));
    }

    [Fact]
    public async Task Another_4xx_is_not_retried()
    {
        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().UpdateStageAsync(999, new StageAttributes("X", null, null), CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains("404", failure.Message);
        Assert.Single(Server.Recorder.Calls);
    }

    [Fact]
    public async Task Cancelling_stops_a_wait_at_once()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 429, "", new Dictionary<string, string> { ["Retry-After"] = "60" }));
        using var stop = new CancellationTokenSource();
        var listing = Client(policy: LivePolicy.Default).ListStagesAsync(stop.Token);
        while (Server.Recorder.Calls.Count == 0)
        {
            await Task.Delay(10);
        }

        stop.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => listing);
        Assert.Single(Server.Recorder.Calls);
    }

    [Fact]
    public async Task A_401_renews_the_token_once_then_retries_with_the_new_one()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 401));
        var connection = _servers.OutreachWithRefresh();

        await Client(connection).ListStagesAsync(CancellationToken.None);

        Assert.Equal(new[] { "GET 401", "POST 200", "GET 200", "GET 200" }, Server.Recorder.Calls.Select(c => $"{c.Method} {c.Status}"));
        Assert.Equal("/oauth/token", Server.Recorder.Calls[1].Path);
        Assert.Equal($"Bearer {Server.AccessToken}", Server.Recorder.Calls[2].Authorization);
        Assert.NotEqual(OutreachServer.FirstAccessToken, Server.AccessToken);
        Assert.NotNull(connection.TokenExpires);
    }

    [Fact]
    public async Task A_401_after_the_refresh_is_OutreachAuthenticationFailed()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 401, "{\"errors\":[{\"id\":\"unauthorized\",\"title\":\"Unauthorized\",\"detail\":\"Token revoked.\"}]}", times: 2));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client(_servers.OutreachWithRefresh()).ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachAuthenticationFailed, failure.ErrorId);
        Assert.Contains(": Token revoked. StageMap renewed it with the refresh token of client 'stagemap-loopback-client', and Outreach refused the new one too", failure.Message);
        Assert.Equal(new[] { 401, 200, 401 }, Server.Recorder.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_refused_refresh_is_OutreachAuthenticationFailed_with_the_oauth_error()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 401));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client(_servers.OutreachWithRefresh("wrong secret")).ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachAuthenticationFailed, failure.ErrorId);
        Assert.Contains("invalid_grant", failure.Message);
        Assert.DoesNotContain("wrong secret", failure.Message);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused_before_any_call_goes_there()
    {
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 200, "{\"data\":[],\"links\":{\"next\":\"https://elsewhere.example/api/v2/stages?page=2\"}}"));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains("does not point at " + Server.BaseUri.GetLeftPart(UriPartial.Authority) + ", so the token is not sent there", failure.Message);
        Assert.Single(Server.Recorder.Calls);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_OutreachRequestFailed()
    {
        var closed = OutreachConnection.FromToken(new Uri("http://127.0.0.1:9/"), LiveServerFixture.Secure("x"));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client(closed).ListStagesAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Equal(FailureCategory.ResourceUnavailable, failure.Category);
    }

    [Fact]
    public async Task Counts_the_prospects_a_stage_holds()
    {
        var before = await Client().CountProspectsAsync(3, CancellationToken.None);

        Assert.Equal(0, before);
        Assert.EndsWith("/api/v2/prospects?filter%5Bstage%5D%5Bid%5D=3&page%5Bsize%5D=1&count=true", Server.Recorder.Calls[^1].Path);
    }

    [Fact]
    public void Addresses_must_be_https_except_loopback()
    {
        Assert.Equal(ErrorIds.InsecureBaseUri, Assert.Throws<StageMapException>(() => OutreachConnection.FromToken(new Uri("http://api.outreach.example"), LiveServerFixture.Secure("t"))).ErrorId);
        Assert.Equal("https://api.outreach.io/", OutreachConnection.FromToken(null, LiveServerFixture.Secure("t")).BaseUri.ToString());
        Assert.Equal("http://localhost:8080/", OutreachConnection.FromToken(new Uri("http://localhost:8080"), LiveServerFixture.Secure("t")).BaseUri.ToString());
    }

    [Fact]
    public void A_connection_shows_instance_and_user_and_a_closed_one_refuses_use()
    {
        var connection = _servers.OutreachWithRefresh();

        Assert.Equal($"client {OutreachServer.ClientId} at {Server.BaseUri.GetLeftPart(UriPartial.Authority)}", connection.ToString());
        connection.Close();
        Assert.Equal(ErrorIds.NoOutreachConnection, Assert.Throws<StageMapException>(() => OutreachConnection.Require(connection)).ErrorId);
        Assert.Equal(ErrorIds.NoOutreachConnection, Assert.Throws<StageMapException>(() => OutreachConnection.Require(null)).ErrorId);
    }

    [Fact]
    public async Task The_token_check_is_the_cheapest_stage_read_and_a_refused_token_fails_it()
    {
        await Client().CheckTokenAsync(CancellationToken.None);
        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client(_servers.OutreachWithToken("or-wrong-token-123")).CheckTokenAsync(CancellationToken.None));

        Assert.EndsWith("/api/v2/stages?page%5Bsize%5D=1&count=false", Server.Recorder.Calls[0].Path);
        Assert.Equal(ErrorIds.OutreachAuthenticationFailed, failure.ErrorId);
        Assert.Contains("refused the access token given to Connect-Outreach", failure.Message);
    }

    [Fact]
    public async Task A_refresh_answer_with_a_new_refresh_token_replaces_the_old_one_so_the_next_refresh_works()
    {
        // The server accepts only the newest refresh token, as Outreach does.
        var connection = _servers.OutreachWithRefresh();
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 401));
        await Client(connection).CheckTokenAsync(CancellationToken.None);
        Server.Recorder.AddFault(Fault("GET", "/api/v2/stages", 401));

        await Client(connection).CheckTokenAsync(CancellationToken.None);

        Assert.Equal(new[] { "GET 401", "POST 200", "GET 200", "GET 401", "POST 200", "GET 200" }, Server.Recorder.Calls.Select(c => $"{c.Method} {c.Status}"));
        Assert.Contains(_log.Lines, l => l == "Outreach gave a new access token and a new refresh token, which replaces the used one.");
    }
}
