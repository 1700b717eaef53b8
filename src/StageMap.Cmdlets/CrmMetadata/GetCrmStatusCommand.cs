using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
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
        var known = objects.SelectMany(o => TargetConfiguration.CrmMetadata.StatusesOf(o)).ToList();
        var selected = NameSelection.SelectAll(known, ApiName ?? AnyName, s => new[] { s.ApiName }, n => TargetConfiguration.GetCrmStatuses(n, objects), WriteFailure);
        WriteObject(selected, enumerateCollection: true);
    }
}
