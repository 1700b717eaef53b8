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
internal sealed class StageLookupRule : FieldRule
{
    public const string StageAttribute = "stage";
    public const string StageNameAttribute = "stageName";

    private static readonly string[] PushSources = { StageAttribute, StageNameAttribute };

    private readonly ConversionLookups _lookups;
    private readonly bool _pull;
    private readonly bool _byName;
    private readonly string[] _sources;
    private readonly int _stageSlot = -1;
    private readonly int _stageNameSlot = -1;
    private readonly int _crmSlot = -1;

    public StageLookupRule(FieldMapping mapping, ConversionDirection direction, ConversionLookups lookups, System.Func<string, int> slot)
        : base(mapping, direction)
    {
        _lookups = lookups;
        _pull = direction == ConversionDirection.Pull;
        _byName = mapping.Options.LookForName;
        if (_pull)
        {
            _sources = new[] { mapping.CrmField };
            _stageSlot = slot(StageAttribute);
            if (mapping.Options.DisplayName)
            {
                _stageNameSlot = slot(StageNameAttribute);
            }
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

        failure = AsScalar(field, ref value) ?? (_pull ? Pull(field, value, values) : Push(field, value, values));
        return true;
    }

    protected override ConversionFailure? WritePlaceholder(object?[] values, string placeholder)
    {
        if (!_pull)
        {
            values[_crmSlot] = placeholder;
            return null;
        }

        var stage = _lookups.StageByName(placeholder);
        if (stage is null)
        {
            return Failures.PlaceholderNamesNoStage(Mapping.CrmField, placeholder);
        }

        WriteStage(values, stage);
        return null;
    }

    protected override void WriteClear(object?[] values)
    {
        if (!_pull)
        {
            values[_crmSlot] = null;
            return;
        }

        values[_stageSlot] = null;
        if (_stageNameSlot >= 0)
        {
            values[_stageNameSlot] = null;
        }
    }

    private ConversionFailure? Pull(string field, object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        var text = RecordValue.Text(value)!;
        var apiName = text;
        if (!_byName)
        {
            var resolved = _lookups.StatusOfId(text);
            if (resolved is null)
            {
                return Failures.UnknownLeadStatusId(field, text, _lookups.HasLeadStatusIds);
            }

            apiName = resolved;
        }

        var mapping = _lookups.MappingOfStatus(apiName);
        if (mapping is null)
        {
            return Failures.UnmappedCrmStatus(field, apiName, _byName ? null : text);
        }

        var stage = _lookups.StageById(mapping.StageId);
        if (stage is null)
        {
            return Failures.MappedStageMissing(field, apiName, mapping.StageId);
        }

        WriteStage(values, stage);
        return null;
    }

    private ConversionFailure? Push(string field, object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        var stage = _lookups.ResolveStage(value!);
        if (stage is null)
        {
            return Failures.UnknownStage(field, RecordValue.Text(value)!);
        }

        // The prospect's stage is the one a blank status pulls in: it goes back as a blank.
        if (SourcePlaceholder is not null && StageNames.AreSame(stage.Name, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        var mapping = _lookups.MappingOfStage(stage.Id);
        if (mapping is null)
        {
            return Failures.StageNotMapped(Mapping.CrmField, stage.Name);
        }

        if (_byName)
        {
            values[_crmSlot] = mapping.CrmStatus;
            return null;
        }

        var id = _lookups.IdOfStatus(mapping.CrmStatus);
        if (id is null)
        {
            return Failures.NoLeadStatusId(Mapping.CrmField, mapping.CrmStatus);
        }

        values[_crmSlot] = id;
        return null;
    }

    private void WriteStage(object?[] values, Stage stage)
    {
        values[_stageSlot] = stage.Id;
        if (_stageNameSlot >= 0)
        {
            values[_stageNameSlot] = stage.Name;
        }
    }
}
