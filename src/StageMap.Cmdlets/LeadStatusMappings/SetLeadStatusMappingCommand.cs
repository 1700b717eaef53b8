using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>
/// Set-LeadStatusMapping: points mapped lead statuses at other stages. The rows of one command are
/// checked 1:1 together when it ends, so a sheet that swaps two stages applies.
/// </summary>
[Cmdlet(VerbsCommon.Set, "LeadStatusMapping", SupportsShouldProcess = true)]
[OutputType(typeof(LeadStatusMapping))]
public sealed class SetLeadStatusMappingCommand : ConfigurationChangeCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Status", "Lead Status", "ApiName")]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [AllowEmptyString]
    public string CrmStatus { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Outreach Stage")]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Stage { get; set; } = "";

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // Set in BeginProcessing, which PowerShell runs before ProcessRecord and EndProcessing.
    private LeadStatusMappingChanges? _rows;

    protected override void Begin()
    {
        base.Begin();
        _rows = TargetConfiguration.BeginLeadStatusMappingChanges();
    }

    protected override void ProcessRecord()
    {
        var row = Change($"Lead status '{CrmStatus}'", $"Map to stage '{Stage}'", () => _rows!.Add(CrmStatus, Stage));
        if (row is not null && InputAdvice.ForLeadStatus(TargetConfiguration.CrmMetadata, row.CrmStatus) is { } typo)
        {
            WriteWarning(typo);
        }
    }

    /// <summary>Applies the rows that are 1:1 together; each row that is not is an error carrying it.</summary>
    protected override void EndProcessing()
    {
        var result = _rows!.Apply();
        foreach (var rejected in result.Rejected)
        {
            WriteError(ErrorRecords.From(rejected.Failure, rejected.Row));
        }

        if (PassThru)
        {
            WriteObject(result.Applied, enumerateCollection: true);
        }

        base.EndProcessing();
    }
}
