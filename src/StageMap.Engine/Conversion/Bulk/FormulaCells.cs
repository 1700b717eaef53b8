using System;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// CSV cells a spreadsheet would run as a formula (CSV injection): text starting with =, +, -, @, a tab
/// or a carriage return. Counted as a file is written, for one warning per file; with
/// <see cref="Escape"/> each gets a leading ' so a spreadsheet shows it as text.
/// </summary>
internal sealed class FormulaCells
{
    public const char EscapePrefix = '\'';

    public FormulaCells(bool escape)
    {
        Escape = escape;
    }

    public bool Escape { get; }

    public long Count { get; private set; }

    /// <summary>The row (1 is the header) and column of the first one.</summary>
    public long FirstRow { get; private set; }

    public string FirstColumn { get; private set; } = "";

    public static bool LooksLikeFormula(ReadOnlySpan<char> text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>Counts the cell when it looks like a formula; true when it is to be written with <see cref="EscapePrefix"/> before it.</summary>
    public bool Check(ReadOnlySpan<char> text, long row, string column)
    {
        if (!LooksLikeFormula(text))
        {
            return false;
        }

        if (Count++ == 0)
        {
            FirstRow = row;
            FirstColumn = column;
        }

        return Escape;
    }

    /// <summary>
    /// Adds the cells a part of the file counted (rows formatted apart, numbered from 1), its rows
    /// coming after row <paramref name="rowsBefore"/> of the file (0 when this counts a part too); then
    /// empties <paramref name="part"/>.
    /// </summary>
    public void Absorb(FormulaCells part, long rowsBefore)
    {
        if (part.Count > 0 && Count == 0)
        {
            FirstRow = rowsBefore + part.FirstRow;
            FirstColumn = part.FirstColumn;
        }

        Count += part.Count;
        part.Count = 0;
    }

    /// <summary>The warning for the file, or null when it needs none (no such cell, or they were escaped).</summary>
    public string? Warning(string path) => Count == 0 || Escape ? null : Failures.FormulaCells(path, Count, FirstRow, FirstColumn);
}
