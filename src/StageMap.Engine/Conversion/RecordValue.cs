using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace StageMap.Engine.Conversion;

/// <summary>What the conversion needs to know of a field's value: its normal form, its text, whether it is blank.</summary>
public static class RecordValue
{
    /// <summary>
    /// The normal form of a raw value: null (for null and DBNull), strings and primitives as they are,
    /// dictionaries as nested records, other sequences as lists. <paramref name="foreign"/> turns a
    /// caller's wrapper types (PowerShell's PSObject) into a normal value first; it returns the value
    /// unchanged when it does not know it.
    /// </summary>
    public static object? Normalize(object? raw, Func<object, object?>? foreign = null)
    {
        if (raw is null || raw is DBNull)
        {
            return null;
        }

        if (foreign is not null && raw is not string)
        {
            raw = foreign(raw);
            if (raw is null)
            {
                return null;
            }
        }

        switch (raw)
        {
            case string:
            case IInputRecord:
            case ValueList:
                return raw;
            case IDictionary dictionary:
                return new DictionaryRecord(dictionary, foreign);
            case IEnumerable sequence:
                var list = new ValueList();
                foreach (var item in sequence)
                {
                    list.Add(Normalize(item, foreign));
                }

                return list;
            default:
                return raw;
        }
    }

    /// <summary>True for a scalar: not a list and not a nested record.</summary>
    public static bool IsScalar([NotNullWhen(false)] object? value) => value is null || value is string || (value is not IInputRecord && value is not IReadOnlyList<object?>);

    /// <summary>A scalar's text as it would be written: invariant culture, booleans as true/false.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        TextSlice t => t.ToString(),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The value when it is text (a string, or file text made a string), else null.</summary>
    internal static string? AsString(object? value) => value switch
    {
        string s => s,
        TextSlice t => t.ToString(),
        _ => null,
    };

    /// <summary>Null, empty or white space only; a list is blank when every element is.</summary>
    public static bool IsBlank([NotNullWhen(false)] object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case string s:
                return string.IsNullOrWhiteSpace(s);
            case TextSlice t:
                return t.Span.IsWhiteSpace();
            case IReadOnlyList<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (!IsBlank(list[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="value"/>'s text is exactly <paramref name="placeholder"/> (ordinal).</summary>
    public static bool IsPlaceholder(object? value, string? placeholder) =>
        placeholder is not null && (value is TextSlice t
            ? t.Span.SequenceEqual(placeholder.AsSpan())
            : IsScalar(value) && string.Equals(Text(value), placeholder, StringComparison.Ordinal));

    /// <summary>A value as it may be kept past the record it came from: file text becomes a string, a list read off file text a list of strings.</summary>
    internal static object? Detach(object? value) => value switch
    {
        TextSlice t => t.ToString(),
        TextList l => l.ToValueList(),
        _ => value,
    };
}

/// <summary>A list of values already in normal form (what <see cref="RecordValue.Normalize"/> and the file readers make).</summary>
public sealed class ValueList : List<object?>
{
    public ValueList()
    {
    }

    public ValueList(int capacity)
        : base(capacity)
    {
    }

    public ValueList(IEnumerable<object?> values)
        : base(values)
    {
    }
}
