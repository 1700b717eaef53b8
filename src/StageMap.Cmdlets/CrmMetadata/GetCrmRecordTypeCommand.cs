using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.CrmMetadata;

/// <summary>
/// Get-CrmRecordType: the record types of Lead and Contact the configuration knows, each with the statuses
/// it offers, Lead first, in the CRM's order. -Name matches the label or the developer name; a name without
/// wildcards that matches nothing is RecordTypeNotFound, as with Get-Item.
/// </summary>
[Cmdlet(VerbsCommon.Get, "CrmRecordType")]
[OutputType(typeof(CrmRecordType))]
public sealed class GetCrmRecordTypeCommand : ConfigurationCommand
{
    /// <summary>The PowerShell type name of the output, for views and [PSTypeName()] parameters.</summary>
    public const string TypeName = "StageMap.CrmRecordType";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject[]? Object { get; set; }

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RecordTypeNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        var objects = (Object ?? new[] { CrmObject.Lead, CrmObject.Contact }).Distinct().ToList();
        var known = TargetConfiguration.CrmMetadata.RecordTypesOf().Where(r => objects.Contains(r.Object)).ToList();
        var selected = NameSelection.SelectAll(known, Name ?? AnyName, r => new[] { r.Name, r.DeveloperName }, n => TargetConfiguration.GetCrmRecordTypes(n, objects), WriteFailure);
        foreach (var recordType in selected)
        {
            var output = PSObject.AsPSObject(recordType);
            output.TypeNames.Insert(0, TypeName);
            WriteObject(output);
        }
    }
}
