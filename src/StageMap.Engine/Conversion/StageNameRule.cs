using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// Stage Name &lt;&gt; a status text field (Contact's <c>Contact Status</c>): the stage's name as text. The
/// text must equal a stage name exactly (ordinal: the CRM compares picklist API names exactly), so a
/// near miss is an UnknownStage that names the stage meant. Pull writes <c>stageName</c> and the
/// stage's id as <c>stage</c>; push reads <c>stageName</c>, or else <c>stage</c> (an id or a name).
/// </summary>
internal sealed class StageNameRule : StageRule
{
    private static readonly string[] PushSources = { StageNameAttribute, StageAttribute };

    public StageNameRule(FieldMapping mapping, ConversionDirection direction, ConversionLookups lookups, System.Func<string, int> slot)
        : base(mapping, direction, lookups, slot, writesStageName: true, PushSources)
    {
    }

    public override ConversionFailure? Convert(string field, object? value, object?[] values)
    {
        var failure = AsScalar(field, ref value);
        if (failure is not null)
        {
            return failure;
        }

        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        Stage? stage;
        if (IsPull || field == StageNameAttribute)
        {
            // File text is looked up where the reader holds it: a string is made only for a failure's message.
            stage = value is TextSlice slice ? Lookups.StageByExactName(slice.Span) : Lookups.StageByExactName(RecordValue.Text(value));
            if (stage is null)
            {
                var text = RecordValue.Text(value);
                return Failures.UnknownStage(field, text, Lookups.StageByName(text)?.Name);
            }
        }
        else
        {
            stage = Lookups.ResolveStage(value);
            if (stage is null)
            {
                return Failures.UnknownStage(field, RecordValue.Text(value));
            }

            if (string.Equals(stage.Name, SourcePlaceholder, System.StringComparison.Ordinal))
            {
                return WriteBlank(values);
            }
        }

        Write(values, stage);
        return null;
    }

    protected override Stage? PlaceholderStage(string placeholder) => Lookups.StageByExactName(placeholder);

    private void Write(object?[] values, Stage stage)
    {
        if (IsPull)
        {
            WriteStage(values, stage);
        }
        else
        {
            WriteCrm(values, stage.Name);
        }
    }
}
