using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>Set-LeadStatusMapping: points a mapped lead status at another stage.</summary>
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

    protected override void ProcessRecord()
    {
        var mapping = Change(
            $"Lead status '{CrmStatus}'",
            $"Map to stage '{Stage}'",
            () => TargetConfiguration.UpdateLeadStatusMapping(CrmStatus, Stage));
        if (mapping is not null && InputAdvice.ForLeadStatus(TargetConfiguration.CrmMetadata, mapping.CrmStatus) is { } typo)
        {
            WriteWarning(typo);
        }

        if (mapping is not null && PassThru)
        {
            WriteObject(mapping);
        }
    }
}
