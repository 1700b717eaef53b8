using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>Remove-OutreachStage: removes a stage; a mapped stage only with -Force, which removes its mappings too.</summary>
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
            var removed = Change($"Stage '{name}'", "Remove Outreach stage", () => TargetConfiguration.RemoveStage(name, Force));
            if (removed is not null && PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
