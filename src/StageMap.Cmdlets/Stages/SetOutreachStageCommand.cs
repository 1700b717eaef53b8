using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>
/// Set-OutreachStage: renames, reorders or recolours a stage; mappings follow a rename. With
/// -OutreachId it also records that Outreach has the stage, as it now is, under that id.
/// </summary>
[Cmdlet(VerbsCommon.Set, "OutreachStage", SupportsShouldProcess = true)]
[OutputType(typeof(Stage))]
public sealed class SetOutreachStageCommand : ConfigurationChangeCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewName { get; set; }

    [Parameter]
    public int? Order { get; set; }

    [Parameter]
    public string? Color { get; set; }

    /// <summary>The stage's id in Outreach: records that Outreach has the stage, as it is after this command.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OutreachIdCompleter))]
    [ValidateRange(1, int.MaxValue)]
    public int? OutreachId { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var stage = OutreachId is { } outreachId
            ? Change($"Stage '{Name}'", $"Record as Outreach's stage {outreachId}", () => TargetConfiguration.ConfirmStageInOutreach(Name, outreachId, NewName, Order, Color))
            : Change($"Stage '{Name}'", "Update Outreach stage", () => TargetConfiguration.UpdateStage(Name, NewName, Order, Color));
        if (stage is not null && PassThru)
        {
            WriteObject(stage);
        }
    }
}
