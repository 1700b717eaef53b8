using System;
using System.Diagnostics.CodeAnalysis;
using System.Management.Automation;
using System.Threading;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Review;

/// <summary>
/// What Find-StageDrift and Export-StageMapReport share: the join keys, the two record files resolved
/// to one file each, and the run with its progress bar and Ctrl+C.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source has no timer, so it holds nothing to release; StopProcessing may cancel it at any time, which a disposed source would refuse.")]
public abstract class DriftCommand : ConfigurationCommand
{
    private readonly CancellationTokenSource _stop = new();

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

    protected override void StopProcessing() => _stop.Cancel();

    /// <summary>The join of the two files, or null when a path names no file (that is an error record already).</summary>
    protected DriftJob? ResolveJob(CrmObject crmObject, string crmPath, string outreachPath)
    {
        var crm = ResolveExistingFiles(crmPath, literal: false);
        var outreach = ResolveExistingFiles(outreachPath, literal: false);
        if (crm.Count > 1 || outreach.Count > 1)
        {
            ThrowFailure(CommandFailures.DriftPathMatchesManyFiles(crm.Count > 1 ? crmPath : outreachPath));
        }

        return crm.Count == 1 && outreach.Count == 1
            ? new DriftJob { Object = crmObject, CrmPath = crm[0], OutreachPath = outreach[0], CrmKey = CrmKey, OutreachKey = OutreachKey }
            : null;
    }

    /// <exception cref="StageMap.Engine.StageMapException">What <see cref="StageDriftFinder.Run"/> raises.</exception>
    /// <exception cref="OperationCanceledException">Ctrl+C.</exception>
    protected DriftSummary FindDrift(DriftJob job, Action<StageDrift>? found)
    {
        var activity = $"Finding stage drift ({job.Object})";
        var summary = StageDriftFinder.Run(
            TargetConfiguration,
            job,
            found,
            (what, percent) => WriteProgress(new ProgressRecord(1, activity, what) { PercentComplete = percent }),
            WriteWarning,
            _stop.Token);
        WriteProgress(new ProgressRecord(1, activity, "Done") { RecordType = ProgressRecordType.Completed });
        WriteVerbose($"{summary.Pairs:N0} pairs ({summary.Drifted:N0} drifted), {summary.CrmOnly:N0} CRM only, {summary.OutreachOnly:N0} Outreach only; {summary.HeldKeys:N0} {summary.HeldSide} keys held.");
        return summary;
    }
}
