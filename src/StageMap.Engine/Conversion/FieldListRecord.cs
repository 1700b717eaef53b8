using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A record read from a file: its fields in order, found by name ignoring case. The JSON reader makes
/// these; tests build them directly.
/// </summary>
public sealed class FieldListRecord : IInputRecord
{
    private readonly List<KeyValuePair<string, object?>> _fields = new();
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The first field name that appeared twice (ignoring case), or null.</summary>
    public string? DuplicateField { get; private set; }

    public IEnumerable<KeyValuePair<string, object?>> Fields => _fields;

    public int Count => _fields.Count;

    /// <summary>Adds a field; a second field of the same name (ignoring case) is kept aside and noted in <see cref="DuplicateField"/>.</summary>
    public FieldListRecord Add(string name, object? value)
    {
        if (_index.ContainsKey(name))
        {
            DuplicateField ??= name;
        }
        else
        {
            _index.Add(name, _fields.Count);
        }

        _fields.Add(new KeyValuePair<string, object?>(name, value));
        return this;
    }

    public bool TryGetValue(string field, out object? value)
    {
        if (_index.TryGetValue(field, out var at))
        {
            value = _fields[at].Value;
            return true;
        }

        value = null;
        return false;
    }
}
