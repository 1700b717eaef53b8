using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using StageMap.Engine.Conversion;

namespace StageMap.Cmdlets.Conversion;

/// <summary>Turns converted records into what the cmdlets emit: PSCustomObjects, or JSON text.</summary>
internal static class ConvertedObjects
{
    public static PSObject ToPSObject(ConvertedRecord record)
    {
        var result = new PSObject();
        var fields = record.Plan.OutputFields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (record.IsWritten(i))
            {
                // The plan's field names are unique, so PowerShell need not check each one again.
                result.Properties.Add(new PSNoteProperty(fields[i], ToPowerShell(record.ValueAt(i))), preValidated: true);
            }
        }

        return result;
    }

    /// <summary>An engine value for PowerShell: lists become arrays, records PSCustomObjects.</summary>
    public static object? ToPowerShell(object? value) => value switch
    {
        IReadOnlyList<object?> list => list.Select(ToPowerShell).ToArray(),
        IInputRecord record => ToPSObject(record),
        _ => value,
    };

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
