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
    private static readonly JsonExpectedName?[] NoneExpected = Array.Empty<JsonExpectedName?>();

    private readonly JsonNameSets _sets;
    private Name[] _names = new Name[16];
    private object?[] _values = new object?[16];
    private int _count;
    private JsonNameSet? _previous;
    private bool _matching;

    /// <summary>How many of the names read are <see cref="Previous"/>'s first names (those are not kept in <see cref="_names"/>).</summary>
    private int _matched;

    /// <summary>The <see cref="JsonNameSet.Comparable"/> names of <see cref="Previous"/> while the names read are its own; else none.</summary>
    private JsonExpectedName?[] _expected = NoneExpected;

    public JsonMembers(JsonNameSets sets)
    {
        _sets = sets;
    }

    public object?[] Values => _values;

    public int Count => _count;

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
    public bool SameAsPrevious => _matching && _count == _previous!.Names.Length; // _matching implies a Previous

    /// <summary>
    /// The name the next member has if the object goes on as <see cref="Previous"/> does, when the
    /// text can be compared with it byte for byte (<see cref="JsonNameSet.Comparable"/>); or null.
    /// </summary>
    public JsonExpectedName? Expected
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count < _expected.Length ? _expected[_count] : null;
    }

    /// <summary>The name <see cref="Expected"/> is.</summary>
    public string ExpectedName => _previous!.Names[_count]; // an Expected implies a Previous

    public void Clear()
    {
        _count = 0;
        _matched = 0;
        _matching = _previous is not null;
        _expected = _matching ? _previous!.Comparable : NoneExpected;
    }

    /// <summary>A member whose name is <see cref="Expected"/> (the parser compared it with the text); the next member's <see cref="Expected"/>.</summary>
    public JsonExpectedName? AddExpected(object? value)
    {
        _matched = _count + 1;
        return AddValue(value);
    }

    /// <summary>A member whose name the parser read (and decoded into <paramref name="array"/>); the next member's <see cref="Expected"/>.</summary>
    public JsonExpectedName? Add(char[] array, int start, int length, object? value)
    {
        if (_matching)
        {
            _matching = _sets.Follow(this, new ReadOnlySpan<char>(array, start, length));
            if (_matching)
            {
                _matched = _count + 1;
            }
            else
            {
                _expected = NoneExpected;
            }
        }

        if (!_matching)
        {
            if (_count == _names.Length)
            {
                Array.Resize(ref _names, _count * 2);
            }

            _names[_count].Set(array, start, length);
        }

        return AddValue(value);
    }

    public ReadOnlySpan<char> NameAt(int i) => i < _matched ? _previous!.Names[i].AsSpan() : _names[i].Span;

    private JsonExpectedName? AddValue(object? value)
    {
        var count = _count;
        var values = _values;
        if (count == values.Length)
        {
            Array.Resize(ref _values, count * 2);
            values = _values;
        }

        // Mostly the same (pooled) value as in the last object: compared, it is not stored again (no write barrier).
        if (!ReferenceEquals(values[count], value))
        {
            values[count] = value;
        }

        _count = ++count;
        return count < _expected.Length ? _expected[count] : null;
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
