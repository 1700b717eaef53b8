using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using StageMap.Engine.Conversion;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// A PowerShell object as a record for the engine: its properties (any case, as PowerShell matches
/// them), values unwrapped from PSObject, nested objects as nested records.
/// </summary>
internal sealed class PSObjectRecord : IInputRecord
{
    private static readonly Func<object, object?> UnwrapValue = Unwrap;
    private readonly PSObject _object;

    private PSObjectRecord(PSObject obj)
    {
        _object = obj;
    }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            foreach (var property in _object.Properties)
            {
                yield return new KeyValuePair<string, object?>(property.Name, RecordValue.Normalize(ValueOf(property), UnwrapValue));
            }
        }
    }

    /// <summary>The record <paramref name="input"/> is, or null when it is not one (null, a string, a number).</summary>
    public static IInputRecord? From(object? input)
    {
        var baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (baseObject)
        {
            case null:
                return null;
            case IDictionary dictionary:
                return new DictionaryRecord(dictionary, UnwrapValue);
            case PSCustomObject:
                return new PSObjectRecord((PSObject)input!);
            default:
                return IsValue(baseObject) ? null : new PSObjectRecord(PSObject.AsPSObject(input!));
        }
    }

    public bool TryGetValue(string field, out object? value)
    {
        var property = _object.Properties[field];
        if (property is null)
        {
            value = null;
            return false;
        }

        value = RecordValue.Normalize(ValueOf(property), UnwrapValue);
        return true;
    }

    private static object? ValueOf(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException)
        {
            return null;
        }
    }

    private static object? Unwrap(object raw)
    {
        if (raw is not PSObject wrapped)
        {
            return raw;
        }

        return wrapped.BaseObject switch
        {
            PSCustomObject => new PSObjectRecord(wrapped),
            var inner => inner,
        };
    }

    private static bool IsValue(object value) =>
        value is string || value is ValueType || value.GetType().IsPrimitive;
}
