using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// Import-CrmMetadata -Online: the Lead and Contact describes, the statuses each active record type offers
/// (<see cref="RecordTypeValuesReader"/>) and the LeadStatus records, read from the org and handed to
/// <see cref="MetadataReader"/> exactly as the files of the same content would be, so what the
/// configuration learns is the same either way.
/// </summary>
public sealed class CrmOrgReader
{
    public const string LeadStatusQuery = "SELECT Id, ApiName, MasterLabel, IsConverted, IsDefault, SortOrder FROM LeadStatus ORDER BY SortOrder";

    private readonly LiveHttpClient _http;
    private readonly CrmConnection _connection;
    private readonly SalesforceService _service;

    public CrmOrgReader(LiveHttpClient http, CrmConnection connection)
    {
        _http = http;
        _connection = connection;
        _service = new SalesforceService(connection, connection.TargetOrg is null ? null : new SalesforceCli());
    }

    /// <summary>The describes of <paramref name="objects"/>, the values of their active record types and, with Lead, every LeadStatus record (all pages).</summary>
    /// <exception cref="StageMapException">The call's failure, or the reader's (UnrecognizedMetadataFile, InvalidMetadataFile).</exception>
    public async Task<IReadOnlyList<MetadataFile>> ReadAsync(IReadOnlyList<CrmObject> objects, string contactStatusField, CancellationToken cancellation)
    {
        var files = new List<MetadataFile>();
        foreach (var crmObject in objects)
        {
            var describe = await _http.SendAsync(_service, LiveRequest.Get(_connection.DataUri($"/sobjects/{crmObject}/describe")), cancellation).ConfigureAwait(false);
            files.Add(MetadataReader.Read(describe.Body, SourceName($"{crmObject} describe"), contactStatusField));
        }

        files.AddRange(await new RecordTypeValuesReader(_http, _connection, _service).ReadAsync(files, contactStatusField, SourceName, cancellation).ConfigureAwait(false));

        if (objects.Contains(CrmObject.Lead))
        {
            files.Add(MetadataReader.Read(await QueryLeadStatusesAsync(cancellation).ConfigureAwait(false), SourceName("LeadStatus query"), contactStatusField));
        }

        return files;
    }

    /// <summary>
    /// GET /services/oauth2/userinfo: whether the org takes the token, and whose it is
    /// (preferred_username, recorded on the connection). A token from the CLI is fetched again once
    /// when refused.
    /// </summary>
    /// <exception cref="StageMapException">CrmAuthenticationFailed, or the call's other failure.</exception>
    public async Task<string?> CheckTokenAsync(CancellationToken cancellation)
    {
        var user = await _http.SendForObjectAsync(_service, LiveRequest.Get(_connection.UserInfoUri), cancellation).ConfigureAwait(false);
        var name = LiveJson.Text(user["preferred_username"]);
        _connection.Verified(name);
        return name;
    }

    /// <summary>Every page of the LeadStatus query (nextRecordsUrl to the end) as one query result.</summary>
    private async Task<byte[]> QueryLeadStatusesAsync(CancellationToken cancellation)
    {
        var records = new JArray();
        var first = LiveRequest.Get(_connection.DataUri("/query?q=" + Uri.EscapeDataString(LeadStatusQuery)));
        await _http.ReadPagesAsync(_service, first, "nextRecordsUrl", "Reading the LeadStatus records from Salesforce", (result, request) =>
        {
            if (result["records"] is JArray pageRecords)
            {
                foreach (var record in pageRecords)
                {
                    records.Add(record);
                }
            }

            if (records.Count > ReadLimits.MaxListValues)
            {
                throw Failures.LiveListTooLong(_service.SystemName, first.ToString(), ReadLimits.MaxListValues, "LeadStatus records");
            }

            var next = LiveJson.Text(result["nextRecordsUrl"]);
            if (result["done"] is JValue { Type: JTokenType.Boolean, Value: true } || NullableText.IsNullOrEmpty(next))
            {
                return null;
            }

            return next.StartsWith("/services/data/", StringComparison.Ordinal) && Uri.TryCreate(new Uri(_connection.InstanceUrl.GetLeftPart(UriPartial.Authority)), next, out var uri)
                ? uri
                : throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), $"its nextRecordsUrl '{next}' is not a path of the org's REST API.");
        }, page => $"page {page} ({records.Count} records so far)", cancellation).ConfigureAwait(false);

        var whole = new JObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = records };
        return Encodings.Utf8NoBom.GetBytes(whole.ToString(Newtonsoft.Json.Formatting.None));
    }

    /// <summary>How the configuration's list of sources names what came from the org: "host Lead describe".</summary>
    private string SourceName(string what) => $"{_connection.InstanceUrl.Host} {what}";
}
