using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Newtonsoft.Json;

namespace StageMap.Engine.Conversion;

/// <summary>Writes converted and input records as JSON: flat, as Outreach JSON:API documents, or as sObjects.</summary>
public static class RecordJson
{
    /// <summary>One record as compact JSON text (one line).</summary>
    public static string ToJson(ConvertedRecord record, RecordShape shape)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false })
        {
            Write(writer, record, shape);
        }

        return text.ToString();
    }

    public static void Write(JsonWriter writer, ConvertedRecord record, RecordShape shape)
    {
        switch (shape)
        {
            case RecordShape.JsonApi:
                WriteJsonApi(writer, record);
                break;
            case RecordShape.SObject:
                writer.WriteStartObject();
                writer.WritePropertyName("attributes");
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue(record.Plan.Object.ToString());
                writer.WriteEndObject();
                WriteFields(writer, record, skipStage: false);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStartObject();
                WriteFields(writer, record, skipStage: false);
                writer.WriteEndObject();
                break;
        }
    }

    /// <summary>An input record as it was read, plus extra fields (a rejected record with its reason).</summary>
    public static void WriteInput(JsonWriter writer, IInputRecord record, params KeyValuePair<string, object?>[] extra)
    {
        writer.WriteStartObject();
        foreach (var field in record.Fields)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value);
        }

        foreach (var field in extra)
        {
            writer.WritePropertyName(field.Key);
            WriteValue(writer, field.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A normalized value: null, text, a primitive, a list or a nested record.</summary>
    public static void WriteValue(JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull();
                break;
            case string s:
                writer.WriteValue(s);
                break;
            case int i:
                writer.WriteValue(i);
                break;
            case long l:
                writer.WriteValue(l);
                break;
            case bool b:
                writer.WriteValue(b);
                break;
            case decimal d:
                writer.WriteValue(d);
                break;
            case double f:
                writer.WriteValue(f);
                break;
            case IInputRecord nested:
                WriteInput(writer, nested);
                break;
            case IReadOnlyList<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case short or byte or sbyte or uint or ulong or ushort or float:
                writer.WriteValue(value);
                break;
            case IFormattable formattable:
                writer.WriteValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteValue(value.ToString());
                break;
        }
    }

    private static void WriteFields(JsonWriter writer, ConvertedRecord record, bool skipStage)
    {
        var fields = record.Plan.OutputFields;
        var plain = record.Plan.PlainJsonNames;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!record.IsWritten(i) || (skipStage && IsJsonApiMeta(fields[i])))
            {
                continue;
            }

            writer.WritePropertyName(fields[i], escape: !plain[i]);
            WriteValue(writer, record.ValueAt(i));
        }
    }

    private static bool IsJsonApiMeta(string field) =>
        field == StageRule.StageAttribute || field == StageRule.StageNameAttribute || field == ConversionPlan.SalesforceIdAttribute;

    // {"data":{"type":"prospect","attributes":{…},"relationships":{"stage":{"data":{"type":"stage","id":N}}}},"meta":{…}}
    // The stage goes as the relationship; the Salesforce id and the stage name, which are not prospect
    // attributes, go in the document's meta (JSON:API servers ignore what they do not know there).
    private static void WriteJsonApi(JsonWriter writer, ConvertedRecord record)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data");
        writer.WriteStartObject();
        writer.WritePropertyName("type");
        writer.WriteValue("prospect");
        writer.WritePropertyName("attributes");
        writer.WriteStartObject();
        WriteFields(writer, record, skipStage: true);
        writer.WriteEndObject();
        if (record.TryGetValue(StageRule.StageAttribute, out var stage))
        {
            writer.WritePropertyName("relationships");
            writer.WriteStartObject();
            writer.WritePropertyName("stage");
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            if (stage is null)
            {
                writer.WriteNull();
            }
            else
            {
                writer.WriteStartObject();
                writer.WritePropertyName("type");
                writer.WriteValue("stage");
                writer.WritePropertyName("id");
                WriteValue(writer, stage);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        var hasId = record.TryGetValue(ConversionPlan.SalesforceIdAttribute, out var id);
        var hasName = record.TryGetValue(StageRule.StageNameAttribute, out var name);
        if (hasId || hasName)
        {
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            if (hasId)
            {
                writer.WritePropertyName(ConversionPlan.SalesforceIdAttribute);
                WriteValue(writer, id);
            }

            if (hasName)
            {
                writer.WritePropertyName(StageRule.StageNameAttribute);
                WriteValue(writer, name);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
