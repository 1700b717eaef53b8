using System;
using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// What the two stage rules share: on pull they write the stage id as <c>stage</c> (and maybe its
/// name as <c>stageName</c>), and the pull placeholder names a stage; on push they write one CRM field.
/// </summary>
internal abstract class StageRule : FieldRule
{
    public const string StageAttribute = "stage";
    public const string StageNameAttribute = "stageName";

    private readonly int _stageSlot = -1;
    private readonly int _stageNameSlot = -1;
    private readonly int _crmSlot = -1;

    protected StageRule(FieldMapping mapping, ConversionDirection direction, ConversionLookups lookups, Func<string, int> slot, bool writesStageName, string[] pushSources)
        : base(mapping, direction)
    {
        Lookups = lookups;
        IsPull = direction == ConversionDirection.Pull;
        if (IsPull)
        {
            Sources = new[] { mapping.CrmField };
            _stageSlot = slot(StageAttribute);
            if (writesStageName)
            {
                _stageNameSlot = slot(StageNameAttribute);
            }
        }
        else
        {
            Sources = pushSources;
            _crmSlot = slot(mapping.CrmField);
        }
    }

    protected ConversionLookups Lookups { get; }

    protected bool IsPull { get; }

    /// <summary>The stage a pull placeholder names, or null.</summary>
    protected abstract Stage? PlaceholderStage(string placeholder);

    protected override ConversionFailure? WritePlaceholder(object?[] values, string placeholder)
    {
        if (!IsPull)
        {
            values[_crmSlot] = placeholder;
            return null;
        }

        var stage = PlaceholderStage(placeholder);
        if (stage is null)
        {
            return Failures.PlaceholderNamesNoStage(Mapping.CrmField, placeholder);
        }

        WriteStage(values, stage);
        return null;
    }

    protected override void WriteClear(object?[] values)
    {
        if (!IsPull)
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

    /// <summary>Pull: the stage's id, and its name where this rule writes one.</summary>
    protected void WriteStage(object?[] values, Stage stage) => WriteStage(values, stage, Lookups.BoxedId(stage));

    /// <summary><see cref="WriteStage(object?[], Stage)"/> with the stage's id boxed already.</summary>
    protected void WriteStage(object?[] values, Stage stage, object boxedId)
    {
        values[_stageSlot] = boxedId;
        if (_stageNameSlot >= 0)
        {
            values[_stageNameSlot] = stage.Name;
        }
    }

    /// <summary>Push: the CRM field's value.</summary>
    protected void WriteCrm(object?[] values, string value) => values[_crmSlot] = value;
}
