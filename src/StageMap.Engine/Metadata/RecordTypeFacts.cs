using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Metadata;

/// <summary>
/// What one file says of one record type: null wherever the file does not say (an SFDX file knows no
/// id, a describe no values, a UI API answer only the id and the values). <see cref="RecordTypeMerger"/>
/// combines the facts of several files into <see cref="CrmRecordType"/>s.
/// </summary>
public sealed record RecordTypeFacts(CrmObject Object)
{
    public string? DeveloperName { get; init; }

    public string? Label { get; init; }

    public string? Id { get; init; }

    public bool? IsActive { get; init; }

    public bool? IsMaster { get; init; }

    public string? BusinessProcess { get; init; }

    /// <summary>The values it offers, in order (a Contact record type's picklist settings, a UI API answer).</summary>
    public IReadOnlyList<string>? Values { get; init; }

    public string? DefaultValue { get; init; }

    /// <summary>The values the source marks converted (the UI API's Lead Status attributes).</summary>
    public IReadOnlyList<string>? ConvertedValues { get; init; }

    /// <summary>The SFDX project the file lies in.</summary>
    public string? SfdxProject { get; init; }
}

/// <summary>A Lead Process (BusinessProcess metadata): the lead statuses the record types that use it offer.</summary>
public sealed record LeadProcess(string Name, bool IsActive, IReadOnlyList<string> Values, string? DefaultValue)
{
    /// <summary>The SFDX project the file lies in.</summary>
    public string? SfdxProject { get; init; }
}
