using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Cmdlets.Live;
using StageMap.Engine;
using StageMap.Engine.Live.Outreach;
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
    private const string OnlineSet = "Online";

    private readonly LiveCall _live;

    public ImportOutreachStageCommand()
    {
        _live = new LiveCall(this);
    }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    /// <summary>Reads the stages of the Outreach connection (GET /api/v2/stages, every page) instead of a file.</summary>
    [Parameter(Mandatory = true, ParameterSetName = OnlineSet)]
    public SwitchParameter Online { get; set; }

    /// <summary>The Outreach connection to read; the session's current one by default.</summary>
    [Parameter(ParameterSetName = OnlineSet)]
    [ValidateNotNull]
    public OutreachConnection? Connection { get; set; }

    [Parameter]
    public SwitchParameter Merge { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == OnlineSet)
        {
            Import(ReadOnline());
            return;
        }

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

            Import(file);
        }
    }

    protected override void StopProcessing()
    {
        _live.Stop();
        base.StopProcessing();
    }

    /// <summary>Outreach's stages, as one list; a failed call is a terminating error and changes nothing.</summary>
    private OutreachStageFile ReadOnline()
    {
        try
        {
            var connection = LiveSessions.RequireOutreach(Connection);
            return _live.Run((http, cancellation) => new OutreachClient(http, connection).ListStagesAsync(cancellation));
        }
        catch (StageMapException failure)
        {
            throw ThrowFailure(failure);
        }
    }

    private void Import(OutreachStageFile file)
    {
        foreach (var warning in file.Warnings)
        {
            WriteWarning(warning);
        }

        var plan = TargetConfiguration.PlanStageImport(file, Merge);
        var result = Change("Outreach stages", plan.Action, () => TargetConfiguration.ImportStages(plan, Force), destructive: Force && plan.Dropped.Any);
        if (result is null)
        {
            return;
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
