using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Live;
using StageMap.Engine.Live.Salesforce;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using StageMap.LiveServers;
using Xunit;

namespace StageMap.Engine.Tests.Kestrel;

[Collection(LiveCollection.Name)]
[Trait(Needs.Trait, Needs.Kestrel)]
public class CrmOrgReaderTests
{
    private readonly LiveServerFixture _servers;
    private readonly RecordingLog _log = new();

    public CrmOrgReaderTests(LiveServerFixture servers)
    {
        _servers = servers;
        _servers.Reset();
    }

    private Task<IReadOnlyList<MetadataFile>> ReadAsync(CrmConnection? connection = null, params CrmObject[] objects) =>
        new CrmOrgReader(new LiveHttpClient(_log), connection ?? _servers.Crm())
            .ReadAsync(objects.Length == 0 ? new[] { CrmObject.Lead, CrmObject.Contact } : objects, CrmMetadata.DefaultContactStatusField, CancellationToken.None);

    [Fact]
    public async Task The_org_gives_the_configuration_what_the_same_files_give()
    {
        var online = StageMapConfiguration.CreateDefault();
        var offline = StageMapConfiguration.CreateDefault();

        online.ImportCrmMetadata(await ReadAsync());
        offline.ImportCrmMetadata(new[] { "sf_cli_describe_Lead__stagemap.json", "sf_rest_describe_Contact__stagemap.json", "sf_rest_query_LeadStatus__stagemap.json" }
            .Select(f => MetadataReader.Read(Fixtures.Salesforce(f), CrmMetadata.DefaultContactStatusField)).ToList());

        Assert.Equal(offline.CrmMetadata.LeadStatuses, online.CrmMetadata.LeadStatuses);
        Assert.Equal(offline.CrmMetadata.ContactStatuses, online.CrmMetadata.ContactStatuses);
        Assert.Equal(offline.CrmMetadata.LeadFields, online.CrmMetadata.LeadFields);
        Assert.Equal(6, online.CrmMetadata.LeadStatuses.Count(s => s.Id is not null));
        Assert.Equal(
            new[] { "127.0.0.1 Lead describe", "127.0.0.1 Contact describe", "127.0.0.1 Lead record type Partner_Lead values", "127.0.0.1 Contact record type Customer_Contact values", "127.0.0.1 LeadStatus query" },
            online.CrmMetadata.Sources);
    }

    [Fact]
    public async Task The_org_gives_each_active_record_type_the_values_the_SFDX_project_gives_through_the_UI_API()
    {
        var online = StageMapConfiguration.CreateDefault();
        var offline = StageMapConfiguration.CreateDefault();

        online.ImportCrmMetadata(await ReadAsync());
        offline.ImportCrmMetadata(MetadataFolder.Read(RecordTypeProject.Folder, CrmMetadata.DefaultContactStatusField).Files);

        foreach (var name in new[] { "Partner_Lead", "Customer_Contact" })
        {
            var fromOrg = online.CrmMetadata.RecordTypesOf().Single(r => r.DeveloperName == name);
            var fromProject = offline.CrmMetadata.RecordTypesOf().Single(r => r.DeveloperName == name);
            Assert.Equal(fromProject.Values, fromOrg.Values);
            Assert.Equal(fromProject.DefaultValue, fromOrg.DefaultValue);
            Assert.Equal(fromProject.ConvertedValues, fromOrg.ConvertedValues);
            Assert.NotNull(fromOrg.Id);
            Assert.Null(fromOrg.SfdxProject);
        }

        Assert.False(online.CrmMetadata.RecordTypesOf().Single(r => r.DeveloperName == "Legacy_Lead").HasKnownValues);
        var asked = _servers.Salesforce.Recorder.Calls.Select(c => c.Path).Where(p => p.Contains("/ui-api/", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[]
        {
            $"/services/data/v62.0/ui-api/object-info/Lead/picklist-values/{RecordTypeProject.PartnerLeadId}/Status",
            $"/services/data/v62.0/ui-api/object-info/Contact/picklist-values/{RecordTypeProject.CustomerContactId}/Contact_Status__c",
        }, asked);
    }

    [Theory]
    [InlineData("Lead/picklist-values/0128c000001ZzZzAAK/Status", "404 Not Found: NOT_FOUND: The requested resource does not exist")]
    [InlineData("Lead/picklist-values/0128c000001PtLdAAK/LeadSource", "404 Not Found: NOT_FOUND: The requested resource does not exist")]
    [InlineData("Account/picklist-values/0128c000001PtLdAAK/Type", "404 Not Found: NOT_FOUND: The requested resource does not exist")]
    [InlineData("Lead/picklist-values/not-an-id/Status", "400 Bad Request: MALFORMED_ID: Record type ID: id value of incorrect type: not-an-id")]
    public async Task The_org_refuses_a_record_type_object_or_field_it_does_not_have_as_the_UI_API_does(string resource, string expected)
    {
        var connection = _servers.Crm();
        var service = new SalesforceService(connection);

        var failure = await Assert.ThrowsAsync<StageMapException>(() => new LiveHttpClient(_log).SendAsync(service, LiveRequest.Get(connection.DataUri("/ui-api/object-info/" + resource)), CancellationToken.None));

        Assert.Equal(ErrorIds.CrmRequestFailed, failure.ErrorId);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_master_record_types_UI_API_answer_is_every_active_value()
    {
        var connection = _servers.Crm();

        var answer = await new LiveHttpClient(_log).SendAsync(new SalesforceService(connection), LiveRequest.Get(connection.DataUri($"/ui-api/object-info/Lead/picklist-values/{CrmRecordType.MasterId}/Status")), CancellationToken.None);
        var file = MetadataReader.Read(answer.Body, "master.json", CrmMetadata.DefaultContactStatusField);

        Assert.Contains("offers every value", Assert.Single(file.Warnings));
        Assert.Equal(6, Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(answer.Body))["values"]!.Count());
    }

    [Fact]
    public async Task The_lead_status_query_follows_nextRecordsUrl_to_the_end()
    {
        var files = await ReadAsync(null, CrmObject.Lead);

        var query = files.Single(f => f.Format == MetadataFormat.LeadStatusQuery);
        Assert.Equal(6, query.Statuses.Count);
        Assert.Empty(query.Warnings);
        var paths = _servers.Salesforce.Recorder.Calls.Select(c => c.Path).ToList();
        Assert.Contains(paths, p => p.StartsWith("/services/data/v62.0/query?q=SELECT%20Id%2C%20ApiName%2C%20MasterLabel%2C%20IsConverted%2C%20IsDefault%2C%20SortOrder%20FROM%20LeadStatus", StringComparison.Ordinal));
        Assert.Contains("/services/data/v62.0/query/01gLOOPBACK000001AAA-4", paths);
    }

    [Fact]
    public async Task A_salesforce_error_body_gives_its_errorCode_and_message()
    {
        _servers.Salesforce.Recorder.AddFault(new Fault("GET", "/services/data/v62.0/sobjects/Contact", 400,
            "[{\"message\":\"sObject type 'Contact' is not supported.\",\"errorCode\":\"INVALID_TYPE\"}]", new Dictionary<string, string>(), 1));

        var failure = await Assert.ThrowsAsync<StageMapException>(() => ReadAsync());

        Assert.Equal(ErrorIds.CrmRequestFailed, failure.ErrorId);
        Assert.EndsWith("with 400 Bad Request: INVALID_TYPE: sObject type 'Contact' is not supported.", failure.Message);
    }

    [Fact]
    public async Task A_refused_token_in_hand_is_CrmAuthenticationFailed_and_never_shown()
    {
        var failure = await Assert.ThrowsAsync<StageMapException>(() => ReadAsync(_servers.Crm("00Dexpired!secret-token-value")));

        Assert.Equal(ErrorIds.CrmAuthenticationFailed, failure.ErrorId);
        Assert.Contains("INVALID_SESSION_ID: Session expired or invalid. Get a fresh one", failure.Message);
        Assert.DoesNotContain("secret-token-value", failure.ToString());
        Assert.Single(_servers.Salesforce.Recorder.Calls);
    }

    [Theory]
    [InlineData(null, "62.0")]
    [InlineData("v63.0", "63.0")]
    [InlineData("61.0", "61.0")]
    public void The_api_version_defaults_to_62_and_takes_either_spelling(string? given, string expected)
    {
        var connection = CrmConnection.FromToken(new Uri("https://acme.my.salesforce.com"), LiveServerFixture.Secure("t"), given);

        Assert.Equal(expected, connection.ApiVersion);
        Assert.Equal($"https://acme.my.salesforce.com/services/data/v{expected}/sobjects/Lead/describe", connection.DataUri("/sobjects/Lead/describe").ToString());
        Assert.Equal("(token) at https://acme.my.salesforce.com", connection.ToString());
    }

    [Fact]
    public void An_instance_that_is_not_https_or_a_version_that_is_not_one_is_refused()
    {
        Assert.Equal(ErrorIds.InsecureBaseUri, Assert.Throws<StageMapException>(() => CrmConnection.FromToken(new Uri("http://acme.my.salesforce.com"), LiveServerFixture.Secure("t"), null)).ErrorId);
        Assert.Throws<StageMapException>(() => CrmConnection.FromToken(new Uri("https://acme.my.salesforce.com"), LiveServerFixture.Secure("t"), "latest"));
    }

    [Fact]
    public async Task The_token_check_asks_userinfo_and_records_the_preferred_username()
    {
        var connection = _servers.Crm();

        var user = await new CrmOrgReader(new LiveHttpClient(_log), connection).CheckTokenAsync(CancellationToken.None);

        Assert.Equal(SalesforceServer.UserName, user);
        Assert.Equal($"{SalesforceServer.UserName} at {_servers.Salesforce.BaseUri.GetLeftPart(UriPartial.Authority)}", connection.ToString());
        Assert.Equal("/services/oauth2/userinfo", Assert.Single(_servers.Salesforce.Recorder.Calls).Path);
    }

    [Fact]
    public async Task A_token_userinfo_refuses_with_403_is_CrmAuthenticationFailed_with_its_words_and_the_advice_for_a_token_in_hand()
    {
        var failure = await Assert.ThrowsAsync<StageMapException>(() => new CrmOrgReader(new LiveHttpClient(_log), _servers.Crm("00Dexpired!wrong-token-value")).CheckTokenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.CrmAuthenticationFailed, failure.ErrorId);
        Assert.Equal($"Salesforce refused the access token given to Connect-Crm for GET {_servers.Salesforce.BaseUri}services/oauth2/userinfo: Bad_OAuth_Token. Get a fresh one ('sf org auth show-access-token', or your OAuth flow) and run Connect-Crm again, or connect with -TargetOrg so the Salesforce CLI renews it.", failure.Message);
    }
}
