using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>Remove-FieldMapping: removes the mapping of an Outreach field on an object.</summary>
[Cmdlet(VerbsCommon.Remove, "FieldMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(FieldMapping))]
public sealed class RemoveFieldMappingCommand : ConfigurationChangeCommand
{
    // CrmObject held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _object;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject Object { get => (CrmObject)_object; set => _object = (int)value; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] OutreachField { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var field in OutreachField)
        {
            var removed = Change($"{Object} field mapping '{field}'", "Remove field mapping", () => TargetConfiguration.RemoveFieldMapping(Object, field));
            if (removed is not null && PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
