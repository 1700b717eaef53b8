using System;
using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json.Linq;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Conversion;

/// <summary>Record files checked before they convert, decoded strictly, and CSV written with its formula cells counted.</summary>
public sealed class RecordFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static ConversionPlan LeadPull() => ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Pull);

    private string Input(string name, byte[] bytes)
    {
        File.WriteAllBytes(_temp.File(name), bytes);
        return _temp.File(name);
    }

    private string Input(string name, string text) => Input(name, Encoding.UTF8.GetBytes(text));

    private readonly System.Collections.Generic.List<string> _warnings = new();

    private ConversionSummary Run(string input, string output = "out.jsonl", string? reject = null, Encoding? encoding = null, bool escape = false, Action<IInputRecord, ConversionFailure>? rejected = null) =>
        BulkConverter.Run(LeadPull(), new BulkConversion { InputPath = input, OutputPath = _temp.File(output), RejectPath = reject is null ? null : _temp.File(reject), Encoding = encoding, EscapeFormula = escape }, rejected: rejected, warn: _warnings.Add);

    private System.Collections.Generic.List<string> FormulaWarnings => _warnings.Where(w => w.Contains("formulas")).ToList();

    private StageMapException Refused(string input, Encoding? encoding = null)
    {
        var failure = Assert.Throws<StageMapException>(() => Run(input, encoding: encoding));
        Assert.Equal(ErrorIds.InvalidRecordFile, failure.ErrorId);
        Assert.Equal(new[] { Path.GetFileName(input) }, Directory.GetFiles(_temp.Path).Select(Path.GetFileName));
        return failure;
    }

    [Fact]
    public void An_empty_CSV_header_cell_is_InvalidRecordFile_naming_line_and_column()
    {
        var failure = Refused(Input("in.csv", "\nId,,Status\n00Q5g00000AbC11EAA,x,New\n"));

        Assert.Contains("in.csv", failure.Message);
        Assert.Contains("line 2: column 2 of the CSV header is empty", failure.Message);
    }

    [Theory]
    [InlineData("Id,Status,LastName,Status\n", "'Status' twice, as columns 2 and 4")]
    [InlineData("Id,Status,status\n", "'Status' (column 2) and 'status' (column 3)")]
    public void A_CSV_header_name_twice_names_both_columns(string csv, string expected)
    {
        Assert.Contains("line 1: the CSV header has the column " + expected, Refused(Input("in.csv", csv)).Message);
    }

    [Theory]
    [InlineData("in.csv", "", "the file is empty.")]
    [InlineData("in.csv", "  \r\n\n \n", "the file holds nothing but white space.")]
    [InlineData("in.jsonl", "", "the file is empty.")]
    [InlineData("in.json", " \n\t\n", "the file holds nothing but white space.")]
    public void An_empty_or_white_space_file_says_so(string name, string text, string expected)
    {
        Assert.EndsWith(expected, Refused(Input(name, text)).Message);
    }

    [Fact]
    public void A_windows_1252_CSV_as_Excel_saves_it_fails_without_Encoding_at_the_byte_and_suggests_it()
    {
        var bytes = Encoding.ASCII.GetBytes("Id,LastName,Status\r\n00Q5g00000AbC11EAA,Zo").Concat(new byte[] { 0xEB }).Concat(Encoding.ASCII.GetBytes(",Working - Contacted\r\n")).ToArray();
        var input = Input("excel.csv", bytes);

        var failure = Refused(input);
        Assert.Contains("byte offset 41: the byte 0xEB is not valid UTF-8", failure.Message);
        Assert.Contains("-Encoding windows-1252", failure.Message);

        Run(input, encoding: EncodingNames.Resolve("windows-1252"));
        Assert.Equal("Zoë", (string?)JObject.Parse(File.ReadAllText(_temp.File("out.jsonl")))["lastName"]);
        Assert.DoesNotContain('\uFFFD', File.ReadAllText(_temp.File("out.jsonl")));
    }

    [Fact]
    public void A_byte_far_into_a_large_file_is_found_while_streaming_at_its_absolute_offset()
    {
        var head = "Id,LastName,Status\n" + string.Concat(Enumerable.Repeat("00Q5g00000AbC11EAA,Gödel,Working - Contacted\n", 5000));
        var bytes = Encoding.UTF8.GetBytes(head).Concat(new byte[] { 0xC3, 0x28, (byte)'\n' }).ToArray();

        var failure = Refused(Input("big.csv", bytes));

        Assert.Contains($"byte offset {Encoding.UTF8.GetByteCount(head)}:", failure.Message);
    }

    [Fact]
    public void A_named_encoding_is_strict_too_and_a_byte_order_mark_wins_over_it()
    {
        var ascii = Input("in.jsonl", new byte[] { (byte)'{', (byte)'"', (byte)'a', 0xE9, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
        var failure = Refused(ascii, EncodingNames.Resolve("ascii"));
        Assert.Contains("byte offset 3", failure.Message);
        Assert.Contains("Is -Encoding the file's encoding?", failure.Message);

        var utf16 = Input("in16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Id,LastName,Status\n00Q5g00000AbC11EAA,Zoë,Working - Contacted\n")).ToArray());
        Run(utf16, encoding: EncodingNames.Resolve("windows-1252"));
        Assert.Contains("Zoë", File.ReadAllText(_temp.File("out.jsonl")));
    }

    [Theory]
    [InlineData("utf8", 65001)]
    [InlineData("utf8BOM", 65001)]
    [InlineData("UTF8NOBOM", 65001)]
    [InlineData("unicode", 1200)]
    [InlineData("bigendianunicode", 1201)]
    [InlineData("utf32", 12000)]
    [InlineData("bigendianutf32", 12001)]
    [InlineData("ascii", 20127)]
    [InlineData("utf7", 65000)]
    [InlineData("windows-1252", 1252)]
    [InlineData("1252", 1252)]
    [InlineData("iso-8859-1", 28591)]
    public void Encoding_names_are_those_Import_Csv_takes_plus_code_pages(string name, int codePage)
    {
        Assert.Equal(codePage, EncodingNames.Resolve(name).CodePage);
    }

    [Fact]
    public void An_unknown_encoding_name_is_InvalidEncoding_listing_the_names()
    {
        var failure = Assert.Throws<StageMapException>(() => EncodingNames.Resolve("latin-9000"));

        Assert.Equal(ErrorIds.InvalidEncoding, failure.ErrorId);
        Assert.Contains("windows-1252", failure.Message);
    }

    [Fact]
    public void A_per_record_problem_stays_a_record_error_naming_its_record_number_and_line()
    {
        var input = Input("in.jsonl", "{\"Id\":\"00Q5g00000AbC11EAA\",\"Status\":\"Working - Contacted\"}\n\nnull\n{\"Status\":\"New\",\"status\":\"x\"}\n42\n");
        var rejected = new System.Collections.Generic.List<ConversionFailure>();

        var summary = Run(input, rejected: (_, f) => rejected.Add(f));

        Assert.Equal((4L, 1L, 3L), (summary.Read, summary.Written, summary.Rejected));
        Assert.StartsWith("Record 2 (line 3): The input is null", rejected[0].Message);
        Assert.StartsWith("Record 3 (line 4): The record has the field 'status' twice", rejected[1].Message);
        Assert.StartsWith("Record 4 (line 5): The input is a Int64", rejected[2].Message);
    }

    [Fact]
    public void A_CSV_record_over_several_lines_is_named_by_the_line_it_starts_on()
    {
        var input = Input("in.csv", "Id,Title,Status\r\n00Q5g00000AbC11EAA,\"two\r\nlines\",Working - Contacted\r\n00Q5g00000AbC12EAA,\"a\nb\nc\",Nope\r\n00Q5g00000AbC13EAA,x\r\n");
        var rejected = new System.Collections.Generic.List<ConversionFailure>();

        Run(input, rejected: (_, f) => rejected.Add(f));

        Assert.Equal(new[] { "Record 2 (line 4)", "Record 3 (line 7)" }, rejected.Select(f => f.Message.Substring(0, f.Message.IndexOf(':'))));
        Assert.Contains("has 2 fields where the header has 3", rejected[1].Message);
    }

    [Theory]
    [InlineData("1e99999")]
    [InlineData("88888888888888888888888888888e0")]
    public void JSON_with_a_number_too_large_is_InvalidRecordFile_with_line_and_position(string number)
    {
        var failure = Refused(Input("in.jsonl", "{\"Status\":\"New\"}\n{\"Status\":" + number + "}\n"));

        Assert.Contains("line 2, position", failure.Message);
    }

    [Fact]
    public void Writing_CSV_counts_the_cells_a_spreadsheet_would_run_as_formulas_and_warns_once_per_file()
    {
        var input = Input("in.csv", "Id,LastName,Title,Status\n00Q5g00000AbC11EAA,\"=HYPERLINK(\"\"http://x\"\")\",+cmd|' /C calc'!A0,Working - Contacted\n00Q5g00000AbC12EAA,@SUM(A1),-2,Working - Contacted\n00Q5g00000AbC13EAA,\"\tTab\",\"\rCR\",Nope\n");

        Run(input, "out.csv", "rejected.csv");

        Assert.Equal(2, FormulaWarnings.Count);
        Assert.Contains("has 4 cell(s) starting with =, +, -, @, a tab or a carriage return (the first in row 2, column 'lastName')", FormulaWarnings[0]);
        Assert.Contains("rejected.csv' has 2 cell(s)", FormulaWarnings[1]);
        Assert.Contains("=HYPERLINK(\"\"http://x\"\")", File.ReadAllText(_temp.File("out.csv")));
    }

    [Fact]
    public void EscapeFormula_prefixes_those_cells_with_a_quote_and_needs_no_warning()
    {
        var input = Input("in.csv", "Id,LastName,Title,Status\n00Q5g00000AbC11EAA,=1+1,-2,Working - Contacted\n00Q5g00000AbC12EAA,Plain,Text,Working - Contacted\n");

        Run(input, "out.csv", escape: true);

        Assert.Empty(FormulaWarnings);
        var lines = File.ReadAllLines(_temp.File("out.csv"));
        Assert.Contains(",'=1+1,,'-2,", lines[1]);
        Assert.Contains(",Plain,,Text,", lines[2]);
    }

    [Fact]
    public void JSON_output_has_no_formula_warning()
    {
        Run(Input("in.csv", "Id,LastName,Status\n00Q5g00000AbC11EAA,=1+1,Working - Contacted\n"));

        Assert.Empty(FormulaWarnings);
    }

    [Fact]
    public void A_value_with_a_lone_line_feed_is_quoted_so_the_CSV_keeps_its_rows()
    {
        var input = Input("in.jsonl", "{\"salesforceId\":\"00Q5g00000AbC11EAA\",\"stage\":2,\"title\":\"a\\nb\"}\n");

        BulkConverter.Run(ConversionPlan.Create(FixtureConversionTests.Standard(), CrmObject.Lead, ConversionDirection.Push), new BulkConversion { InputPath = input, OutputPath = _temp.File("out.csv") });

        Assert.Contains(",\"a\nb\",", File.ReadAllText(_temp.File("out.csv")));
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("x\\udc00")]
    [InlineData("\\ud83d\\u0041")]
    [InlineData("\\ud83d")]
    public void A_JSON_unpaired_surrogate_escape_is_InvalidRecordFile_at_its_line_never_U_FFFD(string escape)
    {
        var input = Input("in.jsonl", "{\"Status\":\"Working - Contacted\"}\n{\"Status\":\"Working - Contacted\",\"LastName\":\"" + escape + "\"}\n");

        Assert.Contains("line 2, position", Refused(input).Message);
    }

    [Fact]
    public void Paired_surrogate_escapes_and_escaped_backslashes_read_as_text()
    {
        var input = Input("in.jsonl", "{\"Id\":\"00Q5g00000AbC11EAA\",\"Status\":\"Working - Contacted\",\"LastName\":\"\\ud83d\\ude42 \\\\ud800 \\u00e9\"}\n");

        Run(input);

        Assert.Equal("🙂 \\ud800 é", (string?)JObject.Parse(File.ReadAllText(_temp.File("out.jsonl")))["lastName"]);
    }
}
