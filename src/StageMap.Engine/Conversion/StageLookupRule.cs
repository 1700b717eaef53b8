using System;
using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// Lead Status &lt;&gt; Stage, a lookup through the lead status mappings. With LookForName the CRM value
/// is the status API name; without it, a LeadStatus record id (15 or 18 characters) resolved through
/// the metadata. Pull writes the stage id as <c>stage</c> and, with DisplayName, its name as
/// <c>stageName</c>. Push reads <c>stage</c> (an id, or a stage name) or else <c>stageName</c>.
/// On this mapping the pull placeholder (InternalEmptyPlaceholder) names the stage a blank status gives.
/// </summary>
internal sealed class StageLookupRule : StageRule
{
    private static readonly string[] PushSources = { StageAttribute, StageNameAttribute };

    private readonly bool _byName;

    public StageLookupRule(FieldMapping mapping, ConversionDirection direction, ConversionLookups lookups, System.Func<string, int> slot)
        : base(mapping, direction, lookups, slot, writesStageName: mapping.Options.DisplayName, PushSources)
    {
        _byName = mapping.Options.LookForName;
    }

    public override ConversionFailure? Convert(string field, object? value, object?[] values) =>
        AsScalar(field, ref value) ?? (IsPull ? Pull(field, value, values) : Push(field, value, values));

    public override ConversionFailure? ConvertText(string field, TextSlice text, object?[] values)
    {
        if (!IsPull)
        {
            return Convert(field, text, values);
        }

        var span = text.Span;
        return IsBlankText(span) ? WriteBlank(values) : PullText(field, span, values);
    }

    protected override Stage? PlaceholderStage(string placeholder) => Lookups.StageByName(placeholder);

    private ConversionFailure? Pull(string field, object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        // File text is looked up where the reader holds it: a string is made only for a failure's message.
        return PullText(field, value is TextSlice slice ? slice.Span : RecordValue.Text(value).AsSpan(), values);
    }

    /// <summary>Pull of a status that is not blank: its stage, through the lead status mappings.</summary>
    private ConversionFailure? PullText(string field, ReadOnlySpan<char> text, object?[] values)
    {
        MappedStatus? mapped;
        if (_byName)
        {
            mapped = Lookups.MappingOfStatus(text);
            if (mapped is null)
            {
                return Failures.UnmappedCrmStatus(field, text.ToString(), null);
            }
        }
        else
        {
            var apiName = Lookups.StatusOfId(text);
            if (apiName is null)
            {
                return Failures.UnknownLeadStatusId(field, text.ToString(), SalesforceId.IsWellFormed(text), Lookups.HasLeadStatusIds);
            }

            mapped = Lookups.MappingOfStatus(apiName.AsSpan());
            if (mapped is null)
            {
                return Failures.UnmappedCrmStatus(field, apiName, text.ToString());
            }
        }

        if (mapped.Stage is null)
        {
            return Failures.MappedStageMissing(field, mapped.Mapping.CrmStatus, mapped.Mapping.StageId);
        }

        WriteStage(values, mapped.Stage, mapped.BoxedStageId!); // boxed whenever there is a stage
        return null;
    }

    private ConversionFailure? Push(string field, object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        var stage = Lookups.ResolveStage(value);
        if (stage is null)
        {
            return Failures.UnknownStage(field, RecordValue.Text(value));
        }

        // The prospect's stage is the one a blank status pulls in: it goes back as a blank.
        if (SourcePlaceholder is not null && StageNames.AreSame(stage.Name, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        var mapping = Lookups.MappingOfStage(stage.Id);
        if (mapping is null)
        {
            return Failures.StageNotMapped(Mapping.CrmField, stage.Name);
        }

        if (_byName)
        {
            WriteCrm(values, mapping.CrmStatus);
            return null;
        }

        var id = Lookups.IdOfStatus(mapping.CrmStatus);
        if (id is null)
        {
            return Failures.NoLeadStatusId(Mapping.CrmField, mapping.CrmStatus);
        }

        WriteCrm(values, id);
        return null;
    }
}
