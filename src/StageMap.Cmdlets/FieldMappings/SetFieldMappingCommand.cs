using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// Set-FieldMapping: changes the direction and advanced options of a field mapping, only those bound;
/// mappings piped from Get-FieldMapping bind Object and OutreachField by property name.
/// </summary>
[Cmdlet(VerbsCommon.Set, "FieldMapping", SupportsShouldProcess = true)]
[OutputType(typeof(FieldMapping))]
public sealed class SetFieldMappingCommand : FieldMappingOptionsCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    public CrmObject Object { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string OutreachField { get; set; } = "";

    [Parameter]
    public SyncDirection? Direction { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var mapping = Change(
            $"{Object} field mapping '{OutreachField}'",
            $"Set {DescribeBound(OptionNames.Prepend(nameof(Direction)))}",
            () => TargetConfiguration.UpdateFieldMapping(Object, OutreachField, BoundOptions(Direction)));
        if (mapping is not null && PassThru)
        {
            WriteObject(mapping);
        }
    }
}
