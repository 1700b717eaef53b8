using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>
/// New-LeadStatusMapping: maps a CRM lead status to a stage ("Click Add, select the CRM status, select
/// the Outreach stage, Click Save"). Rows piped from Import-Csv bind by property name.
/// </summary>
[Cmdlet(VerbsCommon.New, "LeadStatusMapping", SupportsShouldProcess = true, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(LeadStatusMapping))]
public sealed class NewLeadStatusMappingCommand : ConfigurationChangeCommand
{
    private const string ByNameSet = "ByName";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [ValidateNotNullOrEmpty]
    public string CrmStatus { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Stage { get; set; } = "";

    protected override void ProcessRecord()
    {
        var mapping = Change(
            $"Lead status '{CrmStatus}'",
            $"Map to stage '{Stage}'",
            () => TargetConfiguration.AddLeadStatusMapping(CrmStatus, Stage));
        if (mapping is not null)
        {
            WriteObject(mapping);
        }
    }
}
