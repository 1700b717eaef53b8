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

    public static PSObject ToPSObject(IInputRecord record)
    {
        var result = new PSObject();
        foreach (var field in record.Fields)
        {
            result.Properties.Add(new PSNoteProperty(field.Key, ToPowerShell(field.Value)));
        }

        return result;
    }
}
