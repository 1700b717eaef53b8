using System;
using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Metadata;

/// <summary>
/// What Import-CrmMetadata read from one file: the status values of one object's status picklist, the
/// object's field names, its record types and Lead Processes, where the file has them. A file that holds nothing StageMap uses (the
/// describe of another object, another custom field) has no <see cref="Object"/> and says why in
/// <see cref="Warnings"/>.
/// </summary>
public sealed record MetadataFile
{
    public MetadataFile(string path, MetadataFormat format)
    {
        Path = path;
        Format = format;
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public MetadataFormat Format { get; }

    /// <summary>True when the file is Salesforce CLI --json output ({"status":0,"result":{...}}).</summary>
    public bool FromSalesforceCli { get; init; }

    /// <summary>The object whose statuses or fields the file gives; null when it gives nothing.</summary>
    public CrmObject? Object { get; init; }

    /// <summary>The picklist the statuses were read from (Lead: Status; Contact: the contact status field).</summary>
    public string? StatusField { get; init; }

    /// <summary>The status values, in the file's order.</summary>
    public IReadOnlyList<PicklistValue> Statuses { get; init; } = Array.Empty<PicklistValue>();

    /// <summary>The object's field names (describes only).</summary>
    public IReadOnlyList<string> Fields { get; init; } = Array.Empty<string>();

    /// <summary>The object's field labels, as the Salesforce UI shows them (describes only).</summary>
    public IReadOnlyList<CrmFieldLabel> FieldLabels { get; init; } = Array.Empty<CrmFieldLabel>();

    /// <summary>Whether the status picklist is restricted (only its values can be saved), where the file says.</summary>
    public bool? IsRestricted { get; init; }

    /// <summary>
    /// The record types the file lists or describes, as far as it says: a describe lists every one of its
    /// object (recordTypeInfos), an SFDX record type file gives one, a UI API answer gives the values one
    /// record type (known by its id) offers.
    /// </summary>
    public IReadOnlyList<RecordTypeFacts> RecordTypes { get; init; } = Array.Empty<RecordTypeFacts>();

    /// <summary>The Lead Processes the file defines (SFDX businessProcess source).</summary>
    public IReadOnlyList<LeadProcess> Processes { get; init; } = Array.Empty<LeadProcess>();

    /// <summary>What the user should know: nothing read, an incomplete query, a missing field.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>True when the file gives the configuration anything.</summary>
    public bool HasContent => Object is not null && (Statuses.Count > 0 || Fields.Count > 0 || RecordTypes.Count > 0 || Processes.Count > 0);
}
