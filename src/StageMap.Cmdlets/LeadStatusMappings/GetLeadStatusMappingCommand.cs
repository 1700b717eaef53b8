using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>Get-LeadStatusMapping: the lead status mappings, filtered by status or stage (wildcards, any case).</summary>
[Cmdlet(VerbsCommon.Get, "LeadStatusMapping")]
[OutputType(typeof(LeadStatusMapping))]
public sealed class GetLeadStatusMappingCommand : ConfigurationCommand
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? CrmStatus { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Stage { get; set; }

    protected override void ProcessRecord()
    {
        var status = WildcardPattern.Get(CrmStatus ?? "*", WildcardOptions.IgnoreCase);
        var stage = WildcardPattern.Get(Stage ?? "*", WildcardOptions.IgnoreCase);
        var matches = TargetConfiguration.LeadStatusMappings
            .Where(m => status.IsMatch(m.CrmStatus) && stage.IsMatch(m.Stage ?? ""));
        WriteObject(matches, enumerateCollection: true);
    }
}
