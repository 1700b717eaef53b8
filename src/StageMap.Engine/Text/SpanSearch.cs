using System;

namespace StageMap.Engine.Text;

/// <summary>Searches of text that take time in proportion to how far they look, on every runtime.</summary>
internal static class SpanSearch
{
    // Past this a wider window saves nothing, and the doubling stops before it could overflow.
    private const int MaxWindow = 8 * 1024;

    /// <summary>Where the first of <paramref name="values"/> is in <paramref name="text"/>; -1 when none is.</summary>
    /// <remarks>
    /// .NET finds any of several characters in one pass that stops at the first. System.Memory, which the
    /// netstandard2.0 build runs on under Windows PowerShell 5.1 (and Mono), looks for more than three
    /// values one value at a time, each over the whole span: a value at hand costs a search for each other
    /// value to the end of the buffer, and text full of them takes time in the square of its length.
    /// Searching windows that double from a few characters keeps each search in proportion to the
    /// distance to what it finds, on both.
    /// </remarks>
    public static int IndexOfAny(ReadOnlySpan<char> text, ReadOnlySpan<char> values)
    {
        var from = 0;
        var window = 256;
        while (from < text.Length)
        {
            var length = Math.Min(window, text.Length - from);
            var found = text.Slice(from, length).IndexOfAny(values);
            if (found >= 0)
            {
                return from + found;
            }

            from += length;
            window = Math.Min(window * 2, MaxWindow);
        }

        return -1;
    }

    /// <summary>How many times <paramref name="value"/> is in <paramref name="text"/>.</summary>
    public static int Count(ReadOnlySpan<char> text, char value)
    {
#if NET8_0_OR_GREATER
        return text.Count(value);
#else
        var count = 0;
        for (var at = text.IndexOf(value); at >= 0; at = text.IndexOf(value))
        {
            count++;
            text = text.Slice(at + 1);
        }

        return count;
#endif
    }
}
