using System;
using StageMap.Engine.Conversion;

namespace StageMap.Engine.Drift;

/// <summary>
/// Streamed prospects the join has read but not yet matched: what the join needs of each, copied out of
/// the reader (which reuses its text): its key, its name (for a finding) and its stage. Matched as a batch,
/// their keys' slots of the key set are all asked for first (<see cref="KeySet.Prefetch"/>), so the lookups
/// that follow find them in the cache.
/// </summary>
internal sealed class PendingProspects
{
    private const int ValuesPerRecord = 5; // the key, the three name parts and the stage

    private readonly JoinKey?[] _keys;
    private readonly int[] _actuals;
    private readonly object?[] _values;
    private readonly TextSlice[] _slices;
    private char[] _text = new char[1024];
    private int _textLength;

    public PendingProspects(int capacity)
    {
        Capacity = Math.Max(1, capacity);
        _keys = new JoinKey?[Capacity];
        _actuals = new int[Capacity];
        _values = new object?[Capacity * ValuesPerRecord];
        _slices = new TextSlice[Capacity * ValuesPerRecord];
        for (var i = 0; i < _slices.Length; i++)
        {
            _slices[i] = new TextSlice();
        }
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <param name="keyValue">The key as the record holds it.</param>
    /// <param name="stage">The stage as the record holds it.</param>
    public void Add(object? keyValue, NameParts name, object? stage)
    {
        var at = Count * ValuesPerRecord;
        Keep(at, keyValue);
        Keep(at + 1, name.Whole);
        Keep(at + 2, name.First);
        Keep(at + 3, name.Last);
        Keep(at + 4, stage);
        Count++;
    }

    /// <summary>Sets what the join made of a record: its key as compared (null for none) and its stage as an index of the join's stages.</summary>
    public void SetJoin(int record, JoinKey? key, int actual)
    {
        _keys[record] = key;
        _actuals[record] = actual;
    }

    public JoinKey? KeyAt(int record) => _keys[record];

    public object? StageAt(int record) => _values[(record * ValuesPerRecord) + 4];

    public object? KeyValueAt(int record) => _values[record * ValuesPerRecord];

    public NameParts NameAt(int record)
    {
        var at = record * ValuesPerRecord;
        return new NameParts(_values[at + 1], _values[at + 2], _values[at + 3]);
    }

    public int ActualAt(int record) => _actuals[record];

    public void Clear()
    {
        Array.Clear(_values, 0, Count * ValuesPerRecord);
        Count = 0;
        _textLength = 0;
    }

    /// <summary>
    /// Keeps a value past the reader's next record: text the reader holds is copied; any other value is
    /// kept as it is (a string or a number does not change; a nested record or a list is never shown, as
    /// it is not a single value, whatever it holds by then).
    /// </summary>
    private void Keep(int at, object? value)
    {
        if (value is not TextSlice slice)
        {
            _values[at] = value;
            return;
        }

        var text = slice.Span;
        if (_textLength + text.Length > _text.Length)
        {
            // Earlier values point into the old buffer, which stays as it is: only new text goes to the new one.
            _text = new char[Math.Max(_text.Length * 2, text.Length)];
            _textLength = 0;
        }

        text.CopyTo(_text.AsSpan(_textLength));
        _slices[at].Set(_text, _textLength, text.Length);
        _textLength += text.Length;
        _values[at] = _slices[at];
    }
}
