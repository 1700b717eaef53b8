using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// What New-FieldMapping and Set-FieldMapping share: the mapping named by -Object and -OutreachField
/// (both bound by property name from piped rows and mappings), and the nine Advanced Field Mapping
/// options as parameters named as the properties of FieldMappingOptions (the options a new mapping gets, or those Set changes).
/// </summary>
public abstract class FieldMappingCommand : ConfigurationChangeCommand
{
    // CrmObject held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _object;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [EnumValue(typeof(CrmObject))]
    public CrmObject Object { get => (CrmObject)_object; set => _object = (int)value; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(OutreachFieldCompleter))]
    [ValidateNotNullOrEmpty]
    public string OutreachField { get; set; } = "";

    [Parameter]
    public SwitchParameter SkipEmptyOnPush { get; set; }

    [Parameter]
    public SwitchParameter SkipEmptyOnPull { get; set; }

    [Parameter]
    public string? ExternalEmptyPlaceholder { get; set; }

    [Parameter]
    public string? InternalEmptyPlaceholder { get; set; }

    [Parameter]
    public SwitchParameter LookupField { get; set; }

    [Parameter]
    public SwitchParameter ExternalMappedField { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ExternalMappedTypeCompleter))]
    public string? ExternalMappedType { get; set; }

    [Parameter]
    public SwitchParameter LookForName { get; set; }

    [Parameter]
    public SwitchParameter DisplayName { get; set; }

    /// <summary>The -WhatIf target: the mapping this command adds or changes.</summary>
    protected string Target => $"{Object} field mapping '{OutreachField}'";

    /// <summary>The options as given: a switch not given is off, a text not given is none.</summary>
    protected FieldMappingOptions GivenOptions() => BoundOptions(null).ApplyTo(FieldMappingOptions.None);

    /// <summary>
    /// Only the options bound on the command line: -LookupField:$false turns an option off, an empty
    /// (or $null) text clears it, an option not given keeps its value.
    /// </summary>
    protected FieldMappingChange BoundOptions(SyncDirection? direction) => new()
    {
        Direction = direction,
        SkipEmptyOnPush = Switch(nameof(SkipEmptyOnPush), SkipEmptyOnPush),
        SkipEmptyOnPull = Switch(nameof(SkipEmptyOnPull), SkipEmptyOnPull),
        ExternalEmptyPlaceholder = Text(nameof(ExternalEmptyPlaceholder), ExternalEmptyPlaceholder),
        InternalEmptyPlaceholder = Text(nameof(InternalEmptyPlaceholder), InternalEmptyPlaceholder),
        LookupField = Switch(nameof(LookupField), LookupField),
        ExternalMappedField = Switch(nameof(ExternalMappedField), ExternalMappedField),
        ExternalMappedType = Text(nameof(ExternalMappedType), ExternalMappedType),
        LookForName = Switch(nameof(LookForName), LookForName),
        DisplayName = Switch(nameof(DisplayName), DisplayName),
    };

    private bool? Switch(string name, SwitchParameter value) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : null;

    private string? Text(string name, string? value) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value ?? "" : null;
}
