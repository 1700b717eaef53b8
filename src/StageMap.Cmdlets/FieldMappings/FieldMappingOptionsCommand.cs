using System.Collections.Generic;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// The nine Advanced Field Mapping options as parameters, named as in DESIGN §1, shared by
/// New-FieldMapping (the options a new mapping gets) and Set-FieldMapping (the options it changes).
/// </summary>
public abstract class FieldMappingOptionsCommand : ConfigurationChangeCommand
{
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

    /// <summary>The options as given: a switch not given is off, a text not given is none.</summary>
    protected FieldMappingOptions GivenOptions() => new()
    {
        SkipEmptyOnPush = SkipEmptyOnPush,
        SkipEmptyOnPull = SkipEmptyOnPull,
        ExternalEmptyPlaceholder = ExternalEmptyPlaceholder,
        InternalEmptyPlaceholder = InternalEmptyPlaceholder,
        LookupField = LookupField,
        ExternalMappedField = ExternalMappedField,
        ExternalMappedType = ExternalMappedType,
        LookForName = LookForName,
        DisplayName = DisplayName,
    };

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

    /// <summary>The names of the bound option parameters, with their values, for -WhatIf.</summary>
    protected string DescribeBound(IEnumerable<string> names)
    {
        var parts = new List<string>();
        foreach (var name in names)
        {
            if (MyInvocation.BoundParameters.TryGetValue(name, out var value))
            {
                var shown = value switch
                {
                    SwitchParameter flag => flag.IsPresent.ToString(),
                    string text => $"'{text}'",
                    null => "''",
                    _ => value.ToString(),
                };
                parts.Add($"{name}={shown}");
            }
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }

    protected static IEnumerable<string> OptionNames { get; } = new[]
    {
        nameof(SkipEmptyOnPush), nameof(SkipEmptyOnPull), nameof(ExternalEmptyPlaceholder), nameof(InternalEmptyPlaceholder),
        nameof(LookupField), nameof(ExternalMappedField), nameof(ExternalMappedType), nameof(LookForName), nameof(DisplayName),
    };

    private bool? Switch(string name, SwitchParameter value) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value.IsPresent : null;

    private string? Text(string name, string? value) =>
        MyInvocation.BoundParameters.ContainsKey(name) ? value ?? "" : null;
}
