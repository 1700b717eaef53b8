using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// CSV rows copied out of the reader (<see cref="CopiedRows"/>) read through a <see cref="CopiedRow"/> as the
/// reader's own row read when it was on them, after the reader moved on: every field, or only the kept columns
/// of a <see cref="KeptColumns"/>, whatever the row's quoting, length and size, batch after batch, and on
/// several threads at once.
/// </summary>
public class CopiedRowsTests
{
    private const string Header = "Id,LastName,Status,Notes";

    /// <summary>Quoted separators, a doubled quote in the middle of a row, a line break in a field, a short row, a long row, empty fields, padding.</summary>
    private const string Rows =
        "1,\"Dean, \"\"Jr\"\"\",Working,\"two\nlines\"\n" +
        "2,Short\n" +
        "3,Long,x,y,z,extra\n" +
        "4,,  padded  ,\n" +
        "\"5\",\"\"\"\",\"q\"\"q\",\"\"\n" +
        "6,Plain,Open,\"a\"\"b\",\n";

    private static readonly string[] Asked = { "Id", "lastname", "STATUS", "Notes", "Missing", "Notes.x" };

    [Fact]
    public void A_copied_row_reads_as_the_reader_s_own_row_after_the_reader_moved_on()
    {
        using var folder = new TempDirectory();
        var rows = new CopiedRows();
        var expected = CopyAll(folder, Header + "\n" + Rows, rows);
        var view = new CopiedRow();

        Assert.Equal(expected.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i], Read(view.MoveTo(rows, i)));
        }

        var first = view.MoveTo(rows, 0);
        Assert.Equal("Dean, \"Jr\"", Value(first, "LastName"));
        Assert.Equal("two\nlines", first.Column(3).ToString());
        Assert.Equal(new[] { "6", "Plain", "Open", "a\"b", "" }, view.MoveTo(rows, 5).Fields.Select(f => (string?)f.Value));
        Assert.Equal("Field5", view.MoveTo(rows, 2).Fields.ElementAt(4).Key); // a field past the header is named by its place
        Assert.Same(rows.Header, view.MoveTo(rows, 2).Header);
    }

    [Fact]
    public void Kept_columns_are_copied_and_a_left_column_is_absent_as_though_the_file_had_none()
    {
        using var folder = new TempDirectory();
        var file = folder.File("leads.csv");
        File.WriteAllText(file, Header + "\n" + Rows);
        using var reader = RecordFileReaders.Open(file, RecordFileFormat.Csv, reuseRecords: true);
        var kept = new KeptColumns(reader.Header!, new[] { "notes", "ID", "Other.Thing" });
        var rows = new CopiedRows(kept);
        var asReadKept = new List<List<(bool, string?, int)>>();
        foreach (var item in reader.Read())
        {
            var row = (CsvRow)item.Record;
            rows.Add(row);
            asReadKept.Add(Asked.Select(name => name is "Id" or "Notes" ? Ask(row, name) : (false, (string?)null, -1)).ToList());
        }

        Assert.Equal(new[] { 0, 3 }, kept.Columns);
        Assert.Equal(new[] { 0, -1, -1, 1 }, kept.SlotOfColumn);
        var view = new CopiedRow();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = view.MoveTo(rows, i);
            Assert.Equal(asReadKept[i], Asked.Select(name => Ask(row, name)));
            Assert.Same(kept, row.Header);
            Assert.Equal(4, row.HeaderCount);
            Assert.Equal(Keys(row.Fields), Keys(row.Snapshot().Fields));
            Assert.DoesNotContain("LastName", Keys(row.Fields));
            Assert.Equal(row.Fields.Select(f => f.Value), row.Snapshot().Fields.Select(f => f.Value));
        }

        Assert.Equal(new[] { "Id" }, Keys(view.MoveTo(rows, 1).Fields)); // the short row does not reach Notes
        Assert.Equal("two\nlines", Value(view.MoveTo(rows, 0), "Notes"));
        Assert.Equal("a\"b", Value(view.MoveTo(rows, 5), "notes"));
    }

    [Fact]
    public void A_column_the_file_has_past_a_doubled_quote_is_copied_by_its_own_run()
    {
        using var folder = new TempDirectory();
        var text = new StringBuilder("A,B,C,D,E\n");
        text.Append("a1,\"b\"\"1\",c1,\"d,1\",e1\n");
        text.Append("\"\"\"a2\",b2,\"c\"\"2\"\"\",d2,\"e\"\"\"\n");
        text.Append(",,,,\n");
        text.Append("a4,b4,c4,d4,e4\n");
        foreach (var keptNames in new[] { new[] { "A", "B", "C", "D", "E" }, new[] { "A", "C", "E" }, new[] { "B", "D" }, new[] { "E" } })
        {
            var kept = KeptOf("A,B,C,D,E", keptNames);
            var rows = new CopiedRows(kept);
            var expected = CopyAll(folder, text.ToString(), rows);
            var view = new CopiedRow();
            for (var i = 0; i < rows.Count; i++)
            {
                var row = view.MoveTo(rows, i);
                Assert.Equal(
                    keptNames.Select(name => expected[i].Single(e => e.Name == name).Value),
                    keptNames.Select(name => Value(row, name)));
            }
        }
    }

    [Fact]
    public void The_buffers_grow_with_the_rows_and_a_cleared_copy_shows_only_its_new_rows()
    {
        using var folder = new TempDirectory();
        var rows = new CopiedRows();
        var view = new CopiedRow();
        var wide = string.Join(",", Enumerable.Range(0, 300).Select(i => $"C{i}"));
        foreach (var (count, width) in new[] { (200, 300), (3, 300), (100, 40) })
        {
            var text = new StringBuilder(wide).Append('\n');
            for (var r = 0; r < count; r++)
            {
                text.Append(string.Join(",", Enumerable.Range(0, width).Select(c => c % 7 == 0 ? $"\"v{r}\"\"{c}\"" : $"v{r}-{c}{new string('x', c % 50)}"))).Append('\n');
            }

            rows.Clear();
            var expected = CopyAll(folder, text.ToString(), rows);
            Assert.Equal(count, rows.Count);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(expected[i], Read(view.MoveTo(rows, i)));
                Assert.Equal(width, view.Count);
            }
        }

        Assert.True(rows.Text.Length > 16 * 1024);
    }

    [Fact]
    public async Task Two_threads_read_one_copy_through_views_of_their_own()
    {
        using var folder = new TempDirectory();
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 500; i++)
        {
            text.Append(FormattableString.Invariant($"{i},\"Last \"\"{i}\"\"\",Status {i % 7},{new string('n', i % 13)}\n"));
        }

        foreach (var kept in new[] { null, KeptOf(Header, new[] { "Id", "Status" }) })
        {
            var rows = new CopiedRows(kept);
            var expected = CopyAll(folder, text.ToString(), rows);
            var asked = kept is null ? Asked : new[] { "Id", "Status" };
            var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                var view = new CopiedRow();
                var seen = new List<List<string?>>();
                for (var pass = 0; pass < 20; pass++)
                {
                    for (var i = 0; i < rows.Count; i++)
                    {
                        var row = view.MoveTo(rows, i);
                        seen.Add(asked.Select(name => row.ColumnOf(name) is var c and >= 0 ? row.Column(c).ToString() : Value(row, name)).ToList());
                    }
                }

                return seen;
            })).ToArray();
            var want = Enumerable.Repeat(expected.Select(e => asked.Select(name => e.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)).Value).ToList()), 20).SelectMany(r => r).ToList();
            foreach (var seen in await Task.WhenAll(readers))
            {
                Assert.Equal(want, seen);
            }
        }
    }

    [Fact]
    public void Drift_keeps_every_column_its_pull_plan_binds_so_the_plan_reads_the_copy_as_it_reads_the_file()
    {
        var configuration = StageMap.Fuzz.FuzzTargets.StandardConfiguration();
        var stages = new DriftStages(configuration, CrmObject.Lead);
        var plan = ConversionPlan.Create(configuration, CrmObject.Lead, ConversionDirection.Pull);
        using var folder = new TempDirectory();
        var file = folder.File("leads.csv");
        var names = plan.SourceFields.Concat(new[] { "Unread", "Id", "Other" }).Distinct(StringComparer.OrdinalIgnoreCase).Reverse().ToArray();
        File.WriteAllText(file, string.Join(",", names) + "\n" + string.Join(",", names.Select((_, i) => $"v{i}")) + "\n");
        using var reader = RecordFileReaders.Open(file, RecordFileFormat.Csv, reuseRecords: true);
        var kept = new KeptColumns(reader.Header!, stages.FieldsRead.Concat(DriftRecords.CrmFieldsRead(null)));
        var rows = new CopiedRows(kept);
        ColumnBinding? fromFile = null;
        foreach (var item in reader.Read())
        {
            rows.Add((CsvRow)item.Record);
            fromFile = ColumnBinding.Bind((CsvRow)item.Record, ConversionPlan.IdField, plan.Rules);
        }

        var fromCopy = ColumnBinding.Bind(new CopiedRow().MoveTo(rows, 0), ConversionPlan.IdField, plan.Rules);
        Assert.Equal(fromFile!.RuleColumns, fromCopy.RuleColumns);
        Assert.Equal(fromFile.RuleFields, fromCopy.RuleFields);
        Assert.Equal(fromFile.IdColumn, fromCopy.IdColumn);
        Assert.Contains(fromCopy.RuleColumns, c => c >= 0);
        Assert.False(kept.Keeps(Array.IndexOf(names, "Unread")));
    }

    private static KeptColumns KeptOf(string header, IEnumerable<string> names) => new(header.Split(','), names);

    /// <summary>Copies every row of the CSV text into <paramref name="rows"/>, giving each row's fields as the reader's row read then.</summary>
    private static List<List<(string Name, string? Value)>> CopyAll(TempDirectory folder, string text, CopiedRows rows)
    {
        var file = folder.File($"copy-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, text);
        var expected = new List<List<(string, string?)>>();
        using (var reader = RecordFileReaders.Open(file, RecordFileFormat.Csv, reuseRecords: true))
        {
            foreach (var item in reader.Read())
            {
                var row = (CsvRow)item.Record;
                rows.Add(row);
                expected.Add(Read(row));
            }
        }

        File.Delete(file);
        return expected;
    }

    /// <summary>A row's fields by every way there is to read them, which must agree: its fields, its snapshot, each asked name, each column.</summary>
    private static List<(string Name, string? Value)> Read(IColumnRecord row)
    {
        var fields = row.Fields.Select(f => (f.Key, (string?)f.Value!.ToString())).ToList();
        Assert.Equal(fields, ((IReusedRecord)row).Snapshot().Fields.Select(f => (f.Key, (string?)f.Value!.ToString())));
        for (var c = 0; c < Math.Min(row.Count, row.HeaderCount); c++)
        {
            Assert.Equal(fields[c].Item2, row.Column(c).ToString());
        }

        return fields.Concat(Asked.Select(name => ("?" + name, (string?)$"{Ask(row, name)}"))).ToList();
    }

    private static (bool Found, string? Value, int Column) Ask(IColumnRecord row, string name)
    {
        var found = row.TryGetValue(name, out var value);
        return (found, value?.ToString(), row.ColumnOf(name) is var c && c < row.Count ? c : -2);
    }

    private static string? Value(IInputRecord row, string name) => row.TryGetValue(name, out var value) ? value?.ToString() : null;

    private static string[] Keys(IEnumerable<KeyValuePair<string, object?>> fields) => fields.Select(f => f.Key).ToArray();
}
