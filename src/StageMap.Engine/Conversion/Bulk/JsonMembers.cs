using System;
using System.Runtime.CompilerServices;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The members of the object <see cref="JsonRecordParser"/> is reading at one depth: each name (while
/// the names are those of a set seen, that set's; else where the parser decoded it) and each value; and which of the name sets seen (<see cref="JsonNameSets"/>) the names
/// read so far begin, so that an object of names seen before is named without a look-up.
/// </summary>
internal sealed class JsonMembers
{
    private static readonly byte[]?[] NoneExpected = Array.Empty<byte[]?>();

    private readonly JsonNameSets _sets;
    private Name[] _names = new Name[16];
    private JsonNameSet? _previous;
    private bool _matching;

    /// <summary>How many of the names read are <see cref="Previous"/>'s first names (those are not kept in <see cref="_names"/>).</summary>
    private int _matched;

    /// <summary>The <see cref="JsonNameSet.Comparable"/> names of <see cref="Previous"/> while the names read are its own; else none.</summary>
    private byte[]?[] _expected = NoneExpected;

    public JsonMembers(JsonNameSets sets)
    {
        _sets = sets;
    }

    public object?[] Values { get; private set; } = new object?[16];

    public int Count { get; private set; }

    /// <summary>
    /// The set the names read so far begin: at first the last one built at this depth (objects at one
    /// depth mostly repeat the names of the one before them), then any seen whose names begin the same.
    /// </summary>
    public JsonNameSet? Previous
    {
        get => _previous;
        set
        {
            _previous = value;
            _expected = _matching && value is not null ? value.Comparable : NoneExpected;
        }
    }

    /// <summary>True when the names read are all those of <see cref="Previous"/>, in order.</summary>
    public bool SameAsPrevious => _matching && Count == _previous!.Names.Length; // _matching implies a Previous

    /// <summary>
    /// The name the next member has if the object goes on as <see cref="Previous"/> does, as the UTF-8
    /// of the name and its closing quote, when the text can be compared with it byte for byte
    /// (<see cref="JsonNameSet.Comparable"/>); or null.
    /// </summary>
    public byte[]? Expected
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Count < _expected.Length ? _expected[Count] : null;
    }

    /// <summary>The name <see cref="Expected"/> is the bytes of.</summary>
    public string ExpectedName => _previous!.Names[Count]; // an Expected implies a Previous

    public void Clear()
    {
        Count = 0;
        _matched = 0;
        _matching = _previous is not null;
        _expected = _matching ? _previous!.Comparable : NoneExpected;
    }

    /// <summary>A member whose name is <see cref="Expected"/> (the parser compared it with the text); the next member's <see cref="Expected"/>.</summary>
    public byte[]? AddExpected(object? value)
    {
        var count = Count;
        _matched = count + 1;
        AddValue(value);
        return count + 1 < _expected.Length ? _expected[count + 1] : null;
    }

    /// <summary>A member whose name the parser read (and decoded into <paramref name="array"/>); the next member's <see cref="Expected"/>.</summary>
    public byte[]? Add(char[] array, int start, int length, object? value)
    {
        if (_matching)
        {
            _matching = _sets.Follow(this, new ReadOnlySpan<char>(array, start, length));
            if (_matching)
            {
                _matched = Count + 1;
            }
            else
            {
                _expected = NoneExpected;
            }
        }

        if (!_matching)
        {
            if (Count == _names.Length)
            {
                Array.Resize(ref _names, Count * 2);
            }

            _names[Count].Set(array, start, length);
        }

        AddValue(value);
        return Expected;
    }

    public ReadOnlySpan<char> NameAt(int i) => i < _matched ? _previous!.Names[i].AsSpan() : _names[i].Span;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddValue(object? value)
    {
        var values = Values;
        if (Count == values.Length)
        {
            Array.Resize(ref values, Count * 2);
            Values = values;
        }

        // Mostly the same (pooled) value as in the last object: compared, it is not stored again (no write barrier).
        if (!ReferenceEquals(values[Count], value))
        {
            values[Count] = value;
        }

        Count++;
    }

    /// <summary>Where a member's name is: in the parser's buffer of decoded text.</summary>
    private struct Name
    {
        private char[] _array;
        private int _start;
        private int _length;

        public readonly ReadOnlySpan<char> Span => new(_array, _start, _length);

        public void Set(char[] array, int start, int length)
        {
            // Mostly the same text buffer as in the last object: compared, it is not stored again (no write barrier).
            if (!ReferenceEquals(_array, array))
            {
                _array = array;
            }

            _start = start;
            _length = length;
        }
    }
}
