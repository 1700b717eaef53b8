using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Outreach;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

/// <summary>
/// The loopback Outreach's prospects are as strict as the real API where a client can go wrong, and the
/// client reads and writes them as the reference says.
/// </summary>
[Collection(LiveCollection.Name)]
[Trait(Support.Needs.Trait, Support.Needs.Kestrel)]
public sealed class ProspectApiTests : IDisposable
{
    private readonly LiveServerFixture _servers;
    private readonly HttpClient _raw = new();

    public ProspectApiTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OutreachServer.FirstAccessToken);
    }

    private OutreachServer Server => _servers.Outreach;

    private OutreachClient Client() => new(new LiveHttpClient(new RecordingLog()), _servers.OutreachWithToken());

    public void Dispose() => _raw.Dispose();

    private Task<HttpResponseMessage> PatchAsync(string path, string body, string mediaType = OutreachServer.JsonApi)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return _raw.PatchAsync(new Uri(Server.BaseUri, path), content);
    }

    [Fact]
    public async Task A_page_larger_than_1000_is_refused_and_1000_is_served()
    {
        var refused = await _raw.GetAsync(new Uri(Server.BaseUri, "api/v2/prospects?page%5Bsize%5D=1001"));
        var served = await _raw.GetAsync(new Uri(Server.BaseUri, "api/v2/prospects?page%5Bsize%5D=1000"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("from 1 to 1000", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(1000, OutreachClient.PageSize);
    }

    [Fact]
    public async Task A_collection_is_counted_only_when_asked_with_count_true_and_fields_id_gives_no_attributes()
    {
        var counted = await _raw.GetStringAsync(new Uri(Server.BaseUri, "api/v2/prospects?filter%5Bstage%5D%5Bid%5D=4&count=true"));
        var plain = await _raw.GetStringAsync(new Uri(Server.BaseUri, "api/v2/prospects?filter%5Bstage%5D%5Bid%5D=4&fields%5Bprospect%5D=id"));

        Assert.Contains("\"count\":3", counted);
        Assert.DoesNotContain("count", plain);
        Assert.DoesNotContain("attributes", plain);
        Assert.DoesNotContain("relationships", plain);
    }

    [Fact]
    public async Task A_PATCH_without_the_json_api_media_type_is_415_and_a_wrong_shape_422()
    {
        var body = "{\"data\":{\"type\":\"prospect\",\"id\":1001,\"relationships\":{\"stage\":{\"data\":{\"type\":\"stage\",\"id\":2}}}}}";

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await PatchAsync("api/v2/prospects/1001", body, "application/json")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PatchAsync("api/v2/prospects/1001", body.Replace("1001", "1002", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PatchAsync("api/v2/prospects/1001", "{\"data\":{\"type\":\"prospect\",\"id\":1001,\"relationships\":{\"stage\":{\"data\":{\"type\":\"stage\",\"id\":99}}}}}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PatchAsync("api/v2/prospects/1001", "{\"data\":{\"type\":\"prospect\",\"id\":1001,\"relationships\":{\"stage\":{\"id\":2}}}}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync("api/v2/prospects/9", body.Replace("1001", "9", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(4, Server.Prospects[1001]);
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync("api/v2/prospects/1001", body)).StatusCode);
        Assert.Equal(2, Server.Prospects[1001]);
    }

    [Fact]
    public async Task The_client_moves_a_prospect_and_reads_where_prospects_are()
    {
        var client = Client();

        await client.MoveProspectAsync(1001, 2, CancellationToken.None);
        var where = await client.ReadProspectStagesAsync(new[] { 1001, 1002, 404 }, CancellationToken.None);

        Assert.Equal(new[] { (1001, (int?)2), (1002, 4) }, where.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
        var patch = Server.Recorder.Calls.First(c => c.Method == "PATCH");
        Assert.Equal(("/api/v2/prospects/1001", OutreachServer.JsonApi), (patch.Path, patch.ContentType));
        Assert.Equal("{\"data\":{\"type\":\"prospect\",\"id\":1001,\"relationships\":{\"stage\":{\"data\":{\"type\":\"stage\",\"id\":2}}}}}", patch.Body);
    }

    [Fact]
    public async Task Deleting_a_stage_leaves_its_prospects_on_no_stage()
    {
        await Client().DeleteStageAsync(4, CancellationToken.None);

        Assert.All(OutreachServer.SeededProspects, p => Assert.Null(Server.Prospects[p]));
        Assert.Equal(new int?[] { null, null, null }, (await Client().ReadProspectStagesAsync(OutreachServer.SeededProspects, CancellationToken.None)).Values);
    }

    [Fact]
    public async Task The_write_check_sets_nothing_passes_with_the_scope_and_names_prospects_write_without_it()
    {
        await Client().CheckProspectWriteAsync(1001, CancellationToken.None);
        await Client().CheckProspectWriteAsync(9, CancellationToken.None);
        Assert.Equal(4, Server.Prospects[1001]);
        using (var deny = await _raw.PostAsync(new Uri(Server.BaseUri, "_deny?scope=prospects.write"), null))
        {
            deny.EnsureSuccessStatusCode();
        }

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().CheckProspectWriteAsync(1001, CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachScopeMissing, failure.ErrorId);
        Assert.Contains("lacks the OAuth scope 'prospects.write'", failure.Message);
        Assert.Equal(new[] { 200, 404, 403 }, Server.Recorder.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task A_prospect_id_that_is_not_an_id_is_an_error_never_a_value()
    {
        Server.Recorder.AddFault(new Fault("GET", "/api/v2/prospects", 200, "{\"data\":[{\"type\":\"prospect\",\"id\":-4}],\"links\":{}}", new(), 1));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().ListProspectIdsAsync(4, 10, CancellationToken.None));

        Assert.Equal(ErrorIds.OutreachRequestFailed, failure.ErrorId);
        Assert.Contains("a prospect's id is -4", failure.Message);
    }

    [Fact]
    public async Task More_prospects_than_the_cap_is_LiveAnswerTooLarge()
    {
        var failure = await Assert.ThrowsAsync<StageMapException>(() => Client().ListProspectIdsAsync(4, 2, CancellationToken.None));

        Assert.Equal(ErrorIds.LiveAnswerTooLarge, failure.ErrorId);
        Assert.Contains("more than 2 prospects", failure.Message);
    }
}
