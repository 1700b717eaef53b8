using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif
using StageMap.Engine.Conversion;
using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>
/// A join key as the key set compares it. A Salesforce id is packed into two numbers by its
/// 15-character form (6 bits a character), so a held id costs no string and an 18-character id
/// equals its 15-character spelling; any other key is its text, compared exactly.
/// </summary>
internal readonly struct JoinKey : IEquatable<JoinKey>
{
    private JoinKey(PackedId id, string? text)
    {
        Id = id;
        Text = text;
    }

    /// <summary>The packed id; meaningful when <see cref="Text"/> is null.</summary>
    public PackedId Id { get; }

    /// <summary>The key's text when it is not a Salesforce id.</summary>
    public string? Text { get; }

    /// <summary>The key of a raw value; null for a blank one.</summary>
    public static JoinKey? From(string? raw)
    {
        var text = raw?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return TryPack(text.AsSpan(), out var id) ? new JoinKey(id, null) : new JoinKey(default, text);
    }

    /// <summary>
    /// The key of a value as a record holds it (<see cref="DriftRecords.KeyValue"/>); null for a blank one.
    /// Text where the file reader holds it is packed in place: a held or looked-up id makes no string.
    /// </summary>
    public static JoinKey? From(object? value)
    {
        if (value is not TextSlice slice)
        {
            return From(DriftRecords.Text(value));
        }

        var text = slice.Span.Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return TryPack(text, out var id) ? new JoinKey(id, null) : new JoinKey(default, text.ToString());
    }

    public bool Equals(JoinKey other) => Id.Equals(other.Id) && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is JoinKey other && Equals(other);

    public override int GetHashCode() => Text is null ? Id.GetHashCode() : StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>
    /// Packs an id <see cref="SalesforceId"/> accepts (15 or 18 ASCII letters and digits, an 18-character
    /// id's suffix matching the case of its first 15) by its first 15 characters, checking and packing in
    /// one pass: every key of both files goes through here.
    /// </summary>
    internal static bool TryPack(ReadOnlySpan<char> text, out PackedId id)
    {
        id = default;
        if (text.Length != 15 && text.Length != 18)
        {
            return false;
        }

        ulong high = 0, low = 0;
        var upper = 0; // bit i: character i is an upper-case letter (what the suffix encodes)
        for (var i = 0; i < 15; i++)
        {
            var code = CodeOf(text[i]);
            if (code < 0)
            {
                return false;
            }

            if (i < 10)
            {
                high = (high << 6) | (uint)code;
            }
            else
            {
                low = (low << 6) | (uint)code;
            }

            upper |= (code is >= UpperFirst and < LowerFirst ? 1 : 0) << i;
        }

        for (var block = 0; block < text.Length - 15; block++)
        {
            var c = text[15 + block];
            if (CodeOf(c) < 0 || (c >= 'a' ? (char)(c - 'a' + 'A') : c) != SalesforceId.SuffixAlphabet[(upper >> (block * 5)) & 31])
            {
                return false;
            }
        }

        id = new PackedId(high, low);
        return true;
    }

    private const int UpperFirst = 10;
    private const int LowerFirst = 36;

    /// <summary>A digit as 0-9, an upper-case ASCII letter as 10-35, a lower-case one as 36-61; anything else -1.</summary>
    private static readonly sbyte[] Codes = MakeCodes();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CodeOf(char c) => c < 128 ? Codes[c] : -1;

    private static sbyte[] MakeCodes()
    {
        var codes = Enumerable.Repeat((sbyte)-1, 128).ToArray();
        for (var c = '0'; c <= '9'; c++) codes[c] = (sbyte)(c - '0');
        for (var c = 'A'; c <= 'Z'; c++) codes[c] = (sbyte)(c - 'A' + UpperFirst);
        for (var c = 'a'; c <= 'z'; c++) codes[c] = (sbyte)(c - 'a' + LowerFirst);
        return codes;
    }
}

/// <summary>A 15-character Salesforce id in two numbers: its first ten characters (60 bits) and its last five (30 bits).</summary>
internal readonly struct PackedId : IEquatable<PackedId>
{
    public PackedId(ulong high, ulong low)
    {
        High = high;
        Low = low;
    }

    public ulong High { get; }

    public ulong Low { get; }

    public bool Equals(PackedId other) => High == other.High && Low == other.Low;

    public override bool Equals(object? obj) => obj is PackedId other && Equals(other);

    public override int GetHashCode() => unchecked(((int)High ^ (int)(High >> 32)) * 31 ^ (int)Low);
}

/// <summary>What <see cref="KeySet.TryTake"/> found.</summary>
internal enum KeyTake
{
    /// <summary>The key is not held.</summary>
    Missing,

    /// <summary>The key is held and a record of the other file took it already.</summary>
    TakenBefore,

    /// <summary>The key is held and is now taken.</summary>
    Taken,
}

/// <summary>
/// The held file's keys, each with a small payload (an interned outcome or stage) and whether a record
/// of the other file took it. Ids are kept in a table of 16-byte slots (the id's 90 bits, the payload,
/// the taken and used flags), other keys in a dictionary.
/// </summary>
/// <remarks>
/// The id table is open addressing with linear probing, sized once for the expected number of keys at
/// most three quarters full (so about 21 bytes a key), and doubled only when more keys come than were
/// expected. A Dictionary would take 36 bytes a key (its buckets, and entries padded to 32 bytes).
/// </remarks>
internal sealed class KeySet
{
    private const double MostFull = 0.75;
    private const ulong IdBits = (1UL << 30) - 1;
    private const ulong TakenBit = 1UL << 30;
    private const ulong UsedBit = 1UL << 31;

    private readonly Dictionary<string, int> _texts = new(StringComparer.Ordinal);
    private Slot[] _slots;
    private int _ids;

    /// <param name="capacity">How many keys are expected.</param>
    public KeySet(int capacity = 0)
    {
        _slots = new Slot[SlotsFor(capacity)];
    }

    public int Count => _ids + _texts.Count;

    public bool AllTaken
    {
        get
        {
            foreach (var slot in _slots)
            {
                if ((slot.Low & (UsedBit | TakenBit)) == UsedBit)
                {
                    return false;
                }
            }

            return _texts.Values.All(value => (value & 1) != 0);
        }
    }

    /// <summary>The bytes of the id table: 16 a slot, at least a third more slots than ids.</summary>
    public long IdTableBytes => (long)_slots.Length * 16;

    /// <summary>False when the key is held already.</summary>
    public bool TryAdd(JoinKey key, int payload)
    {
        if (key.Text is { } text)
        {
            if (_texts.ContainsKey(text)) return false;
            _texts.Add(text, payload << 1);
            return true;
        }

        var at = Find(key.Id);
        if ((_slots[at].Low & UsedBit) != 0)
        {
            return false;
        }

        if (_ids + 1 > _slots.Length * MostFull)
        {
            Grow();
            at = Find(key.Id);
        }

        _slots[at] = new Slot(key.Id.High, key.Id.Low | UsedBit | ((ulong)(uint)payload << 32));
        _ids++;
        return true;
    }

    /// <summary>
    /// Sets the payload of a held key (added with a stand-in while its payload was worked out elsewhere).
    /// The key was added a moment ago, so its slot is still in the cache.
    /// </summary>
    public void SetPayload(JoinKey key, int payload)
    {
        if (key.Text is { } text)
        {
            _texts[text] = (payload << 1) | (_texts[text] & 1);
            return;
        }

        ref var slot = ref _slots[Find(key.Id)];
        slot = new Slot(slot.High, (slot.Low & 0xFFFFFFFFUL) | ((ulong)(uint)payload << 32));
    }

    /// <summary>
    /// Asks the processor to bring the slot where the key's search starts into the cache, so a lookup of
    /// it a few keys later does not wait for memory: the table is far larger than the cache and keys land
    /// anywhere in it. Changes nothing (a hint only, and none where the processor has no such instruction).
    /// </summary>
#pragma warning disable CA1822 // reads the table where the processor can prefetch; netstandard2.0 has no such instruction
    public void Prefetch(JoinKey key)
    {
#if NET8_0_OR_GREATER
        if (key.Text is null && Sse.IsSupported)
        {
            unsafe
            {
                fixed (Slot* slot = &_slots[Home(key.Id)])
                {
                    Sse.Prefetch0(slot);
                }
            }
        }
#endif
    }
#pragma warning restore CA1822

    /// <summary>Takes a held key that no record took yet; <paramref name="payload"/> is its payload when it is held.</summary>
    public KeyTake TryTake(JoinKey key, out int payload)
    {
        if (key.Text is { } text)
        {
            if (!_texts.TryGetValue(text, out var value))
            {
                payload = 0;
                return KeyTake.Missing;
            }

            payload = value >> 1;
            if ((value & 1) != 0)
            {
                return KeyTake.TakenBefore;
            }

            _texts[text] = value | 1;
            return KeyTake.Taken;
        }

        ref var slot = ref _slots[Find(key.Id)];
        payload = (int)(uint)(slot.Low >> 32);
        if ((slot.Low & UsedBit) == 0)
        {
            return KeyTake.Missing;
        }

        if ((slot.Low & TakenBit) != 0)
        {
            return KeyTake.TakenBefore;
        }

        slot = new Slot(slot.High, slot.Low | TakenBit);
        return KeyTake.Taken;
    }

    /// <summary>
    /// Whether a record of the other file took the key, as seen from a thread that only reads while the
    /// join takes keys: keys are not added then, and a key once taken stays taken, so true is final and
    /// false may be out of date. A key that is not an id is never seen taken (its dictionary is not read).
    /// </summary>
    public bool SeenTaken(JoinKey key)
    {
        if (key.Text is not null)
        {
            return false;
        }

        // The join changes only the taken bit of a slot then, so a read of its low half sees it set or not
        // (even split in two 32-bit reads); a stale read only makes the caller look at the key again later.
        var low = _slots[Find(key.Id)].Low;
        return (low & (UsedBit | TakenBit)) == (UsedBit | TakenBit);
    }

    private static int SlotsFor(long keys) => (int)Math.Min(Math.Max(16, (long)(keys / MostFull) + 1), 0x7FFFFFC7);

    /// <summary>The slot that holds the id, or the free slot where it would go.</summary>
    private int Find(PackedId id)
    {
        var slots = _slots;
        var at = Home(id);
        while (true)
        {
            var low = slots[at].Low;
            if ((low & UsedBit) == 0 || (slots[at].High == id.High && (low & IdBits) == id.Low))
            {
                return at;
            }

            if (++at == slots.Length)
            {
                at = 0;
            }
        }
    }

    /// <summary>The slot where the search for the id starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(PackedId id)
    {
        // Multiplying by odd constants carries every bit of the id into the top 32, which then pick the slot.
        var mixed = unchecked((id.High ^ (id.Low * 0xC2B2AE3D27D4EB4FUL)) * 0x9E3779B97F4A7C15UL);
        return (int)(((mixed >> 32) * (ulong)_slots.Length) >> 32);
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[Math.Min((long)old.Length * 2, 0x7FFFFFC7)];
        foreach (var slot in old)
        {
            if ((slot.Low & UsedBit) != 0)
            {
                _slots[Find(new PackedId(slot.High, slot.Low & IdBits))] = slot;
            }
        }
    }

    /// <summary>An id's first 60 bits; its last 30, the taken and used flags and the payload.</summary>
    private readonly struct Slot
    {
        public Slot(ulong high, ulong low)
        {
            High = high;
            Low = low;
        }

        public ulong High { get; }

        public ulong Low { get; }
    }
}
