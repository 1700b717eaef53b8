using System.Collections.Generic;
using System.Management.Automation;
using StageMap.Engine.Conversion;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// Turns one plan's converted records into what the cmdlets emit: PSCustomObjects with the written fields
/// as note properties, in the plan's order.
/// </summary>
/// <remarks>
/// A pipeline makes one object a record, so each is made the cheap way where PowerShell allows it: a
/// member table made at the plan's size, the note properties put straight into it. The public
/// <c>Properties.Add</c> copies each property and tells PowerShell's member binders, for the whole process,
/// that objects may now carry a member of that name; the binders need to hear it once per name, so the
/// constructor adds every name of the plan that way once, and later objects skip it. What the user gets is
/// the same PSCustomObject either way (type names, property order, Get-Member).
/// </remarks>
internal sealed class ConvertedObjects
{
    private readonly IReadOnlyList<string> _fields;

    public ConvertedObjects(ConversionPlan plan)
    {
        _fields = plan.OutputFields;
        var announcement = new PSObject();
        foreach (var field in _fields)
        {
            announcement.Properties.Add(new PSNoteProperty(field, null), preValidated: true);
        }
    }

    public PSObject ToPSObject(ConvertedRecord record)
    {
        var result = PSObjectInternals.NewWithCapacity?.Invoke(_fields.Count);
        var table = result is null ? null : PSObjectInternals.MemberTable?.Invoke(result);
        if (table is null)
        {
            return ToPSObjectPublicly(record);
        }

        // PowerShell's own Add looks the name up, then sets it (which looks it up again), under a lock.
        // The plan's field names are unique and nobody else holds the new object yet, so adding each
        // property to the table is the same in one lookup.
        for (var i = 0; i < _fields.Count; i++)
        {
            if (record.IsWritten(i))
            {
                table.Add(_fields[i], new PSNoteProperty(_fields[i], ToPowerShell(record.ValueAt(i))));
            }
        }

        return result!;
    }

    private PSObject ToPSObjectPublicly(ConvertedRecord record)
    {
        var result = new PSObject();
        for (var i = 0; i < _fields.Count; i++)
        {
            if (record.IsWritten(i))
            {
                // The plan's field names are unique, so PowerShell need not check each one again.
                result.Properties.Add(new PSNoteProperty(_fields[i], ToPowerShell(record.ValueAt(i))), preValidated: true);
            }
        }

        return result;
    }

    /// <summary>An engine value for PowerShell: lists become arrays, records PSCustomObjects.</summary>
    public static object? ToPowerShell(object? value)
    {
        switch (value)
        {
            case null or string:
                // Most values are text: answered before the interface checks below.
                return value;
            case IReadOnlyList<object?> list:
                var items = new object?[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = ToPowerShell(list[i]);
                }

                return items;
            case IInputRecord record:
                return ToPSObject(record);
            default:
                return value;
        }
    }

    /// <summary>
    /// A record as read, for an error's TargetObject. A field PowerShell cannot hold as a property (an
    /// empty name, or a name already there ignoring case, which the error names) is left out.
    /// </summary>
    public static PSObject ToPSObject(IInputRecord record)
    {
        var result = new PSObject();
        foreach (var field in record.Fields)
        {
            if (!string.IsNullOrEmpty(field.Key) && result.Properties[field.Key] is null)
            {
                result.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)));
            }
        }

        return result;
    }
}
