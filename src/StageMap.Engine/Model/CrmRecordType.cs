using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// A record type of Lead or Contact and the status values it offers. A Lead record type offers the
/// values of its Lead Process (BusinessProcess); a Contact record type offers the values its own
/// picklist settings select of the contact status field. The master record type offers every value.
/// </summary>
/// <remarks>
/// As the configuration holds it, <see cref="Values"/> is empty when the values are not known (and
/// for the master record type, which offers every active status); <see cref="CrmMetadata.RecordTypesOf"/>
/// gives the record types as they offer values, the master's filled in.
/// </remarks>
public sealed record CrmRecordType
{
    /// <summary>The id of the master record type, the same in every org.</summary>
    public const string MasterId = "012000000000000AAA";

    public CrmRecordType(CrmObject crmObject, string developerName, string name)
    {
        Object = crmObject;
        DeveloperName = developerName;
        Name = name;
    }

    public CrmObject Object { get; }

    /// <summary>The label, as the Salesforce UI shows it ('Partner Lead').</summary>
    public string Name { get; init; }

    /// <summary>The API name ('Partner_Lead').</summary>
    public string DeveloperName { get; }

    /// <summary>The record type's 18-character id, where a describe gave it.</summary>
    public string? Id { get; init; }

    public bool IsActive { get; init; } = true;

    public bool IsMaster { get; init; }

    /// <summary>The Lead Process whose values a Lead record type offers; null for Contact or when not known.</summary>
    public string? BusinessProcess { get; init; }

    /// <summary>The statuses the record type offers, in its order.</summary>
    public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

    /// <summary>The value new records of this type start with, where known.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>Lead: the values that are converted statuses (a lead of this type is converted to one of them).</summary>
    public IReadOnlyList<string> ConvertedValues { get; init; } = Array.Empty<string>();

    /// <summary>The SFDX project (the folder with sfdx-project.json) the record type was read from; null when it came from the org.</summary>
    public string? SfdxProject { get; init; }

    /// <summary>True when the values it offers are known: the master's always are, another's once a process, its picklist settings or the UI API gave them.</summary>
    public bool HasKnownValues => IsMaster || Values.Count > 0;

    /// <summary>True when <paramref name="name"/> is its label or its developer name, ignoring case.</summary>
    public bool IsNamed(string name) =>
        string.Equals(Name, name.Trim(), StringComparison.OrdinalIgnoreCase) || string.Equals(DeveloperName, name.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="value"/> is one it offers, exactly (ordinal).</summary>
    public bool Offers(string value) => Values.Contains(value, StringComparer.Ordinal);

    public bool Equals(CrmRecordType? other) =>
        other is not null
        && Object == other.Object && Name == other.Name && DeveloperName == other.DeveloperName && Id == other.Id
        && IsActive == other.IsActive && IsMaster == other.IsMaster && BusinessProcess == other.BusinessProcess
        && Values.SequenceEqual(other.Values, StringComparer.Ordinal) && DefaultValue == other.DefaultValue
        && ConvertedValues.SequenceEqual(other.ConvertedValues, StringComparer.Ordinal) && SfdxProject == other.SfdxProject;

    public override int GetHashCode() => (Object, DeveloperName, Name, Id).GetHashCode();

    public override string ToString() => $"{Object} record type '{Name}' ({DeveloperName})";
}
