using System;
using System.IO;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Report;

namespace StageMap.Cmdlets.Review;

/// <summary>
/// Export-StageMapReport: writes one self-contained HTML page about the configuration (flow picture,
/// findings, contact side, click-path) and, with -CrmPath and -OutreachPath, the stage drift of
/// those records. Refuses to overwrite a file without -Force.
/// </summary>
[Cmdlet(VerbsData.Export, "StageMapReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportStageMapReportCommand : ConfigurationCommand
{
    /// <summary>The HTML file to write.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>A Salesforce export to check for stage drift (with -OutreachPath).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CrmPath { get; set; }

    /// <summary>The prospects to check for stage drift (with -CrmPath).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutreachPath { get; set; }

    /// <summary>The object of the record files: Lead (default) or Contact.</summary>
    [Parameter]
    public CrmObject Object { get; set; } = CrmObject.Lead;

    /// <summary>The CRM join key field (see Find-StageDrift).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CrmFieldCompleter))]
    public string? CrmKey { get; set; }

    /// <summary>The prospect join key field (see Find-StageDrift).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    public string? OutreachKey { get; set; }

    /// <summary>Overwrite the file if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>Output the file written.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        if ((CrmPath is null) != (OutreachPath is null))
        {
            ThrowTerminatingError(new ErrorRecord(
                new ArgumentException("-CrmPath and -OutreachPath go together: the drift section joins the two files."),
                "RecordFilesGoTogether", ErrorCategory.InvalidArgument, CrmPath ?? OutreachPath));
        }

        var fullPath = ResolveNewFilePath(Path);
        try
        {
            StageMapReport.CheckTarget(fullPath, Force);
            if (!ShouldProcess(fullPath, "Write the StageMap report"))
            {
                return;
            }

            var drift = CrmPath is null ? null : Drift();
            if (CrmPath is not null && drift is null)
            {
                return;
            }

            StageMapReport.Export(StageMapReport.Render(TargetConfiguration, drift, DateTimeOffset.Now), fullPath, Force);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(fullPath));
        }
    }

    private DriftSummary? Drift()
    {
        var crm = ResolveExistingFiles(CrmPath!, literal: false);
        var outreach = ResolveExistingFiles(OutreachPath!, literal: false);
        if (crm.Count != 1 || outreach.Count != 1)
        {
            return null;
        }

        var job = new DriftJob { Object = Object, CrmPath = crm[0], OutreachPath = outreach[0], CrmKey = CrmKey, OutreachKey = OutreachKey };
        return StageDriftFinder.Run(TargetConfiguration, job, progress: (what, percent) => WriteProgress(new ProgressRecord(1, "Finding stage drift for the report", what) { PercentComplete = percent }));
    }
}
