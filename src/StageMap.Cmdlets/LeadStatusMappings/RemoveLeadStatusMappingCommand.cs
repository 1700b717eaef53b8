using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>Remove-LeadStatusMapping: removes the mapping of a CRM lead status.</summary>
[Cmdlet(VerbsCommon.Remove, "LeadStatusMapping", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(LeadStatusMapping))]
public sealed class RemoveLeadStatusMappingCommand : ConfigurationChangeCommand
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Status", "Lead Status", "ApiName")]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [AllowEmptyString]
    public string[] CrmStatus { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var status in CrmStatus)
        {
            var removed = Change($"Lead status '{status}'", "Remove lead status mapping", () => TargetConfiguration.RemoveLeadStatusMapping(status));
            if (removed is not null && PassThru)
            {
                WriteObject(removed);
            }
        }
    }
}
