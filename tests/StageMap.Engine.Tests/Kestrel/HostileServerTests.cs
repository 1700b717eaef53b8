using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.Engine.Live.Salesforce;
using StageMap.Engine.Model;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

/// <summary>
/// The loopback servers in hostile mode, each misbehaviour against the client as the cmdlets run it
/// (through <see cref="LiveHttpClient.RunAsync"/>): a typed StageMap error id, a bounded number of
/// calls, no secret in the error (its inner exceptions included) or in any Verbose line.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait(Support.Needs.Trait, Support.Needs.Kestrel)]
public class HostileServerTests
{
    private static readonly LivePolicy Small = LivePolicy.Default with
    {
        FirstBackoff = TimeSpan.FromMilliseconds(10), MaxTotalWait = TimeSpan.FromSeconds(10), MaxAnswerBytes = 1024 * 1024, MaxPages = 20,
    };

    private readonly LiveServerFixture _servers;
    private readonly RecordingLog _log = new();

    public HostileServerTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
    }

    private OutreachServer Outreach => _servers.Outreach;

    private SalesforceServer Salesforce => _servers.Salesforce;

    /// <summary>Runs <paramref name="call"/> as a cmdlet does and returns its failure, checked for secrets.</summary>
    private async Task<StageMapException> FailsAsync(Func<LiveHttpClient, CancellationToken, Task> call, LivePolicy? policy = null)
    {
        var http = new LiveHttpClient(_log, policy ?? Small);
        var failure = await Assert.ThrowsAsync<StageMapException>(() => http.RunAsync(async c =>
        {
            await call(http, c);
            return true;
        }, CancellationToken.None));
        AssertNoSecret(failure.ToString());
        AssertNoSecret(string.Join("\n", _log.Lines));
        return failure;
    }

    private static void AssertNoSecret(string text)
    {
        foreach (var secret in LiveServerFixture.AllSecrets)
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    private Task ListStages(LiveHttpClient http, CancellationToken c, OutreachConnection? connection = null) =>
        new OutreachClient(http, connection ?? _servers.OutreachWithToken()).ListStagesAsync(c);

    [Fact]
    public async Task A_next_link_back_to_the_same_page_is_LivePagingLoop_after_one_call()
    {
        Outreach.Hostility.TurnOn(Hostile.NextLoop);

        var failure = await FailsAsync((http, c) => ListStages(http, c));

        Assert.Equal(ErrorIds.LivePagingLoop, failure.ErrorId);
        Assert.Contains("a page already read", failure.Message);
        Assert.Single(Outreach.Recorder.Calls);
    }

    [Fact]
    public async Task A_next_link_that_never_ends_stops_at_the_page_cap()
    {
        Outreach.Hostility.TurnOn(Hostile.NextEndless);

        var failure = await FailsAsync((http, c) => ListStages(http, c), Small with { MaxPages = 5 });

        Assert.Equal(ErrorIds.LivePagingLoop, failure.ErrorId);
        Assert.Contains("after 5 pages", failure.Message);
        Assert.Equal(5, Outreach.Recorder.Calls.Count);
    }

    [Fact]
    public async Task A_nextRecordsUrl_back_to_itself_is_LivePagingLoop()
    {
        Salesforce.Hostility.TurnOn(Hostile.NextLoop);

        var failure = await FailsAsync((http, c) => new CrmOrgReader(http, _servers.Crm()).ReadAsync(new[] { CrmObject.Lead }, CrmMetadata.DefaultContactStatusField, c));

        Assert.Equal(ErrorIds.LivePagingLoop, failure.ErrorId);
        Assert.Contains("nextRecordsUrl", failure.Message);
        Assert.Equal(2, Salesforce.Recorder.Calls.Count(c => c.Path.Contains("/query", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(Hostile.HugeBody)]
    [InlineData(Hostile.HugeLength)]
    public async Task A_body_over_the_cap_is_LiveAnswerTooLarge_and_is_not_tried_again(string scenario)
    {
        Outreach.Hostility.TurnOn(scenario);

        var failure = await FailsAsync((http, c) => ListStages(http, c));

        Assert.Equal(ErrorIds.LiveAnswerTooLarge, failure.ErrorId);
        Assert.Contains("1 MiB", failure.Message);
        Assert.Single(Outreach.Recorder.Calls);
    }

    [Fact]
    public async Task A_list_longer_than_a_reader_takes_is_LiveAnswerTooLarge_after_the_page_that_passed_it()
    {
        var failure = await FailsAsync((http, c) => new OutreachClient(http, _servers.OutreachWithToken()).ReadListAsync("/stages?page%5Bsize%5D=1000&count=false", "stages", "Reading", 3, c));

        Assert.Equal(ErrorIds.LiveAnswerTooLarge, failure.ErrorId);
        Assert.Contains("list more than 3 stages", failure.Message);
        Assert.Single(Outreach.Recorder.Calls);
    }

    [Fact]
    public async Task An_oversized_describe_is_LiveAnswerTooLarge()
    {
        Salesforce.Hostility.TurnOn(Hostile.HugeBody);

        var failure = await FailsAsync((http, c) => new CrmOrgReader(http, _servers.Crm()).ReadAsync(new[] { CrmObject.Lead }, CrmMetadata.DefaultContactStatusField, c));

        Assert.Equal(ErrorIds.LiveAnswerTooLarge, failure.ErrorId);
    }

    [Fact]
    public async Task An_Outreach_401_quoting_the_token_is_OutreachAuthenticationFailed_with_the_token_redacted()
    {
        Outreach.Hostility.TurnOn(Hostile.EchoToken);

        var failure = await FailsAsync((http, c) => ListStages(http, c));

        Assert.Equal(ErrorIds.OutreachAuthenticationFailed, failure.ErrorId);
        Assert.Contains("The access token in 'Bearer [redacted]' is invalid or has expired.", failure.Message);
    }

    [Fact]
    public async Task A_refresh_refused_with_the_refresh_token_and_secret_quoted_redacts_both()
    {
        Outreach.Hostility.TurnOn(Hostile.EchoToken);

        var failure = await FailsAsync((http, c) => ListStages(http, c, _servers.OutreachWithRefresh()));

        Assert.Equal(ErrorIds.OutreachAuthenticationFailed, failure.ErrorId);
        Assert.Contains("The refresh token [redacted] of client stagemap-loopback-client (secret [redacted]) is revoked.", failure.Message);
        Assert.Equal(new[] { "GET 401", "POST 400" }, Outreach.Recorder.Calls.Select(c => $"{c.Method} {c.Status}"));
    }

    [Fact]
    public async Task A_Salesforce_401_quoting_Bearer_and_the_session_id_is_CrmAuthenticationFailed_with_both_redacted()
    {
        Salesforce.Hostility.TurnOn(Hostile.EchoToken);

        var failure = await FailsAsync((http, c) => new CrmOrgReader(http, _servers.Crm()).ReadAsync(new[] { CrmObject.Lead }, CrmMetadata.DefaultContactStatusField, c));

        Assert.Equal(ErrorIds.CrmAuthenticationFailed, failure.ErrorId);
        Assert.Contains("INVALID_SESSION_ID: Session expired or invalid: Bearer [redacted].", failure.Message);
    }

    [Fact]
    public async Task A_token_that_looks_like_a_session_id_is_redacted_even_when_the_connection_does_not_hold_it()
    {
        Salesforce.Recorder.AddFault(new Fault("GET", "/services/data/v62.0/sobjects/Lead", 500,
            "[{\"message\":\"Internal error for session 00DOTHER0000000001!AQcAQ.other-user-token\",\"errorCode\":\"UNKNOWN_EXCEPTION\"}]", new Dictionary<string, string>(), 10));

        var failure = await FailsAsync((http, c) => new CrmOrgReader(http, _servers.Crm()).ReadAsync(new[] { CrmObject.Lead }, CrmMetadata.DefaultContactStatusField, c));

        Assert.Equal(ErrorIds.CrmRequestFailed, failure.ErrorId);
        Assert.Contains("UNKNOWN_EXCEPTION: Internal error for session [redacted]", failure.Message);
        Assert.DoesNotContain("other-user-token", failure.Message);
    }

    [Fact]
    public async Task Outreach_errors_in_the_wrong_shape_are_OutreachRequestRejected_with_the_words_they_hold()
    {
        Outreach.Hostility.TurnOn(Hostile.OddErrors);

        var failure = await FailsAsync((http, c) => new OutreachClient(http, _servers.OutreachWithToken()).CreateStageAsync(new StageAttributes("Nurturing", 7, null), c));

        Assert.Equal(ErrorIds.OutreachRequestRejected, failure.ErrorId);
        Assert.Equal($"Outreach rejected POST {Outreach.BaseUri}api/v2/stages: Validation; Error. Name is too long.", failure.Message);
    }

    [Fact]
    public async Task A_Salesforce_errorCode_given_as_a_list_is_CrmRequestFailed_with_its_codes()
    {
        Salesforce.Hostility.TurnOn(Hostile.OddErrors);

        var failure = await FailsAsync((http, c) => new CrmOrgReader(http, _servers.Crm()).ReadAsync(new[] { CrmObject.Lead }, CrmMetadata.DefaultContactStatusField, c));

        Assert.Equal(ErrorIds.CrmRequestFailed, failure.ErrorId);
        Assert.EndsWith("with 400 Bad Request: INVALID_FIELD; MALFORMED_QUERY: No such column 'ApiName' on entity 'LeadStatus'.", failure.Message);
    }

    [Theory]
    [InlineData(Hostile.IdOverflow, "99999999999")]
    [InlineData(Hostile.IdNegative, "-3")]
    public async Task A_created_stage_id_that_is_not_a_positive_Int32_is_OutreachRequestFailed_and_never_a_value(string scenario, string id)
    {
        Outreach.Hostility.TurnOn(scenario);

        var failure = await FailsAsync((http, c) => new OutreachClient(http, _servers.OutreachWithToken()).CreateStageAsync(new StageAttributes("Nurturing", 7, null), c));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains($"its data.id {id} is not a stage id", failure.Message);
    }

    [Theory]
    [InlineData(Hostile.CountOverflow, "its meta.count 100000000000000000000000000 is not")]
    [InlineData(Hostile.CountNegative, "its meta.count -1 is not")]
    [InlineData(Hostile.CountFraction, "its meta.count 2.5 is not")]
    [InlineData(Hostile.CountMissing, "it gives no meta.count")]
    [InlineData(Hostile.CountTruncated, "its meta.count 0 is cut short (meta.count_truncated true)")]
    [InlineData(Hostile.CountZero, "its meta.count 0 disagrees with the prospect it lists")]
    public async Task A_count_that_is_not_a_whole_number_from_0_is_a_typed_error_and_deletes_nothing(string scenario, string expected)
    {
        // The stage holds prospects, so a count of 0 read as it stands would let the delete through.
        Outreach.SetProspects(6, 3);
        Outreach.Hostility.TurnOn(scenario);
        var step = new StageSyncStep(StageSyncAction.Delete, "Bad Data", 6, null, "");

        var failure = await FailsAsync((http, c) => new StageSync(new OutreachClient(http, _servers.OutreachWithToken())).ApplyAsync(step, force: false, c));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains(expected, failure.Message);
        Assert.Contains("Without a count StageMap deletes nothing.", failure.Message);
        Assert.DoesNotContain(Outreach.Recorder.Calls, c => c.Method == "DELETE");
        Assert.Contains(Outreach.Stages, s => s.Id == 6);
    }

    [Fact]
    public async Task X_RateLimit_Remaining_0_holds_the_next_call_until_the_reset_and_no_429_is_taken()
    {
        Outreach.Hostility.TurnOn(Hostile.RateLimitZero, new Dictionary<string, string> { ["reset"] = "1" });

        var http = new LiveHttpClient(_log, Small);
        var stages = await http.RunAsync(c => new OutreachClient(http, _servers.OutreachWithToken()).ListStagesAsync(c), CancellationToken.None);

        Assert.Equal(6, stages.Stages.Count);
        Assert.Equal(new[] { 200, 200 }, Outreach.Recorder.Calls.Select(c => c.Status));
        Assert.Contains(_log.Lines, l => l.Contains("said no request is left (X-RateLimit-Remaining: 0): waiting", StringComparison.Ordinal));
        Assert.True(http.Waited > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_reset_beyond_the_commands_budget_is_LiveRateLimited_naming_the_wait_without_waiting()
    {
        Outreach.Hostility.TurnOn(Hostile.RateLimitZero, new Dictionary<string, string> { ["reset"] = "3600" });

        var failure = await FailsAsync((http, c) => ListStages(http, c));

        Assert.Equal(ErrorIds.LiveRateLimited, failure.ErrorId);
        Assert.Contains("asked StageMap to wait 61 minutes (X-RateLimit-Reset)", failure.Message);
        Assert.Single(Outreach.Recorder.Calls);
    }
}
