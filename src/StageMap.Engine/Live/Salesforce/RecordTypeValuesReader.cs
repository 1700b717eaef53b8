using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StageMap.Engine.Metadata;

namespace StageMap.Engine.Live.Salesforce;

/// <summary>
/// Import-CrmMetadata -Online, after the describes: the statuses each active record type offers, from the
/// UI API (GET /services/data/vXX.X/ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field};
/// Status for Lead, the contact status field for Contact). The master record type offers every value and
/// is not asked; an inactive record type cannot be given to a record and is not asked either. Each answer
/// is read by <see cref="MetadataReader"/> as the same answer saved to a file would be.
/// </summary>
internal sealed class RecordTypeValuesReader
{
    private const string Activity = "Reading the statuses each record type offers";

    private readonly LiveHttpClient _http;
    private readonly CrmConnection _connection;
    private readonly LiveService _service;

    public RecordTypeValuesReader(LiveHttpClient http, CrmConnection connection, LiveService service)
    {
        _http = http;
        _connection = connection;
        _service = service;
    }

    /// <param name="describes">The describes read from the org, whose recordTypeInfos name the record types.</param>
    /// <param name="sourceName">How the configuration's sources name an answer, from its object and record type.</param>
    public async Task<IReadOnlyList<MetadataFile>> ReadAsync(IReadOnlyList<MetadataFile> describes, string contactStatusField, Func<string, string> sourceName, CancellationToken cancellation)
    {
        var asks = describes
            .Where(d => d.Object is not null && d.StatusField is not null)
            .SelectMany(d => d.RecordTypes.Where(r => r.IsActive == true && r.IsMaster != true && r.Id is not null).Select(r => (File: d, RecordType: r)))
            .ToList();
        var files = new List<MetadataFile>();
        foreach (var (describe, recordType) in asks)
        {
            _http.Log.Progress(Activity, $"{files.Count + 1} of {asks.Count}: {describe.Object} record type {recordType.DeveloperName}");
            var path = $"/ui-api/object-info/{describe.Object}/picklist-values/{Uri.EscapeDataString(recordType.Id!)}/{Uri.EscapeDataString(describe.StatusField!)}";
            var answer = await _http.SendAsync(_service, LiveRequest.Get(_connection.DataUri(path)), cancellation).ConfigureAwait(false);
            files.Add(MetadataReader.Read(answer.Body, sourceName($"{describe.Object} record type {recordType.DeveloperName} values"), contactStatusField));
        }

        if (asks.Count > 0)
        {
            _http.Log.ProgressCompleted(Activity);
        }

        return files;
    }
}
