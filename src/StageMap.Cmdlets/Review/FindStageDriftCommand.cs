using System;
using System.Management.Automation;
using System.Threading;
using StageMap.Cmdlets.Completion;
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
public sealed class FindStageDriftCommand : ConfigurationCommand
{
    private readonly CancellationTokenSource _stop = new();

    /// <summary>The CRM object the records are: Lead or Contact.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    public CrmObject Object { get; set; }

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

    /// <summary>The CRM field that holds the join key (a dotted path reaches into nested objects); default: the record id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(CrmFieldCompleter))]
    public string? CrmKey { get; set; }

    /// <summary>The prospect field that holds the join key; default: salesforceId, or attributes.externalId on JSON:API prospects.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    public string? OutreachKey { get; set; }

    /// <summary>Write only the summary, not the findings.</summary>
    [Parameter]
    public SwitchParameter Summary { get; set; }

    /// <summary>Replace -OutFile if it exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var crm = ResolveExistingFiles(CrmPath, literal: false);
        var outreach = ResolveExistingFiles(OutreachPath, literal: false);
        if (crm.Count != 1 || outreach.Count != 1)
        {
            if (crm.Count > 1 || outreach.Count > 1)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new ArgumentException("-CrmPath and -OutreachPath each name one file."), "PathMatchesManyFiles", ErrorCategory.InvalidArgument, crm.Count > 1 ? CrmPath : OutreachPath));
            }

            return;
        }

        var job = new DriftJob
        {
            Object = Object,
            CrmPath = crm[0],
            OutreachPath = outreach[0],
            CrmKey = CrmKey,
            OutreachKey = OutreachKey,
            OutFile = OutFile is null ? null : ResolveNewFilePath(OutFile),
            Force = Force,
        };
        if (job.OutFile is not null && !ShouldProcess(job.OutFile, $"Write the {Object} records whose stage drifts"))
        {
            return;
        }

        var activity = $"Finding stage drift ({Object})";
        try
        {
            var summary = StageDriftFinder.Run(
                TargetConfiguration,
                job,
                Summary ? null : drift => WriteObject(drift),
                (what, percent) => WriteProgress(new ProgressRecord(1, activity, what) { PercentComplete = percent }),
                _stop.Token);
            WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
            WriteVerbose($"{summary.Pairs:N0} pairs ({summary.Drifted:N0} drifted), {summary.CrmOnly:N0} CRM only, {summary.OutreachOnly:N0} Outreach only; {summary.HeldKeys:N0} {summary.HeldSide} keys held.");
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

    protected override void StopProcessing() => _stop.Cancel();
}
