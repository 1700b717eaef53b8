using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.CrmMetadata;

/// <summary>
/// Get-CrmStatus: the CRM statuses the configuration knows, in the CRM's order: the lead statuses,
/// the values of the contact status picklist, or both (leads first).
/// </summary>
[Cmdlet(VerbsCommon.Get, "CrmStatus")]
[OutputType(typeof(CrmStatus))]
public sealed class GetCrmStatusCommand : ConfigurationCommand
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    public CrmObject[]? Object { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CrmStatusNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ApiName { get; set; }

    protected override void ProcessRecord()
    {
        var patterns = (ApiName ?? new[] { "*" }).Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        foreach (var crmObject in (Object ?? new[] { CrmObject.Lead, CrmObject.Contact }).Distinct())
        {
            var statuses = TargetConfiguration.CrmMetadata.StatusesOf(crmObject).Where(s => patterns.Any(p => p.IsMatch(s.ApiName)));
            WriteObject(statuses, enumerateCollection: true);
        }
    }
}
