using System;
using System.Collections;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A record held in a dictionary (a PowerShell hashtable, a .NET dictionary). A key that does not match
/// exactly is looked for ignoring case, so a case-sensitive dictionary matches like a hashtable.
/// </summary>
public sealed class DictionaryRecord : IInputRecord
{
    private readonly IDictionary _dictionary;
    private readonly Func<object, object?>? _foreign;

    public DictionaryRecord(IDictionary dictionary, Func<object, object?>? foreign = null)
    {
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
        _foreign = foreign;
    }

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            foreach (DictionaryEntry entry in _dictionary)
            {
                yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", RecordValue.Normalize(entry.Value, _foreign));
            }
        }
    }

    public bool TryGetValue(string field, out object? value)
    {
        if (_dictionary.Contains(field))
        {
            value = RecordValue.Normalize(_dictionary[field], _foreign);
            return true;
        }

        foreach (DictionaryEntry entry in _dictionary)
        {
            if (entry.Key is string key && string.Equals(key, field, StringComparison.OrdinalIgnoreCase))
            {
                value = RecordValue.Normalize(entry.Value, _foreign);
                return true;
            }
        }

        value = null;
        return false;
    }
}
