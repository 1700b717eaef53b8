using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.CrmMetadata;

/// <summary>
/// Get-CrmStatus: the CRM statuses the configuration knows, in the CRM's order: the lead statuses,
/// the values of the contact status picklist, or both (leads first). A name without wildcards that
/// matches nothing is an error (CrmStatusNotFound), as with Get-Item.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CrmStatus")]
[OutputType(typeof(CrmStatus))]
public sealed class GetCrmStatusCommand : ConfigurationCommand
{
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject[]? Object { get; set; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(CrmStatusNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? ApiName { get; set; }

    protected override void ProcessRecord()
    {
        var objects = (Object ?? new[] { CrmObject.Lead, CrmObject.Contact }).Distinct().ToList();
        var names = ApiName ?? new[] { "*" };
        var patterns = names.Where(WildcardPattern.ContainsWildcardCharacters).Select(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase)).ToList();
        var found = new List<CrmStatus>();
        foreach (var literal in names.Where(n => !WildcardPattern.ContainsWildcardCharacters(n)))
        {
            try
            {
                found.AddRange(TargetConfiguration.GetCrmStatuses(literal, objects));
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
            }
        }

        foreach (var crmObject in objects)
        {
            var statuses = TargetConfiguration.CrmMetadata.StatusesOf(crmObject).Where(s => found.Contains(s) || patterns.Any(p => p.IsMatch(s.ApiName)));
            WriteObject(statuses, enumerateCollection: true);
        }
    }
}
