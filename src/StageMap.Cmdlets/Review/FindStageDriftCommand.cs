using System;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Review;

/// <summary>
/// Find-StageDrift: joins a Salesforce export with the Outreach prospects by record id (or -CrmKey /
/// -OutreachKey), streaming both files, and writes each record whose Outreach stage is not the one
/// its CRM status gives under the configuration, plus the records only one file has. With -OutFile
/// the findings go to the file and the summary (the counts and the status × stage cross-tab) is the
/// output; -Summary writes only the summary.
/// </summary>
[Cmdlet(VerbsCommon.Find, "StageDrift", SupportsShouldProcess = true)]
[OutputType(typeof(StageDrift))]
[OutputType(typeof(DriftSummary))]
public sealed class FindStageDriftCommand : DriftCommand
{
    // CrmObject held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _object;

    /// <summary>The CRM object the records are: Lead or Contact.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject Object { get => (CrmObject)_object; set => _object = (int)value; }

    /// <summary>The Salesforce export: CSV, JSON or JSON Lines.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string CrmPath { get; set; } = "";

    /// <summary>The prospects: ConvertTo-OutreachProspect output, or Outreach JSON:API prospect documents.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string OutreachPath { get; set; } = "";

    /// <summary>Write the findings to this file (.jsonl, .json or .csv) and output the summary.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    /// <summary>Write only the summary, not the findings.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Replace -OutFile if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>In a CSV -OutFile, prefix cells starting with =, +, -, @, tab or CR with ' so a spreadsheet shows them as text.</summary>
    [Parameter]
    public SwitchParameter EscapeFormula { get; set; }

    protected override void EndProcessing()
    {
        var job = ResolveJob(Object, CrmPath, OutreachPath);
        if (job is null)
        {
            return;
        }

        job.OutFile = OutFile is null ? null : ResolveNewFilePath(OutFile);
        job.Force = Force;
        job.EscapeFormula = EscapeFormula;
        if (job.OutFile is not null && !ShouldProcess(job.OutFile, $"Write the {Object} records whose stage drifts"))
        {
            return;
        }

        try
        {
            var summary = FindDrift(job, Summary ? null : drift => WriteObject(drift));
            if (Summary || job.OutFile is not null)
            {
                WriteObject(summary);
            }
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: the pipeline is stopping; no output file was written.
        }
    }
}
