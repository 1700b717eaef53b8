using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>New-OutreachStage: adds a stage; names are unique ignoring case.</summary>
[Cmdlet(VerbsCommon.New, "OutreachStage", SupportsShouldProcess = true)]
[OutputType(typeof(Stage))]
public sealed class NewOutreachStageCommand : ConfigurationChangeCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? Order { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Color { get; set; }

    protected override void ProcessRecord()
    {
        var stage = Change($"Stage '{Name}'", "Add Outreach stage", () => TargetConfiguration.AddStage(Name, Order, Color));
        if (stage is not null)
        {
            WriteObject(stage);
        }
    }
}
