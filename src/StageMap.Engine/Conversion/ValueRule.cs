using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A plain field: the value goes across as it is. Outreach's list attributes (emails, phones, tags)
/// are lists on the Outreach side: a CRM text splits on ';' (Salesforce's multi-select separator) on
/// pull; on push a contact point (emails, phones) sends its first value, Outreach's primary, and any
/// other list sends its values joined with ';'.
/// </summary>
internal sealed class ValueRule : FieldRule
{
    private readonly int _slot;
    private readonly bool _pull;
    private readonly bool _isList;
    private readonly bool _isContactPoint;

    public ValueRule(FieldMapping mapping, ConversionDirection direction, OutreachField field, Func<string, int> slot)
        : base(mapping, direction)
    {
        _pull = direction == ConversionDirection.Pull;
        _isList = field.IsArray;
        _isContactPoint = field.Attribute == "emails" || field.Attribute.EndsWith("Phones", StringComparison.Ordinal);
        Sources = _pull
            ? new[] { mapping.CrmField }
            : new[] { field.Attribute, field.Name }.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _slot = slot(_pull ? field.Attribute : mapping.CrmField);
    }

    public override ConversionFailure? Convert(string field, object? value, object?[] values)
    {
        if (_pull && _isList)
        {
            return PullList(field, value, values);
        }

        if (!_pull && _isList)
        {
            var failure = ListItems(field, value, out var items);
            if (failure is null)
            {
                var sent = _isContactPoint ? items.FirstOrDefault() : (items.Count == 0 ? null : string.Join(";", items.Select(RecordValue.Text)));
                failure = Write(sent, values);
            }

            return failure;
        }

        return AsScalar(field, ref value) ?? Write(value, values);
    }

    public override ConversionFailure? ConvertText(string field, TextSlice text, object?[] values)
    {
        if (!_pull)
        {
            return Convert(field, text, values);
        }

        if (IsBlankText(text.Span))
        {
            return WriteBlank(values);
        }

        // A list attribute's items are read off the text when written, so the bulk path makes no list and no strings.
        values[_slot] = _isList ? text.Items : text;
        return null;
    }

    protected override ConversionFailure? WritePlaceholder(object?[] values, string placeholder)
    {
        values[_slot] = _pull && _isList ? new ValueList { placeholder } : placeholder;
        return null;
    }

    protected override void WriteClear(object?[] values) => values[_slot] = _pull && _isList ? new ValueList() : null;

    private ConversionFailure? Write(object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return WriteBlank(values);
        }

        values[_slot] = value;
        return null;
    }

    private ConversionFailure? PullList(string field, object? value, object?[] values)
    {
        if (RecordValue.IsBlank(value) || RecordValue.IsPlaceholder(value, SourcePlaceholder))
        {
            return value is IInputRecord ? Failures.NotAValue(field, value) : WriteBlank(values);
        }

        // File text becomes its items as it is written, so the bulk path makes no list and no strings.
        if (value is TextSlice text)
        {
            values[_slot] = text.Items;
            return null;
        }

        var failure = ListItems(field, value, out var items);
        if (failure is null)
        {
            values[_slot] = items;
        }

        return failure;
    }

    /// <summary>The non-blank values of a list, of a ';'-separated text, or of a single value.</summary>
    private static ConversionFailure? ListItems(string field, object? value, out ValueList items)
    {
        if (value is TextSlice slice)
        {
            value = slice.ToString();
        }

        items = new ValueList(value is string ? 1 : 4);
        switch (value)
        {
            case null:
                return null;
            case IInputRecord:
                return Failures.NotAValue(field, value);
            case string text:
                for (var at = 0; ListText.Next(text.AsSpan(), ref at, out var start, out var length);)
                {
                    items.Add(start == 0 && length == text.Length ? text : text.Substring(start, length));
                }

                return null;
            case IReadOnlyList<object?> list:
                foreach (var item in list)
                {
                    if (!RecordValue.IsScalar(item))
                    {
                        return Failures.NotAValue(field, item);
                    }

                    if (!RecordValue.IsBlank(item))
                    {
                        items.Add(item);
                    }
                }

                return null;
            default:
                items.Add(value);
                return null;
        }
    }
}
