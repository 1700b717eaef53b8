using System;
using System.Runtime.CompilerServices;
using System.Text;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A member's name as <see cref="JsonRecordParser"/> expects to find it in the text: the UTF-8 of a
/// name that holds none of a string's stops, and the quote that closes it. Text equal to it (after the
/// opening quote) is that name, read as the parser would read it.
/// </summary>
internal sealed class JsonExpectedName
{
#if NET8_0_OR_GREATER
    /// <summary>The first sixteen bytes, and which of them are the name's: most names are compared in one vector.</summary>
    private readonly Vector128<byte> _head;
    private readonly Vector128<byte> _headMask;
#endif
    private readonly byte[] _utf8;

    public JsonExpectedName(string name)
    {
        _utf8 = Encoding.UTF8.GetBytes(name + "\"");
#if NET8_0_OR_GREATER
        var head = new byte[Vector128<byte>.Count];
        var mask = new byte[Vector128<byte>.Count];
        for (var i = 0; i < head.Length && i < _utf8.Length; i++)
        {
            head[i] = _utf8[i];
            mask[i] = 0xFF;
        }

        _head = Vector128.Create(head);
        _headMask = Vector128.Create(mask);
#endif
    }

    /// <summary>How many bytes the name and its closing quote take.</summary>
    public int Length => _utf8.Length;

    /// <summary>True when the text at <paramref name="at"/> is this name and its closing quote (the caller made sure the text holds <see cref="Length"/> bytes there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAt(byte[] text, int at)
    {
#if NET8_0_OR_GREATER
        if (Vector128.IsHardwareAccelerated && at <= text.Length - Vector128<byte>.Count)
        {
            var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(text), (nuint)at);
            return ((block ^ _head) & _headMask) == Vector128<byte>.Zero
                && (_utf8.Length <= Vector128<byte>.Count || Rest(text, at));
        }
#endif
        return new ReadOnlySpan<byte>(text, at, _utf8.Length).SequenceEqual(_utf8);
    }

#if NET8_0_OR_GREATER
    private bool Rest(byte[] text, int at) =>
        new ReadOnlySpan<byte>(text, at + Vector128<byte>.Count, _utf8.Length - Vector128<byte>.Count).SequenceEqual(new ReadOnlySpan<byte>(_utf8, Vector128<byte>.Count, _utf8.Length - Vector128<byte>.Count));
#endif
}
