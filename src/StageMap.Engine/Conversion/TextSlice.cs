using System;
using System.Runtime.CompilerServices;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A field's text where the file reader holds it, so a bulk conversion makes no string of it: valid
/// only until the reader moves to the next record. Rules treat it as a string (see
/// <see cref="RecordValue"/>); whatever keeps a value longer (a converted record read through its
/// public members, a rejected record handed to a caller) gets a string instead.
/// </summary>
internal sealed class TextSlice
{
    private TextList? _items;

    public char[] Buffer { get; private set; } = Array.Empty<char>();

    public int Start { get; private set; }

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Buffer, Start, Length);
    }

    public void Set(char[] buffer, int start, int length)
    {
        // Mostly the same buffer row after row: compared, the reference is not stored again (no write barrier).
        if (!ReferenceEquals(Buffer, buffer))
        {
            Buffer = buffer;
        }

        Start = start;
        Length = length;
    }

    /// <summary>This text as the items of a list attribute (one object per slice, made once: a slice is reused row after row).</summary>
    public TextList Items => _items ??= new TextList(this);

    public override string ToString() => Length == 0 ? string.Empty : new string(Buffer, Start, Length);
}

/// <summary>
/// The items a list attribute (emails, phones, tags) takes from a CRM text, read off the text when
/// written: see <see cref="ListText"/>. A bulk conversion writes this instead of a list of strings; it
/// belongs to its <see cref="TextSlice"/> (<see cref="TextSlice.Items"/>), so rules keep no record's text of their own.
/// </summary>
internal sealed class TextList
{
    public TextList(TextSlice source)
    {
        Source = source;
    }

    public TextSlice Source { get; }

    public ValueList ToValueList()
    {
        var items = new ValueList(1);
        var text = Source.Span;
        for (var at = 0; ListText.Next(text, ref at, out var start, out var length);)
        {
            items.Add(new string(Source.Buffer, Source.Start + start, length));
        }

        return items;
    }
}

/// <summary>
/// How a CRM text becomes the items of a list attribute: split on ';' (Salesforce's multi-select
/// separator), each part trimmed of white space, blank parts dropped.
/// </summary>
internal static class ListText
{
    /// <summary>The next item at or after <paramref name="at"/>: its start and length in <paramref name="text"/>.</summary>
    public static bool Next(ReadOnlySpan<char> text, ref int at, out int start, out int length)
    {
        while (at <= text.Length)
        {
            var end = text.Slice(at).IndexOf(';');
            end = end < 0 ? text.Length : at + end;
            start = at;
            var stop = end;
            while (start < stop && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (stop > start && char.IsWhiteSpace(text[stop - 1]))
            {
                stop--;
            }

            at = end + 1;
            if (stop > start)
            {
                length = stop - start;
                return true;
            }
        }

        start = length = 0;
        return false;
    }
}
