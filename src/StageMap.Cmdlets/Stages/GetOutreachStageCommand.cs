using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>Get-OutreachStage: the configuration's stages in stage order, optionally by name (wildcards).</summary>
[Cmdlet(VerbsCommon.Get, "OutreachStage")]
[OutputType(typeof(Stage))]
public sealed class GetOutreachStageCommand : ConfigurationCommand
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var stages = TargetConfiguration.Stages.InStageOrder().ToList();
        foreach (var name in Name ?? new[] { "*" })
        {
            try
            {
                WriteObject(NameSelection.Select(stages, name, s => s.Name, n => new[] { TargetConfiguration.GetStage(n) }), enumerateCollection: true);
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
            }
        }
    }
}
