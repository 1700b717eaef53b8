using System;
using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Conversion;

/// <summary>
/// One field mapping applied in one direction: the steps for a field of
/// docs/design.md, Conversion. A rule reads its source
/// field, decides whether the value is blank (step 1), and writes the placeholder (2), nothing (3), a
/// clearing blank (4) or the converted value into the record's output slots.
/// </summary>
internal abstract class FieldRule
{
    protected FieldRule(FieldMapping mapping, ConversionDirection direction)
    {
        Mapping = mapping;
        var options = mapping.Options;
        var pull = direction == ConversionDirection.Pull;
        SourcePlaceholder = pull ? options.ExternalEmptyPlaceholder : options.InternalEmptyPlaceholder;
        TargetPlaceholder = pull ? options.InternalEmptyPlaceholder : options.ExternalEmptyPlaceholder;
        SkipEmpty = pull ? options.SkipEmptyOnPull : options.SkipEmptyOnPush;
    }

    public FieldMapping Mapping { get; }

    /// <summary>The input fields this rule reads, in the order it tries them.</summary>
    public IReadOnlyList<string> SourceFields => Sources;

    /// <summary><see cref="SourceFields"/>, set by the rule's constructor (an array: read for every record).</summary>
    protected string[] Sources { get; set; } = Array.Empty<string>();

    /// <summary>A source value equal to this is blank (step 1): the other side's placeholder.</summary>
    protected string? SourcePlaceholder { get; }

    /// <summary>Written for a blank (step 2): the placeholder of the side written to.</summary>
    protected string? TargetPlaceholder { get; }

    /// <summary>A blank is left out (step 3): SkipEmptyOnPull or SkipEmptyOnPush, by direction.</summary>
    protected bool SkipEmpty { get; }

    /// <summary>Converts the rule's field of <paramref name="record"/> into <paramref name="values"/>.</summary>
    /// <returns>False when the record carries none of <see cref="SourceFields"/>; then nothing is written.</returns>
    public bool Apply(IInputRecord record, object?[] values, out ConversionFailure? failure)
    {
        if (!TryRead(record, out var field, out var value))
        {
            failure = null;
            return false;
        }

        failure = Convert(field, value, values);
        return true;
    }

    /// <summary>Converts <paramref name="value"/>, which the record carries as <paramref name="field"/> (one of <see cref="SourceFields"/>).</summary>
    public abstract ConversionFailure? Convert(string field, object? value, object?[] values);

    /// <summary>
    /// <see cref="Convert"/> for a value that is file text (a CSV cell): what a rule does most, so a rule
    /// may do it with fewer questions about the value's kind. The bytes it writes are those of <see cref="Convert"/>.
    /// </summary>
    public virtual ConversionFailure? ConvertText(string field, TextSlice text, object?[] values) => Convert(field, text, values);

    /// <summary>File text that is blank (white space only) or the other side's placeholder (step 1).</summary>
    protected bool IsBlankText(ReadOnlySpan<char> text)
    {
        // Most cells start with a character that is not white space: one comparison decides.
        if (text.Length == 0 || ((text[0] <= ' ' || text[0] >= '\u0085') && text.IsWhiteSpace()))
        {
            return true;
        }

        var placeholder = SourcePlaceholder;
        return placeholder is not null && text.Length == placeholder.Length && text.SequenceEqual(placeholder.AsSpan());
    }

    /// <summary>Steps 2 to 4 for a blank value.</summary>
    protected ConversionFailure? WriteBlank(object?[] values)
    {
        if (TargetPlaceholder is not null)
        {
            return WritePlaceholder(values, TargetPlaceholder);
        }

        if (!SkipEmpty)
        {
            WriteClear(values);
        }

        return null;
    }

    protected abstract ConversionFailure? WritePlaceholder(object?[] values, string placeholder);

    protected abstract void WriteClear(object?[] values);

    /// <summary>The first source field the record carries.</summary>
    protected bool TryRead(IInputRecord record, out string field, out object? value)
    {
        var sources = Sources;
        for (var i = 0; i < sources.Length; i++)
        {
            if (record.TryGetValue(sources[i], out value))
            {
                field = sources[i];
                return true;
            }
        }

        field = "";
        value = null;
        return false;
    }

    /// <summary>A one-value list is that value and an empty one is blank; an object or a longer list is not a value.</summary>
    protected static ConversionFailure? AsScalar(string field, ref object? value)
    {
        if (value is null || value is string || value is TextSlice)
        {
            return null;
        }

        if (value is IReadOnlyList<object?> list && list.Count <= 1)
        {
            value = list.Count == 0 ? null : list[0];
        }

        return RecordValue.IsScalar(value) ? null : Failures.NotAValue(field, value);
    }
}
