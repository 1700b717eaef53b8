using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// The lead status mappings a stage change drops with its stage (Remove-OutreachStage -Force,
/// Import-OutreachStage -Force): named in the -WhatIf and confirmation text before the change, and
/// one warning each after it. <see cref="LeadStatusMapping.Stage"/> is the dropped stage's name.
/// </summary>
public sealed class DroppedMappings
{
    private readonly Func<string, string> _reason;

    internal DroppedMappings(IReadOnlyList<LeadStatusMapping> mappings, Func<string, string> reason)
    {
        Mappings = mappings;
        _reason = reason;
    }

    public IReadOnlyList<LeadStatusMapping> Mappings { get; }

    public bool Any => Mappings.Count > 0;

    /// <summary>
    /// The clause a -WhatIf or confirmation text ends with: "drop 2 lead status mapping(s): 'Working' -> 'Approaching', …",
    /// or "" when nothing is dropped.
    /// </summary>
    public string Describe() => Any
        ? $"drop {Mappings.Count} lead status mapping(s): {string.Join(", ", Mappings.Select(m => $"'{m.CrmStatus}' -> '{m.Stage}'"))}"
        : "";

    /// <summary>One warning per dropped mapping, naming it and why it went (the reason is given the stage's name).</summary>
    public IReadOnlyList<string> Warnings =>
        Mappings.Select(m => $"The mapping of lead status '{m.CrmStatus}' to stage '{m.Stage}' was removed: {_reason(m.Stage!)}.").ToList();

    /// <summary>An action text, followed by what it drops: "Remove Outreach stage, and drop 1 lead status mapping(s): …".</summary>
    public string Append(string action) => Any ? $"{action}, and {Describe()}" : action;
}
