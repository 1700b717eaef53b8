using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>
/// Get-LeadStatusMapping: the lead status mappings, filtered by status or stage (any case). As with
/// Get-Item, a name without wildcards that matches nothing is an error; a wildcard is a filter.
/// Stages piped from Get-OutreachStage bind -Stage by their Name, CRM statuses from Get-CrmStatus
/// bind -CrmStatus by their ApiName.
/// </summary>
[Cmdlet(VerbsCommon.Get, "LeadStatusMapping")]
[OutputType(typeof(LeadStatusMapping))]
public sealed class GetLeadStatusMappingCommand : ConfigurationCommand
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("Status", "Lead Status", "ApiName")]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [SupportsWildcards]
    public string? CrmStatus { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Outreach Stage", "Name")]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string? Stage { get; set; }

    protected override void ProcessRecord()
    {
        var configuration = TargetConfiguration;
        try
        {
            IEnumerable<LeadStatusMapping> selected = configuration.LeadStatusMappings;
            selected = Select(selected, CrmStatus, m => m.CrmStatus, configuration.GetLeadStatusMappingsOf);
            selected = Select(selected, Stage, m => m.Stage ?? "", configuration.GetLeadStatusMappingsTo);
            WriteObject(selected.ToList(), enumerateCollection: true);
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
        }
    }

    /// <summary>The mappings <paramref name="name"/> selects among <paramref name="mappings"/> (all of them when it is null).</summary>
    private static IEnumerable<LeadStatusMapping> Select(
        IEnumerable<LeadStatusMapping> mappings, string? name, Func<LeadStatusMapping, string> key, Func<string, IReadOnlyList<LeadStatusMapping>> lookUp)
    {
        if (name is null)
        {
            return mappings;
        }

        var candidates = mappings.ToList();
        return NameSelection.Select(candidates, name, key, n => candidates.Where(lookUp(n).Contains).ToList());
    }
}
