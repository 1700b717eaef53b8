using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>
/// Remove-OutreachStage: removes a stage; a mapped stage only with -Force, which removes its mappings too
/// (named in the -WhatIf text, confirmed as a High impact change, and warned about one by one).
/// </summary>
[Cmdlet(VerbsCommon.Remove, "OutreachStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Stage))]
public sealed class RemoveOutreachStageCommand : ConfigurationChangeCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var name in Name)
        {
            DroppedMappings dropped;
            try
            {
                dropped = TargetConfiguration.MappingsDroppedByRemoving(name);
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
                continue;
            }

            var destructive = Force && dropped.Any;
            var action = destructive ? dropped.Append("Remove Outreach stage") : "Remove Outreach stage";
            var removed = Change($"Stage '{name}'", action, () => TargetConfiguration.RemoveStage(name, Force), destructive: destructive);
            if (removed is null)
            {
                continue;
            }

            foreach (var warning in dropped.Warnings)
            {
                WriteWarning(warning);
            }

            if (PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
