using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

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

    /// <summary>Every page of the LeadStatus query (nextRecordsUrl to the end) as one query result.</summary>
    private async Task<byte[]> QueryLeadStatusesAsync(CancellationToken cancellation)
    {
        const string Activity = "Reading the LeadStatus records from Salesforce";
        var records = new JArray();
        var request = LiveRequest.Get(_connection.DataUri("/query?q=" + Uri.EscapeDataString(LeadStatusQuery)));
        for (var page = 1; ; page++)
        {
            _http.Log.Progress(Activity, $"page {page} ({records.Count} records so far)");
            var result = await _http.SendForObjectAsync(_service, request, cancellation).ConfigureAwait(false);
            if (result["records"] is JArray pageRecords)
            {
                foreach (var record in pageRecords)
                {
                    records.Add(record);
                }
            }

            var next = result["nextRecordsUrl"] is { Type: JTokenType.String } link ? (string?)link : null;
            if (result["done"] is { Type: JTokenType.Boolean } done && (bool)done || string.IsNullOrEmpty(next))
            {
                break;
            }

            if (!next!.StartsWith("/services/data/", StringComparison.Ordinal))
            {
                throw Failures.LiveAnswerUnreadable(_service.SystemName, request.ToString(), $"nextRecordsUrl '{next}' is not a path of the org's REST API.");
            }

            request = LiveRequest.Get(LiveUri.Combine(new Uri(_connection.InstanceUrl.GetLeftPart(UriPartial.Authority)), next));
        }

        _http.Log.ProgressCompleted(Activity);
        var whole = new JObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = records };
        return Encodings.Utf8NoBom.GetBytes(whole.ToString(Newtonsoft.Json.Formatting.None));
    }

    /// <summary>How the configuration's list of sources names what came from the org: "host Lead describe".</summary>
    private string SourceName(string what) => $"{_connection.InstanceUrl.Host} {what}";
}
