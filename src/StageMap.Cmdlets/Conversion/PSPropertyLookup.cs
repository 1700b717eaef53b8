using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// Finds a property of a piped object as <c>PSObject.Properties[name]</c> does, at a fraction of its
/// cost on the objects Import-Csv and ConvertFrom-Json emit. That indexer goes through the object's
/// member collections (its own note properties, then type data and the adapter) for every name it is
/// asked, and reads the object's type names to do so (building them, on each new object: most of its
/// cost). A conversion asks about a dozen names a record, and some (attributes, a field the file does
/// not have) are on no record. Here, for a PSCustomObject:
/// <list type="bullet">
/// <item>the piped record's own members are copied once, under one lock of its member table, when the
/// record arrives (<see cref="StartRecord"/>). Piped records mostly share one shape (Import-Csv makes
/// every row's properties from the same header, in the same order), so where each asked name is in that
/// shape is worked out once and kept while the names stay the same, position by position;</item>
/// <item>a nested object's own members are asked of its member table;</item>
/// <item>a name that is not one of the object's own properties is answered by the indexer the first time,
/// and remembered as absent for the object's kind of type names: the same names give the same type
/// data, and a PSCustomObject's adapter adds no properties. The kinds are "its base type's" (an object
/// that never had type names of its own, as Import-Csv's) and a read-only set of type names, by
/// reference.</item>
/// </list>
/// Any other object, and a name on an object with type names of its own that can change, goes through
/// the indexer, which answers exactly. One lookup serves one command, so type data changed between
/// commands is seen.
/// </summary>
internal sealed class PSPropertyLookup
{
    /// <summary>Stands for "the type names of the object's base type" as a key of <see cref="_absentByTypeNames"/>.</summary>
    private static readonly object BaseTypeNames = new();

    private readonly Dictionary<object, HashSet<string>> _absentByTypeNames = new();
    private readonly PipedRecordMembers _piped = new();

    public PSPropertyLookup()
    {
        UnwrapValue = raw => PSObjectRecord.Unwrap(raw, this);
    }

    /// <summary>Turns a property's value into an engine value (nested objects read through this lookup).</summary>
    public Func<object, object?> UnwrapValue { get; }

    /// <summary>Takes <paramref name="record"/>, a piped PSCustomObject, as the record the next questions are about.</summary>
    public void StartRecord(PSObject record) => _piped.Start(record);

    public PSPropertyInfo? Find(PSObject obj, string name)
    {
        if (PSObjectInternals.InstanceMembers is null || obj.ImmediateBaseObject is not PSCustomObject)
        {
            return obj.Properties[name];
        }

        var own = _piped.IsOf(obj) ? _piped.Member(name) : PSObjectInternals.InstanceMembers(obj)[name];
        if (own is PSPropertyInfo property)
        {
            return property;
        }

        var typeNames = TypeNamesKey(obj);
        HashSet<string>? absent = null;
        if (typeNames is not null && _absentByTypeNames.TryGetValue(typeNames, out absent) && absent.Contains(name))
        {
            return null;
        }

        var found = obj.Properties[name];
        if (found is null && typeNames is not null)
        {
            if (absent is null)
            {
                absent = new HashSet<string>(StringComparer.Ordinal);
                _absentByTypeNames.Add(typeNames, absent);
            }

            absent.Add(name);
        }

        return found;
    }

    /// <summary>What decides which type data applies to <paramref name="obj"/>, or null when that can change under us.</summary>
    private static object? TypeNamesKey(PSObject obj)
    {
        if (PSObjectInternals.OwnTypeNames is null)
        {
            return null;
        }

        var own = PSObjectInternals.OwnTypeNames(obj);
        return own is null ? BaseTypeNames : own.IsReadOnly ? own : null;
    }
}
