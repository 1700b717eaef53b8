namespace StageMap.Engine.Conversion;

/// <summary>
/// A record whose fields are the columns of a file (a CSV row): every record of the file shares one
/// header, so a conversion finds its fields' positions once per header (<see cref="ColumnBinding"/>) and
/// reads each field by position, not by name.
/// </summary>
internal interface IColumnRecord : IInputRecord
{
    /// <summary>The header: the same object for every record of one file, a different one for another file.</summary>
    object Header { get; }

    /// <summary>The columns the header names.</summary>
    int HeaderCount { get; }

    /// <summary>The fields this record has (a ragged row has more or fewer than the header names).</summary>
    int Count { get; }

    /// <summary>
    /// The column of the header's field of this name, found as <see cref="IInputRecord.TryGetValue"/> finds it
    /// (ignoring case, the first of a name given twice), or -1. Safe to ask from several threads at once.
    /// </summary>
    int ColumnOf(string field);

    /// <summary>The text of field <paramref name="column"/> (below <see cref="Count"/>), valid until the reader moves on.</summary>
    TextSlice Column(int column);
}
