using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Report;
using StageMap.Engine.Undo;

namespace StageMap.Cmdlets.Review;

/// <summary>
/// Export-StageMapReport: writes one self-contained HTML page about the configuration (flow picture,
/// findings, contact side, record types, the last snapshot of Outreach, click-path) and, with -CrmPath
/// and -OutreachPath, the stage drift of those records. Refuses to overwrite a file without -Force.
/// </summary>
[Cmdlet(VerbsData.Export, "StageMapReport", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportStageMapReportCommand : DriftCommand
{
    // CrmObject held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _object = (int)CrmObject.Lead;

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
    [EnumValue(typeof(CrmObject))]
    public CrmObject Object { get => (CrmObject)_object; set => _object = (int)value; }

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
            ThrowFailure(CommandFailures.RecordFilesGoTogether(CrmPath ?? OutreachPath));
        }

        var fullPath = ResolveNewFilePath(Path);
        try
        {
            StageMapReport.CheckTarget(fullPath, Force);
            if (!ShouldProcess(fullPath, "Write the StageMap report"))
            {
                return;
            }

            DriftSummary? drift = null;
            if (CrmPath is { } crmPath && OutreachPath is { } outreachPath)
            {
                var job = ResolveJob(Object, crmPath, outreachPath);
                if (job is null)
                {
                    return;
                }

                drift = FindDrift(job, found: null);
            }

            StageMapReport.Export(StageMapReport.Render(TargetConfiguration, drift, DateTimeOffset.Now, Snapshots()), fullPath, Force);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the pipeline is stopping; no report was written.
            return;
        }

        if (PassThru)
        {
            WriteObject(WrittenFile(fullPath));
        }
    }

    /// <summary>The configuration's snapshots, newest first; null when it has no file (so no snapshot folder). One that cannot be read is a warning.</summary>
    private IReadOnlyList<StageSnapshotInfo>? Snapshots() => TargetConfiguration.Path is { } path
        ? SnapshotFolder.Read(SnapshotFolder.Files(SnapshotFolder.For(path)), failure => WriteWarning(failure.Message))
        : null;
}
