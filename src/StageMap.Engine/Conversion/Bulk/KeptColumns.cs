using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// The columns of a CSV file that <see cref="CopiedRows"/> copies, when not all of them: those named by
/// the fields its readers ask for. A wide export has many more columns than a reader reads, and rows are
/// copied on the reading thread, so the others are left. Made once per file, from every field name any
/// reader of the copied rows asks for (by name or through a plan bound to the header): a copied row shows
/// only the kept columns (<see cref="CopiedRow"/>), so a reader that did not say what it reads would find
/// its field absent.
/// </summary>
internal sealed class KeptColumns
{
    /// <param name="header">The file's column names (checked by the reader: each named once).</param>
    /// <param name="read">The field names the readers ask a row for; a dotted name also keeps the column named by its first part.</param>
    public KeptColumns(IReadOnlyList<string> header, IEnumerable<string> read)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in read)
        {
            wanted.Add(name);
            var dot = name.IndexOf('.');
            if (dot > 0)
            {
                wanted.Add(name.Substring(0, dot));
            }
        }

        var columns = new List<int>();
        SlotOfColumn = new int[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            SlotOfColumn[i] = wanted.Contains(header[i]) ? columns.Count : -1;
            if (SlotOfColumn[i] >= 0)
            {
                columns.Add(i);
            }
        }

        Columns = columns.ToArray();
    }

    /// <summary>The header positions of the kept columns, in order.</summary>
    public int[] Columns { get; }

    /// <summary>For each header position, its place among <see cref="Columns"/>, or -1 when it is left.</summary>
    public int[] SlotOfColumn { get; }

    /// <summary>Whether the column at header position <paramref name="column"/> is kept (one past the header never is).</summary>
    public bool Keeps(int column) => column < SlotOfColumn.Length && SlotOfColumn[column] >= 0;
}
