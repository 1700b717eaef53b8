using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>
/// What the join reads of a record on either side: its key, its name and, for a prospect, its stage.
/// A key field may be a dotted path into nested objects (attributes.externalId); a list gives its
/// first value (Outreach's primary email, say). <see cref="JoinKey"/> says how keys compare.
/// </summary>
internal static class DriftRecords
{
    public const string DefaultCrmKey = ConversionPlan.IdField;
    public const string DefaultOutreachKey = ConversionPlan.SalesforceIdAttribute;

    /// <summary>Where a Salesforce query record without an Id field has its id (at the end of the url).</summary>
    private const string CrmUrlField = "attributes.url";

    private static readonly string[] CrmNameFields = { "Name", "FirstName", "LastName" };

    /// <summary>
    /// The CRM record's key as the record holds it (<see cref="KeyValue"/>): the named field, or by default
    /// Id (else the id at the end of attributes.url).
    /// </summary>
    public static object? CrmKey(IInputRecord record, string? field)
    {
        if (field is not null)
        {
            return KeyValue(Value(record, field));
        }

        var id = KeyValue(Value(record, DefaultCrmKey));
        if (id is null && RecordValue.AsString(Value(record, CrmUrlField)) is { } url)
        {
            var last = url.Substring(url.LastIndexOf('/') + 1);
            id = SalesforceId.IsWellFormed(last) ? last : null;
        }

        return id;
    }

    /// <summary>
    /// A key's value as the record holds it (text where the file reader holds it, valid for this record
    /// only), or null when it is blank or not a single value: the join packs it (<see cref="JoinKey"/>),
    /// and only a finding makes its text (<see cref="Text"/>).
    /// </summary>
    public static object? KeyValue(object? value) => value is TextSlice slice
        ? (slice.Span.IsWhiteSpace() ? null : slice) // what the checks below give text, without asking its type of two interfaces
        : RecordValue.IsScalar(value) && !RecordValue.IsBlank(value) ? value : null;

    /// <summary>The CRM record's name: Name, else FirstName and LastName.</summary>
    public static NameParts CrmName(IInputRecord record) =>
        new(Value(record, CrmNameFields[0]), Value(record, CrmNameFields[1]), Value(record, CrmNameFields[2]));

    /// <summary>The fields <see cref="CrmKey"/> and <see cref="CrmName"/> read of a CRM record.</summary>
    public static IEnumerable<string> CrmFieldsRead(string? keyField) =>
        (keyField is null ? new[] { DefaultCrmKey, CrmUrlField } : new[] { keyField }).Concat(CrmNameFields);

    /// <summary>
    /// The prospect inside a record: a JSON:API document's data, a JSON:API resource's attributes
    /// with its relationships beside them, or the flat prospect ConvertTo-OutreachProspect writes.
    /// </summary>
    public static Prospect Prospect(IInputRecord record)
    {
        var document = record;
        if (record.TryGetValue("data", out var data) && data is IInputRecord resource)
        {
            record = resource;
        }

        if (record.TryGetValue("attributes", out var attributes) && attributes is IInputRecord attributeRecord
            && (record.TryGetValue("relationships", out _) || string.Equals(Text(Value(record, "type")), "prospect", StringComparison.OrdinalIgnoreCase)))
        {
            return new Prospect(document, record, attributeRecord, IsJsonApi: true);
        }

        return new Prospect(document, record, record, IsJsonApi: false);
    }

    /// <summary>The value at <paramref name="field"/>: a field of that whole name, else a dotted path; a list gives its first value.</summary>
    public static object? Value(IInputRecord record, string field)
    {
        if (!record.TryGetValue(field, out var value))
        {
            value = null;
            var dot = field.IndexOf('.');
            if (dot > 0 && dot < field.Length - 1 && record.TryGetValue(field.Substring(0, dot), out var nested) && nested is IInputRecord inner)
            {
                value = Value(inner, field.Substring(dot + 1));
            }
        }

        // Text, the most common value, is told apart first: it is no list, and asking that of it costs an interface check.
        return value is not TextSlice && value is IReadOnlyList<object?> list ? (list.Count > 0 ? list[0] : null) : value;
    }

    public static string? Text(object? value) =>
        RecordValue.IsScalar(value) && !RecordValue.IsBlank(value) ? RecordValue.Text(value)!.Trim() : null;
}

/// <summary>A prospect as the join reads it: the record and where its attributes are.</summary>
/// <remarks><see cref="Document"/> is the record as read (a JSON:API document keeps its meta there), <see cref="Record"/> the resource.</remarks>
internal readonly record struct Prospect(IInputRecord Document, IInputRecord Record, IInputRecord Attributes, bool IsJsonApi)
{
    /// <summary>The key as the record holds it (<see cref="DriftRecords.KeyValue"/>): the named field (of the record, else of its attributes), or by default salesforceId, attributes.externalId or meta.salesforceId.</summary>
    public object? Key(string? field)
    {
        if (field is not null)
        {
            return DriftRecords.KeyValue(DriftRecords.Value(Record, field)) ?? (IsJsonApi ? DriftRecords.KeyValue(DriftRecords.Value(Attributes, field)) : null);
        }

        return IsJsonApi
            ? DriftRecords.KeyValue(DriftRecords.Value(Attributes, "externalId")) ?? DriftRecords.KeyValue(DriftRecords.Value(Document, "meta." + DriftRecords.DefaultOutreachKey))
            : DriftRecords.KeyValue(DriftRecords.Value(Record, DriftRecords.DefaultOutreachKey));
    }

    /// <summary>The stage: the stage relationship's id (JSON:API), else stage (an id or a name), else stageName; null for none.</summary>
    public object? Stage()
    {
        if (IsJsonApi)
        {
            return DriftRecords.Value(Record, "relationships.stage.data.id");
        }

        var stage = DriftRecords.Value(Record, "stage");
        return RecordValue.IsBlank(stage) ? DriftRecords.Value(Record, "stageName") : stage;
    }

    /// <summary>The prospect's name: name, else firstName and lastName.</summary>
    public NameParts Name() =>
        new(DriftRecords.Value(Attributes, "name"), DriftRecords.Value(Attributes, "firstName"), DriftRecords.Value(Attributes, "lastName"));
}
