using System;
using System.Runtime.CompilerServices;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The members of the object <see cref="JsonRecordParser"/> is reading at one depth: where each name is
/// in the text, and each value; and which of the name sets seen (<see cref="JsonNameSets"/>) the names
/// read so far begin, so that an object of names seen before is named without a look-up.
/// </summary>
internal sealed class JsonMembers
{
    private static readonly string?[] NoneExpected = Array.Empty<string?>();

    private readonly JsonNameSets _sets;
    private Name[] _names = new Name[16];
    private JsonNameSet? _previous;
    private bool _matching;

    /// <summary>The <see cref="JsonNameSet.Comparable"/> names of <see cref="Previous"/> while the names read are its own; else none.</summary>
    private string?[] _expected = NoneExpected;

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
    /// The name the next member has if the object goes on as <see cref="Previous"/> does, when the
    /// text can be compared with it character for character (<see cref="JsonNameSet.Comparable"/>); or null.
    /// </summary>
    public string? Expected
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Count < _expected.Length ? _expected[Count] : null;
    }

    public void Clear()
    {
        Count = 0;
        _matching = _previous is not null;
        _expected = _matching ? _previous!.Comparable : NoneExpected;
    }

    /// <param name="expected">True when the name is <see cref="Expected"/> (the parser compared it with the text).</param>
    public void Add(char[] array, int start, int length, object? value, bool expected)
    {
        if (Count == Values.Length)
        {
            Grow();
        }

        if (_matching && !expected)
        {
            _matching = _sets.Follow(this, new ReadOnlySpan<char>(array, start, length));
            if (!_matching)
            {
                _expected = NoneExpected;
            }
        }

        _names[Count].Set(array, start, length);

        // Mostly the same (pooled) value as in the last object: compared, it is not stored again (no write barrier).
        var values = Values;
        if (!ReferenceEquals(values[Count], value))
        {
            values[Count] = value;
        }

        Count++;
    }

    public ReadOnlySpan<char> NameAt(int i) => _names[i].Span;

    private void Grow()
    {
        var size = Count * 2;
        Array.Resize(ref _names, size);
        var values = Values;
        Array.Resize(ref values, size);
        Values = values;
    }

    /// <summary>Where a member's name is: in the parser's text, or in its buffer of unescaped text.</summary>
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
