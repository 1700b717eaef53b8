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
    private readonly PSObject _object;
    private readonly PSPropertyLookup _lookup;

    private PSObjectRecord(PSObject obj, PSPropertyLookup lookup)
    {
        _object = obj;
        _lookup = lookup;
    }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            foreach (var property in _object.Properties)
            {
                yield return new KeyValuePair<string, object?>(property.Name, RecordValue.Normalize(ValueOf(property), _lookup.UnwrapValue));
            }
        }
    }

    /// <summary>The record <paramref name="input"/> is, or null when it is not one (null, a string, a number).</summary>
    /// <param name="lookup">The command's property lookup (one per command: it remembers what the type does not have).</param>
    public static IInputRecord? From(object? input, PSPropertyLookup lookup)
    {
        var baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (baseObject)
        {
            case null:
                return null;
            case IDictionary dictionary:
                return new DictionaryRecord(dictionary, lookup.UnwrapValue);
            case PSCustomObject:
                var record = (PSObject)input!; // a PSCustomObject only ever comes wrapped
                lookup.StartRecord(record);
                return new PSObjectRecord(record, lookup);
            default:
                return IsValue(baseObject) ? null : new PSObjectRecord(PSObject.AsPSObject(input!), lookup); // a base object that is there comes from an input that is
        }
    }

    /// <summary>A property's value for the engine: a nested PSCustomObject as a record, any other PSObject as what it wraps.</summary>
    internal static object? Unwrap(object raw, PSPropertyLookup lookup)
    {
        if (raw is not PSObject wrapped)
        {
            return raw;
        }

        return wrapped.BaseObject switch
        {
            PSCustomObject => new PSObjectRecord(wrapped, lookup),
            var inner => inner,
        };
    }

    public bool TryGetValue(string field, out object? value)
    {
        var property = _lookup.Find(_object, field);
        if (property is null)
        {
            value = null;
            return false;
        }

        value = RecordValue.Normalize(ValueOf(property), _lookup.UnwrapValue);
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

    private static bool IsValue(object value) =>
        value is string || value is ValueType || value.GetType().IsPrimitive;
}
