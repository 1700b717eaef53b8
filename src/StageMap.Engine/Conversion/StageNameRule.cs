using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// Stage Name &lt;&gt; a status text field (Contact's <c>Contact Status</c>): the stage's name as text. The
/// text must equal a stage name exactly (ordinal: the CRM compares picklist API names exactly), so a
/// near miss is an UnknownStage that names the stage meant. Pull writes <c>stageName</c> and the
/// stage's id as <c>stage</c>; push reads <c>stageName</c>, or else <c>stage</c> (an id or a name).
/// </summary>
internal sealed class StageNameRule : FieldRule
{
    private static readonly string[] PushSources = { StageLookupRule.StageNameAttribute, StageLookupRule.StageAttribute };

    private readonly ConversionLookups _lookups;
    private readonly bool _pull;
    private readonly string[] _sources;
    private readonly int _stageSlot = -1;
    private readonly int _stageNameSlot = -1;
    private readonly int _crmSlot = -1;

    public StageNameRule(FieldMapping mapping, ConversionDirection direction, ConversionLookups lookups, System.Func<string, int> slot)
        : base(mapping, direction)
    {
        _lookups = lookups;
        _pull = direction == ConversionDirection.Pull;
        if (_pull)
        {
            _sources = new[] { mapping.CrmField };
            _stageNameSlot = slot(StageLookupRule.StageNameAttribute);
            _stageSlot = slot(StageLookupRule.StageAttribute);
        }
        else
        {
            _sources = PushSources;
            _crmSlot = slot(mapping.CrmField);
        }
    }

    public override IReadOnlyList<string> SourceFields => _sources;

    public override bool Apply(IInputRecord record, object?[] values, out ConversionFailure? failure)
    {
        if (!TryRead(record, out var field, out var value))
        {
            failure = null;
            return false;
        }

        failure = AsScalar(field, ref value);
        if (failure is not null)
        {
            return true;
        }

        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            failure = WriteBlank(values);
            return true;
        }

        var text = RecordValue.Text(value)!;
        Stage? stage;
        if (_pull || field == StageLookupRule.StageNameAttribute)
        {
            stage = _lookups.StageByExactName(text);
            if (stage is null)
            {
                failure = Failures.UnknownStage(field, text, _lookups.StageByName(text)?.Name);
                return true;
            }
        }
        else
        {
            stage = _lookups.ResolveStage(value!);
            if (stage is null)
            {
                failure = Failures.UnknownStage(field, text);
                return true;
            }

            if (string.Equals(stage.Name, SourcePlaceholder, System.StringComparison.Ordinal))
            {
                failure = WriteBlank(values);
                return true;
            }
        }

        Write(values, stage);
        return true;
    }

    protected override ConversionFailure? WritePlaceholder(object?[] values, string placeholder)
    {
        if (!_pull)
        {
            values[_crmSlot] = placeholder;
            return null;
        }

        var stage = _lookups.StageByExactName(placeholder);
        if (stage is null)
        {
            return Failures.PlaceholderNamesNoStage(Mapping.CrmField, placeholder);
        }

        Write(values, stage);
        return null;
    }

    protected override void WriteClear(object?[] values)
    {
        if (_pull)
        {
            values[_stageNameSlot] = null;
            values[_stageSlot] = null;
        }
        else
        {
            values[_crmSlot] = null;
        }
    }

    private void Write(object?[] values, Stage stage)
    {
        if (_pull)
        {
            values[_stageNameSlot] = stage.Name;
            values[_stageSlot] = stage.Id;
        }
        else
        {
            values[_crmSlot] = stage.Name;
        }
    }
}
