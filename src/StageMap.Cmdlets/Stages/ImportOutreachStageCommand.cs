using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Metadata;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Stages;

/// <summary>
/// Import-OutreachStage: replaces the configuration's stages with those of an Outreach stage list
/// (API v2 response, JSON array or JSON Lines), or merges them in with -Merge. Lead status mappings
/// follow their stage by name. Each file is imported whole or not at all.
/// </summary>
[Cmdlet(VerbsData.Import, "OutreachStage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
[OutputType(typeof(Stage))]
public sealed class ImportOutreachStageCommand : ConfigurationChangeCommand
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    [Parameter]
    public SwitchParameter Merge { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var path in ResolveExistingFiles(literal ? LiteralPath : Path, literal))
        {
            OutreachStageFile file;
            try
            {
                file = OutreachStageReader.Read(path);
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
                continue;
            }

            foreach (var warning in file.Warnings)
            {
                WriteWarning(warning);
            }

            var plan = TargetConfiguration.PlanStageImport(file, Merge);
            var result = Change("Outreach stages", plan.Action, () => TargetConfiguration.ImportStages(plan, Force), destructive: Force && plan.Dropped.Any);
            if (result is null)
            {
                continue;
            }

            foreach (var warning in result.Warnings)
            {
                WriteWarning(warning);
            }

            if (PassThru)
            {
                WriteObject(result.Stages, enumerateCollection: true);
            }
        }
    }
}
