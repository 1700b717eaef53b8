using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;
using StageMap.Engine.Text;

namespace StageMap.Engine.Metadata;

/// <summary>
/// Reads the stages of an Outreach API v2 stage list, a flat JSON array or JSON Lines. Names are
/// required and unique ignoring case; ids, when given, are unique whole numbers above zero.
/// </summary>
public static class OutreachStageReader
{
    private const string Kind = "Outreach stage list";

    /// <exception cref="StageMapException">UnrecognizedMetadataFile, InvalidMetadataFile.</exception>
    public static OutreachStageFile Read(string path)
    {
        var content = MetadataReader.ReadBytes(path, out var fullPath);
        return Read(content, fullPath);
    }

    public static OutreachStageFile Read(byte[] content, string path)
    {
        var source = new JsonSource(path, what => Failures.InvalidMetadataFile(path, Kind, what));
        var documents = StrictJson.ParseDocuments(content, multipleDocuments: true, (problem, e) => Failures.InvalidMetadataFile(path, "JSON file", problem, e));
        if (documents.Count == 0)
        {
            throw Failures.UnrecognizedMetadataFile(path, "empty", Failures.OutreachStagesExpected);
        }

        var warnings = new List<string>();
        OutreachStageFormat format;
        IEnumerable<OutreachStageRecord> records;
        if (documents.Count > 1)
        {
            format = OutreachStageFormat.JsonLines;
            records = documents.Select((d, i) => ReadFlat(source.RequireObject(d, $"line {i + 1}"), source));
        }
        else if (documents[0] is JArray array)
        {
            format = OutreachStageFormat.JsonArray;
            records = array.Select(item => ReadFlat(source.RequireObject(item, "each stage"), source));
        }
        else if (documents[0] is JObject obj && JsonSource.Get(obj, "data") is { } data)
        {
            format = OutreachStageFormat.ApiList;
            records = ReadApiList(data, source);
            if (JsonSource.Get(obj, "links") is JObject links && JsonSource.Get(links, "next") is { Type: JTokenType.String })
            {
                warnings.Add($"'{Path.GetFileName(path)}' is one page of a longer stage list (links.next is set): the stages on later pages are not in it. Fetch every page, or ask for a larger page (page[size]).");
            }
        }
        else if (documents[0] is JObject errorResponse && JsonSource.Get(errorResponse, "errors") is JArray errors)
        {
            var detail = string.Join("; ", errors.OfType<JObject>().Select(e => Text(e, "detail") ?? Text(e, "title")).Where(t => t is not null));
            throw Failures.UnrecognizedMetadataFile(path, $"an Outreach API error response ({detail})", Failures.OutreachStagesExpected);
        }
        else if (documents[0] is JObject single && JsonSource.Get(single, "name") is not null)
        {
            format = OutreachStageFormat.JsonLines;
            records = new[] { ReadFlat(single, source) };
        }
        else
        {
            throw Failures.UnrecognizedMetadataFile(path, JsonSource.DescribeShape(documents[0]), Failures.OutreachStagesExpected);
        }

        var stages = Checked(records.ToList(), path);
        return new OutreachStageFile(path, format, stages, warnings);
    }

    private static IEnumerable<OutreachStageRecord> ReadApiList(JToken data, JsonSource source)
    {
        var items = data switch
        {
            JArray array => array.ToList(),
            JObject one => new List<JToken> { one },
            _ => throw source.Invalid(data, "data must be a list of stages."),
        };

        foreach (var item in items)
        {
            var resource = source.RequireObject(item, "each entry of data");
            var type = source.OptionalString(resource, "type");
            if (type is not null && !string.Equals(type, "stage", StringComparison.OrdinalIgnoreCase))
            {
                throw Failures.UnrecognizedMetadataFile(source.Path, $"an Outreach API list of '{type}' resources", Failures.OutreachStagesExpected);
            }

            var attributes = JsonSource.Get(resource, "attributes") is { } a ? source.RequireObject(a, "attributes") : throw source.Invalid(resource, "a stage has no attributes.");
            yield return new OutreachStageRecord(
                Id(resource, source),
                source.RequiredName(attributes, "name", "a stage").Trim(),
                source.OptionalInt(attributes, "order"),
                source.OptionalString(attributes, "color"),
                Line(resource));
        }
    }

    private static OutreachStageRecord ReadFlat(JObject stage, JsonSource source) => new(
        Id(stage, source),
        source.RequiredName(stage, "name", "a stage").Trim(),
        source.OptionalInt(stage, "order"),
        source.OptionalString(stage, "color"),
        Line(stage));

    /// <summary>Outreach ids are whole numbers; the JSON:API spec writes them as text, Outreach as numbers: both are taken.</summary>
    private static int? Id(JObject stage, JsonSource source)
    {
        var token = JsonSource.Get(stage, "id");
        if (token is null || token.Type == JTokenType.Null)
        {
            return null;
        }

        var id = token.Type == JTokenType.String && int.TryParse((string?)token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fromText) ? fromText : source.OptionalInt(stage, "id");
        return id > 0 ? id : throw source.Invalid(token, $"a stage id must be a whole number above zero, not {token}.");
    }

    private static string? Text(JObject owner, string name) => JsonSource.Get(owner, name) is { Type: JTokenType.String } text ? (string?)text : null;

    private static int Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static IReadOnlyList<OutreachStageRecord> Checked(IReadOnlyList<OutreachStageRecord> stages, string path)
    {
        if (stages.Count == 0)
        {
            throw Failures.InvalidMetadataFile(path, Kind, "it lists no stages; an Outreach org always has some, so an empty list is taken for a mistake.");
        }

        if (stages.Count > ReadLimits.MaxListValues)
        {
            throw Failures.InvalidMetadataFile(path, Kind, $"line {stages[ReadLimits.MaxListValues].Line}: {ReadLimits.TooManyValues("stages")}");
        }

        var names = new Dictionary<string, OutreachStageRecord>(Model.StageNames.Comparer);
        var ids = new Dictionary<int, OutreachStageRecord>();
        foreach (var stage in stages)
        {
            if (names.TryGetValue(stage.Name, out var sameName))
            {
                throw Failures.InvalidMetadataFile(path, Kind, $"line {stage.Line}: the stage '{stage.Name}' is listed twice (also '{sameName.Name}' at line {sameName.Line}); stage names are unique, ignoring case.");
            }

            if (stage.Id is { } id && ids.TryGetValue(id, out var sameId))
            {
                throw Failures.InvalidMetadataFile(path, Kind, $"line {stage.Line}: the stage id {id} is given twice ('{sameId.Name}' at line {sameId.Line} and '{stage.Name}').");
            }

            names.Add(stage.Name, stage);
            if (stage.Id is { } newId)
            {
                ids.Add(newId, stage);
            }
        }

        return stages;
    }
}
