using System;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Engine.Drift;

/// <summary>
/// Rows of the held CRM file copied out of the CSV reader (<see cref="CopiedRows"/>, the columns the join and
/// the pull read), so that another thread can work out their pull outcomes while the reader goes on; with
/// what the join made of each row.
/// </summary>
internal sealed class CrmRowBatch
{
    private readonly CopiedRows _rows;
    private readonly ConversionFailure?[] _failures;

    public CrmRowBatch(KeptColumns kept, int capacity)
    {
        _rows = new CopiedRows(kept);
        Capacity = Math.Max(1, capacity);
        _failures = new ConversionFailure?[Capacity];
        Keys = new JoinKey?[Capacity];
        Held = new bool[Capacity];
        Outcomes = new int[Capacity];
    }

    public int Capacity { get; }

    public int Count => _rows.Count;

    public bool IsFull => Count == Capacity;

    /// <summary>Each row's key as the join compares it (null for none), set by the joining thread.</summary>
    public JoinKey?[] Keys { get; }

    /// <summary>Whether each row's key went into the key set (its payload is that row's outcome).</summary>
    public bool[] Held { get; }

    /// <summary>Each row's interned pull outcome, set by the thread that works them out.</summary>
    public int[] Outcomes { get; }

    /// <summary>Copies the row the reader is on, with why it is not a record when it is not.</summary>
    public void Add(CsvRow row, ConversionFailure? failure)
    {
        _failures[Count] = failure;
        _rows.Add(row);
    }

    public void Clear()
    {
        Array.Clear(_failures, 0, Count);
        _rows.Clear();
    }

    public ConversionFailure? FailureAt(int row) => _failures[row];

    /// <summary>Row <paramref name="row"/> shown through <paramref name="view"/> (valid until the view moves).</summary>
    public CopiedRow RowAt(int row, CopiedRow view) => view.MoveTo(_rows, row);
}
