using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A JSON object as <see cref="JsonRecordParser"/> read it: its field names (shared by every object of
/// the same names, <see cref="FieldNameIndex"/>) and its values, text where the parser holds it
/// (<see cref="TextSlice"/>), lists and nested objects of the parser's own. Valid until the parser reads
/// the next record; <see cref="Snapshot"/> is the <see cref="FieldListRecord"/> Json.NET's reader makes
/// of the same object.
/// </summary>
internal sealed class JsonObjectRecord : IReusedRecord
{
    // No names until the parser first reads an object into it. The record's own: a FieldNameIndex remembers
    // the names asked of it, so one shared by every record would be written by every thread that converts.
    private FieldNameIndex _names = new(Array.Empty<string>());
    private object?[] _values = new object?[16];

    public int Count => _names.Names.Length;

    /// <summary>The first field name that repeats an earlier one (ignoring case), as <see cref="FieldListRecord.DuplicateField"/> has it; or null.</summary>
    public string? DuplicateField => _names.FirstRepeat < 0 ? null : _names.Names[_names.FirstRepeat];

    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < Count; i++)
            {
                yield return new KeyValuePair<string, object?>(_names.Names[i], _values[i]);
            }
        }
    }

    /// <summary>The value slots for an object of these names; the parser fills them.</summary>
    public object?[] Reset(FieldNameIndex names)
    {
        _names = names;
        if (_values.Length < names.Names.Length)
        {
            _values = new object?[Math.Max(names.Names.Length, _values.Length * 2)];
        }

        return _values;
    }

    public bool TryGetValue(string field, out object? value)
    {
        var i = _names.IndexOf(field);
        if (i >= 0)
        {
            value = _values[i];
            return true;
        }

        value = null;
        return false;
    }

    public IInputRecord Snapshot()
    {
        var record = new FieldListRecord();
        for (var i = 0; i < Count; i++)
        {
            record.Add(_names.Names[i], Keep(_values[i]));
        }

        return record;
    }

    /// <summary>A value as Json.NET's reader gives it: strings, <see cref="ValueList"/>s and <see cref="FieldListRecord"/>s.</summary>
    private static object? Keep(object? value)
    {
        switch (value)
        {
            case TextSlice text:
                return text.ToString();
            case JsonObjectRecord nested:
                return nested.Snapshot();
            case ValueList list:
                var kept = new ValueList(list.Count);
                foreach (var item in list)
                {
                    kept.Add(Keep(item));
                }

                return kept;
            default:
                return value;
        }
    }
}
