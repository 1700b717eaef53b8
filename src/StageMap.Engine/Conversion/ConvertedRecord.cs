using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A converted record: a value for each of the plan's <see cref="ConversionPlan.OutputFields"/> that
/// the conversion wrote. A field it left out (a skipped blank, a field the input did not carry) is not
/// there; a field it cleared is there with a null value (an empty list for a list field).
/// </summary>
public sealed class ConvertedRecord
{
    internal static readonly object Omitted = new();

    private readonly object?[] _values;

    internal ConvertedRecord(ConversionPlan plan, object?[] values)
    {
        Plan = plan;
        _values = values;
    }

    public ConversionPlan Plan { get; }

    internal object?[] Values => _values;

    /// <summary>The fields written, in the plan's order.</summary>
    public IEnumerable<KeyValuePair<string, object?>> Fields
    {
        get
        {
            for (var i = 0; i < _values.Length; i++)
            {
                if (!ReferenceEquals(_values[i], Omitted))
                {
                    yield return new KeyValuePair<string, object?>(Plan.OutputFields[i], RecordValue.Detach(_values[i]));
                }
            }
        }
    }

    /// <summary>The number of output fields (written or not); see <see cref="IsWritten"/>.</summary>
    public int SlotCount => _values.Length;

    public bool IsWritten(int slot) => !ReferenceEquals(_values[slot], Omitted);

    public object? ValueAt(int slot) => RecordValue.Detach(RawValueAt(slot));

    public bool TryGetValue(string field, out object? value)
    {
        var found = TryGetRawValue(field, out value);
        value = RecordValue.Detach(value);
        return found;
    }

    /// <summary>The value as the conversion wrote it: file text stays where the reader holds it (<see cref="TextSlice"/>, <see cref="TextList"/>), for writing it out before the next record.</summary>
    internal object? RawValueAt(int slot) => ReferenceEquals(_values[slot], Omitted) ? null : _values[slot];

    internal bool TryGetRawValue(string field, out object? value)
    {
        var slot = Plan.SlotOf(field);
        if (slot >= 0 && IsWritten(slot))
        {
            value = _values[slot];
            return true;
        }

        value = null;
        return false;
    }

    public object? this[string field] => TryGetValue(field, out var value) ? value : null;

    public override string ToString() => string.Join(", ", Fields);
}

/// <summary>The outcome of converting one record: the converted record, or why it could not convert.</summary>
public readonly struct ConversionResult
{
    private ConversionResult(ConvertedRecord? record, ConversionFailure? failure)
    {
        Record = record;
        Failure = failure;
    }

    public ConvertedRecord? Record { get; }

    public ConversionFailure? Failure { get; }

    /// <summary>True with a <see cref="Record"/>, false with a <see cref="Failure"/>: the two constructors allow nothing else.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Record is not null;

    public static ConversionResult Success(ConvertedRecord record) => new(record, null);

    public static ConversionResult Fail(ConversionFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}
