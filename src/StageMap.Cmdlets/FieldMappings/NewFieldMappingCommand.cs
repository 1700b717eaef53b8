using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// New-FieldMapping: maps an Outreach field to a CRM field on one object ("Click Add and map the
/// fields"), with the Advanced Field Mapping options. Rows piped in bind Object, OutreachField,
/// CrmField and Direction by property name.
/// </summary>
[Cmdlet(VerbsCommon.New, "FieldMapping", SupportsShouldProcess = true)]
[OutputType(typeof(FieldMapping))]
public sealed class NewFieldMappingCommand : FieldMappingCommand
{
    // SyncDirection held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _direction = (int)SyncDirection.Bidirectional;

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CrmFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string CrmField { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(SyncDirection))]
    public SyncDirection Direction { get => (SyncDirection)_direction; set => _direction = (int)value; }

    protected override void ProcessRecord()
    {
        var mapping = Change(
            Target,
            $"Map to CRM field '{CrmField}' ({Direction}; options: {GivenOptions()})",
            () => TargetConfiguration.AddFieldMapping(Object, OutreachField, CrmField, Direction, GivenOptions()));
        if (mapping is not null)
        {
            if (InputAdvice.ForCrmField(TargetConfiguration.CrmMetadata, mapping.Object, mapping.CrmField) is { } typo)
            {
                WriteWarning(typo);
            }

            WriteObject(mapping);
        }
    }
}
