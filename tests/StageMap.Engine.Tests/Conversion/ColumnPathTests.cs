using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Fuzz;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>
/// A CSV row converts by column (the plan finds its fields in the file's header once) and goes out
/// through the flat JSON writer (eight and sixteen characters at a time on .NET): the bytes, rejects,
/// counts and warnings are those of the path before it (rows found by name, Json.NET's writer:
/// Reference/), whatever the cells hold and wherever, whatever the header's order, its missing columns,
/// its odd or repeated names; and a plan converts on two threads at once as it does on one.
/// </summary>
public class ColumnPathTests
{
    private const string LeadHeader = "Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status";

    private static readonly StageMapConfiguration Configuration = FuzzTargets.StandardConfiguration();

    /// <summary>Every class of character the JSON writer treats apart: escaped, plain, encoded, white space, the list separator.</summary>
    private static readonly string[] Others =
    {
        "\"", "\\", "\n", "\r", "\r\n", "\t", "\b", "\f", "\u0001", "\u001F", " ", "\u007F", "\u0080", "é", "\u0085", "\u00A0",
        "\u2028", "\u2029", "\u4E0A", "\U0001F600", ",", ";", "/", "<",
    };

    private static readonly string[] Statuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };

    [Fact]
    public void Every_character_class_at_every_offset_around_the_vector_blocks_converts_as_the_general_path_wrote_it()
    {
        var rows = new List<string[]>();
        var n = 0;
        for (var length = 0; length <= 40; length++)
        {
            var plain = Plain(length);
            rows.Add(LeadRow(n++, plain));
            foreach (var other in Others)
            {
                for (var at = 0; at <= length; at++)
                {
                    rows.Add(LeadRow(n++, plain.Insert(at, other)));
                    if (at % 5 == 0)
                    {
                        rows.Add(LeadRow(n++, plain.Insert(at, other + other)));
                    }
                }
            }
        }

        var bytes = Utf8(Csv(LeadHeader.Split(','), rows));
        var pull = ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);
        foreach (var output in new[] { RecordFileFormat.JsonLines, RecordFileFormat.Csv })
        {
            Same(pull, bytes, output, RecordFileFormat.JsonLines);
        }
    }

    [Theory]
    [InlineData("Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status")]
    [InlineData("Status,LeadSource,State,Phone,Company,Title,Email,LastName,FirstName,Id")]
    [InlineData("Company,Status,Id,Email,FirstName,Title,State,LastName,Phone,LeadSource")]
    [InlineData("STATUS,email,ID,firstname,Title,company,PHONE,state,LEADSOURCE,lastName")]
    [InlineData("Notes,Id,FirstName,attributes,LastName,Email,Title,Company,Phone,State,LeadSource,Status,Extra")]
    [InlineData("FirstName,LastName,Email")]
    [InlineData("Id,Title,Company")]
    [InlineData("Id,Status")]
    [InlineData("Notes,Other")]
    [InlineData(" Id,FirstName ,Last Name,E-mail,Titel,Company,Phone,State,Lead Source,Status")]
    [InlineData("Id,Prénom,FirstName,Téléphone,Phone,電話,Status")]
    [InlineData("Id,FirstName,Email,email,Status")]
    [InlineData("Id,FirstName,,Status")]
    [InlineData("Id,Email,Email")]
    public void Any_header_order_missing_columns_and_odd_or_repeated_names_convert_as_the_general_path_did(string header)
    {
        var columns = header.Split(',');
        var random = new Random(header.Length);
        var rows = new List<string[]>();
        for (var i = 0; i < 300; i++)
        {
            var row = columns.Select(c => CellFor(c.Trim(), i, random)).ToList();

            // Ragged rows: one cell too many or too few, which the reader rejects before any conversion.
            if (i % 37 == 5)
            {
                row.Add("extra");
            }
            else if (i % 41 == 7 && row.Count > 1)
            {
                row.RemoveAt(row.Count - 1);
            }

            rows.Add(row.ToArray());
        }

        var bytes = Utf8(Csv(columns, rows));
        foreach (var plan in Plans())
        {
            foreach (var output in new[] { RecordFileFormat.JsonLines, RecordFileFormat.Json, RecordFileFormat.Csv })
            {
                Same(plan, bytes, output, RecordFileFormat.Csv);
                Same(plan, bytes, output, RecordFileFormat.JsonLines);
            }
        }
    }

    [Fact]
    public void A_push_reads_the_first_of_its_source_columns_the_header_names()
    {
        var headers = new[]
        {
            "salesforceId,stage,stageName,firstName,lastName,emails,Email,title,company,workPhones,state",
            "salesforceId,stageName,firstName,Emails,workPhones",
            "Email,salesforceId,stage,First Name",
        };
        foreach (var header in headers)
        {
            var columns = header.Split(',');
            var rows = Enumerable.Range(0, 120).Select(i => columns.Select(c => PushCell(c, i)).ToArray()).ToList();
            var bytes = Utf8(Csv(columns, rows));
            foreach (var plan in Plans())
            {
                Same(plan, bytes, RecordFileFormat.JsonLines, RecordFileFormat.Csv);
                Same(plan, bytes, RecordFileFormat.Csv, RecordFileFormat.Csv);
            }
        }
    }

    [Fact]
    public void One_plan_converts_files_of_different_headers_in_turn_as_a_fresh_plan_does_each()
    {
        var first = Utf8(Csv(LeadHeader.Split(','), Enumerable.Range(0, 50).Select(i => LeadRow(i, Plain(i % 20))).ToList()));
        var reordered = "Status,Company,Id,LastName,FirstName,Email".Split(',');
        var second = Utf8(Csv(reordered, Enumerable.Range(0, 50).Select(i => reordered.Select(c => CellFor(c, i, new Random(i))).ToArray()).ToList()));
        var shared = ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);

        foreach (var bytes in new[] { first, second, first, second })
        {
            var fresh = ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);
            Assert.Equal(Convert(fresh, bytes), Convert(shared, bytes));
        }
    }

    [Fact]
    public async Task Two_threads_convert_with_one_plan_and_their_own_buffers_as_one_thread_does()
    {
        var plan = ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);
        var reordered = "Email,Status,Phone,Id,FirstName,Company,LastName,Title,State,LeadSource".Split(',');
        var random = new Random(11);
        var files = new[]
        {
            Utf8(Csv(LeadHeader.Split(','), Enumerable.Range(0, 3000).Select(i => LeadRow(i, Plain(i % 33) + Others[i % Others.Length])).ToList())),
            Utf8(Csv(reordered, Enumerable.Range(0, 3000).Select(i => reordered.Select(c => CellFor(c, i, random)).ToArray()).ToList())),
        };
        var alone = files.Select(f => Convert(ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull), f)).ToArray();

        for (var round = 0; round < 5; round++)
        {
            // Each thread a file of another header, so the plan's binding changes hands all the time.
            var together = await Task.WhenAll(files.Select(f => Task.Run(() => Convert(plan, f))));
            Assert.Equal(alone, together);
        }
    }

    [Fact]
    public async Task A_list_attribute_read_off_file_text_is_its_own_row_s_on_each_thread()
    {
        var plan = ConversionPlan.Create(Configuration, CrmObject.Lead, ConversionDirection.Pull);
        var emails = Enumerable.Range(0, 2000).Select(i => $"a{i}@example.com; b{i}@example.com").ToArray();
        var bytes = Utf8(Csv(new[] { "Id", "Email" }, emails.Select((e, i) => new[] { $"00Q5g00000{i:D8}", e }).ToList()));

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => Convert(plan, bytes))));

        foreach (var result in results)
        {
            var lines = result.Split('\n');
            for (var i = 0; i < emails.Length; i++)
            {
                Assert.Contains($"\"emails\":[\"a{i}@example.com\",\"b{i}@example.com\"]", lines[i], StringComparison.Ordinal);
            }
        }
    }

    /// <summary>The JSON Lines a plan writes for a CSV file, converted and written on the calling thread with a buffer of its own.</summary>
    private static string Convert(ConversionPlan plan, byte[] bytes)
    {
        using var reader = RecordFileReaders.Open(new MemoryStream(bytes, writable: false), "in.csv", RecordFileFormat.Csv, null, reuseRecords: true);
        using var output = new MemoryStream();
        using (var writer = RecordFileWriter.ForConverted(RecordFileFormat.JsonLines, output, plan, RecordShape.Object))
        {
            var buffer = new ConvertedRecord(plan, new object?[plan.OutputFields.Count]);
            var missing = new MissingFieldTally(plan);
            foreach (var item in reader.Read())
            {
                var result = plan.Convert(item.Record, buffer, missing);
                if (result.Succeeded)
                {
                    writer.Write(result.Record);
                }
            }

            writer.Finish();
        }

        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static void Same(ConversionPlan plan, byte[] bytes, RecordFileFormat output, RecordFileFormat rejects)
    {
        var before = RecordPathEquivalenceTests.Run(plan, bytes, "in.csv", RecordFileFormat.Csv, output, RecordShape.Object, rejects, escape: false, encoding: null, reference: true);
        var after = RecordPathEquivalenceTests.Run(plan, bytes, "in.csv", RecordFileFormat.Csv, output, RecordShape.Object, rejects, escape: false, encoding: null, reference: false);
        Assert.Equal(before, after);
    }

    private static IEnumerable<ConversionPlan> Plans() =>
        new[] { CrmObject.Lead, CrmObject.Contact }.SelectMany(o => new[] { ConversionDirection.Pull, ConversionDirection.Push }.Select(d => ConversionPlan.Create(Configuration, o, d)));

    /// <summary>Printable ASCII but the quote and the backslash, <paramref name="length"/> characters.</summary>
    private static string Plain(int length) =>
        new(Enumerable.Range(0, length).Select(i => (char)('!' + ((i * 7) % 90))).Select(c => c is '"' or '\\' ? 'x' : c).ToArray());

    /// <summary>A lead whose text fields all hold <paramref name="cell"/>, its status one that maps but every seventh (which is rejected).</summary>
    private static string[] LeadRow(int n, string cell) =>
        new[] { n % 3 == 0 ? cell : $"00Q5g00000{n:D8}", cell, cell, cell, cell, cell, cell, cell, cell, n % 7 == 0 ? cell : Statuses[n % Statuses.Length] };

    private static string CellFor(string column, int i, Random random) => (i % 11) switch
    {
        0 => "",
        1 => "   ",
        2 => column.Equals("Company", StringComparison.OrdinalIgnoreCase) ? "[not provided]" : "n/a",
        _ => column.ToUpperInvariant() switch
        {
            "STATUS" => i % 13 == 0 ? "Nope" : Statuses[i % Statuses.Length],
            "ID" => $"00Q5g00000{i:D8}",
            "EMAIL" => $"x{i}@example.com;  y{i}@example.com ;",
            _ => $"{column} {i} {Others[random.Next(Others.Length)]}é",
        },
    };

    private static string PushCell(string column, int i) => (i % 9) switch
    {
        0 => "",
        1 => "n/a",
        _ => column switch
        {
            "salesforceId" => $"00Q5g00000{i:D8}",
            "stage" => (i % 7).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "stageName" => i % 5 == 0 ? "Nowhere" : "Approaching",
            _ => $"{column}-{i};second {i}",
        },
    };

    /// <summary>CSV text with every cell quoted (its quotes doubled), rows ended by CRLF.</summary>
    private static string Csv(IEnumerable<string> header, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", header)).Append("\r\n");
        foreach (var row in rows)
        {
            text.Append(string.Join(",", row.Select(c => "\"" + c.Replace("\"", "\"\"") + "\""))).Append("\r\n");
        }

        return text.ToString();
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
