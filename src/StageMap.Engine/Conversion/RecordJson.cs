using System.Collections.Generic;
using StageMap.Engine.Text;

namespace StageMap.Engine.Conversion;

/// <summary>Writes converted and input records as JSON: flat, as Outreach JSON:API documents, or as sObjects.</summary>
public static class RecordJson
{
    /// <summary>One record as compact JSON text (one line).</summary>
    public static string ToJson(ConvertedRecord record, RecordShape shape)
    {
        var text = new StringTextOut();
        Write(new JsonOutput(text), record, shape);
        return text.ToString();
    }

    internal static void Write(JsonOutput writer, ConvertedRecord record, RecordShape shape)
    {
        switch (shape)
        {
            case RecordShape.JsonApi:
                WriteJsonApi(writer, record);
                break;
            case RecordShape.SObject:
                writer.StartObject();
                writer.Name("attributes");
                writer.StartObject();
                writer.Name("type");
                writer.String(record.Plan.Object.ToString());
                writer.EndObject();
                WriteFields(writer, record, skipStage: false);
                writer.EndObject();
                break;
            default:
                if (!writer.TryFlatObject(record, record.Plan.JsonNames))
                {
                    writer.StartObject();
                    WriteFields(writer, record, skipStage: false);
                    writer.EndObject();
                }

                break;
        }
    }

    private static void WriteFields(JsonOutput writer, ConvertedRecord record, bool skipStage)
    {
        var fields = record.Plan.OutputFields;
        var encoded = record.Plan.JsonNames;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!record.IsWritten(i) || (skipStage && IsJsonApiMeta(fields[i])))
            {
                continue;
            }

            writer.Name(fields[i], encoded[i]);
            writer.Value(record.RawValueAt(i));
        }
    }

    private static bool IsJsonApiMeta(string field) =>
        field == StageRule.StageAttribute || field == StageRule.StageNameAttribute || field == ConversionPlan.SalesforceIdAttribute;

    // {"data":{"type":"prospect","attributes":{…},"relationships":{"stage":{"data":{"type":"stage","id":N}}}},"meta":{…}}
    // The stage goes as the relationship; the Salesforce id and the stage name, which are not prospect
    // attributes, go in the document's meta (JSON:API servers ignore what they do not know there).
    private static void WriteJsonApi(JsonOutput writer, ConvertedRecord record)
    {
        writer.StartObject();
        writer.Name("data");
        writer.StartObject();
        writer.Name("type");
        writer.String("prospect");
        writer.Name("attributes");
        writer.StartObject();
        WriteFields(writer, record, skipStage: true);
        writer.EndObject();
        if (record.TryGetRawValue(StageRule.StageAttribute, out var stage))
        {
            writer.Name("relationships");
            writer.StartObject();
            writer.Name("stage");
            writer.StartObject();
            writer.Name("data");
            if (stage is null)
            {
                writer.Null();
            }
            else
            {
                writer.StartObject();
                writer.Name("type");
                writer.String("stage");
                writer.Name("id");
                writer.Value(stage);
                writer.EndObject();
            }

            writer.EndObject();
            writer.EndObject();
        }

        writer.EndObject();
        var hasId = record.TryGetRawValue(ConversionPlan.SalesforceIdAttribute, out var id);
        var hasName = record.TryGetRawValue(StageRule.StageNameAttribute, out var name);
        if (hasId || hasName)
        {
            writer.Name("meta");
            writer.StartObject();
            if (hasId)
            {
                writer.Name(ConversionPlan.SalesforceIdAttribute);
                writer.Value(id);
            }

            if (hasName)
            {
                writer.Name(StageRule.StageNameAttribute);
                writer.Value(name);
            }

            writer.EndObject();
        }

        writer.EndObject();
    }
}
