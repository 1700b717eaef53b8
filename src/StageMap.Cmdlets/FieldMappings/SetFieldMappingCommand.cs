using System.Collections.Generic;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.FieldMappings;

/// <summary>
/// Set-FieldMapping: changes the direction and advanced options of a field mapping, only those bound;
/// mappings piped from Get-FieldMapping bind Object and OutreachField by property name.
/// </summary>
[Cmdlet(VerbsCommon.Set, "FieldMapping", SupportsShouldProcess = true)]
[OutputType(typeof(FieldMapping))]
public sealed class SetFieldMappingCommand : FieldMappingCommand
{
    // SyncDirection held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int? _direction;

    [Parameter]
    [EnumValue(typeof(SyncDirection))]
    public SyncDirection? Direction { get => (SyncDirection?)_direction; set => _direction = (int?)value; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var mapping = Change(
            Target,
            $"Set {DescribeBound()}",
            () => TargetConfiguration.UpdateFieldMapping(Object, OutreachField, BoundOptions(Direction)));
        if (mapping is not null && PassThru)
        {
            WriteObject(mapping);
        }
    }

    /// <summary>The parameters that change the mapping, as bound, with their values, for -WhatIf.</summary>
    private string DescribeBound()
    {
        var parts = new List<string>();
        foreach (var name in Changes)
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

    private static readonly string[] Changes =
    {
        nameof(Direction), nameof(SkipEmptyOnPush), nameof(SkipEmptyOnPull), nameof(ExternalEmptyPlaceholder), nameof(InternalEmptyPlaceholder),
        nameof(LookupField), nameof(ExternalMappedField), nameof(ExternalMappedType), nameof(LookForName), nameof(DisplayName),
    };
}
