using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// Get-FieldMapping: the field mappings, Lead before Contact, each object's in the order they were
/// added; filtered by object and Outreach field (plugin name or API attribute, wildcards, any case).
/// </summary>
[Cmdlet(VerbsCommon.Get, "FieldMapping")]
[OutputType(typeof(FieldMapping))]
public sealed class GetFieldMappingCommand : ConfigurationCommand
{
    // CrmObject held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int? _object;

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject? Object { get => (CrmObject?)_object; set => _object = (int?)value; }

    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? OutreachField { get; set; }

    protected override void ProcessRecord()
    {
        var mappings = TargetConfiguration.FieldMappings
            .Where(m => Object is null || m.Object == Object)
            .OrderBy(m => m.Object)
            .ToList();
        foreach (var name in OutreachField ?? new[] { "*" })
        {
            try
            {
                var selected = NameSelection.Select(
                    mappings, name, m => new[] { m.OutreachField, OutreachFields.Resolve(m.OutreachField).Attribute }, n => TargetConfiguration.GetFieldMappings(n, Object));
                WriteObject(selected, enumerateCollection: true);
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
            }
        }
    }
}
