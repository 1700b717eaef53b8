using System.Collections.Generic;

namespace StageMap.Engine.Conversion;

/// <summary>
/// A plan's fields found in one file's header, once for the file: the column of the record id and, for
/// each rule, the column of the first of its source fields the header names (-1 for none), with that
/// field's name as the rule would have asked for it. Made once and never changed, so threads converting
/// records of the same file can share it.
/// </summary>
internal sealed class ColumnBinding
{
    private ColumnBinding(object header, int headerCount, int idColumn, int[] ruleColumns, string[] ruleFields)
    {
        Header = header;
        HeaderCount = headerCount;
        IdColumn = idColumn;
        RuleColumns = ruleColumns;
        RuleFields = ruleFields;
    }

    /// <summary>The header this binding was made for (<see cref="IColumnRecord.Header"/>).</summary>
    public object Header { get; }

    /// <summary>The columns the header names: a record with as many fields has every column found here.</summary>
    public int HeaderCount { get; }

    public int IdColumn { get; }

    public int[] RuleColumns { get; }

    public string[] RuleFields { get; }

    public static ColumnBinding Bind(IColumnRecord record, string idSource, IReadOnlyList<FieldRule> rules)
    {
        var columns = new int[rules.Count];
        var fields = new string[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            columns[i] = -1;
            fields[i] = "";
            foreach (var source in rules[i].SourceFields)
            {
                var column = record.ColumnOf(source);
                if (column >= 0)
                {
                    columns[i] = column;
                    fields[i] = source;
                    break;
                }
            }
        }

        return new ColumnBinding(record.Header, record.HeaderCount, record.ColumnOf(idSource), columns, fields);
    }

    /// <summary>True when <paramref name="record"/> is of this binding's header and has every column it names.</summary>
    public bool Fits(IColumnRecord record) => ReferenceEquals(record.Header, Header) && record.Count == HeaderCount;
}
