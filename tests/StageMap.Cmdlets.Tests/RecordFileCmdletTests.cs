using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using StageMap.Cmdlets.Tests.Support;
using Xunit;

namespace StageMap.Cmdlets.Tests;

/// <summary>-Path/-OutFile conversion of files that are not clean UTF-8 CSV: -Encoding, bad headers, -EscapeFormula.</summary>
public sealed class RecordFileCmdletTests : IDisposable
{
    private static readonly byte[] ExcelCsv = Encoding.ASCII.GetBytes("Id,LastName,Title,Status\r\n00Q5g00000AbC11EAA,Zo")
        .Concat(new byte[] { 0xEB }).Concat(Encoding.ASCII.GetBytes(",\"=HYPERLINK(\"\"http://x\"\")\",Working - Contacted\r\n")).ToArray();

    private readonly ModuleSession _session = new();

    public RecordFileCmdletTests()
    {
        File.Copy(Path.Combine(ModuleSession.RepositoryRoot, "tests", "fixtures", "conversion", "standard-sync-mapping.json"), _session.File("mapping.json"));
        _session.Run("Import-StageMapConfiguration ./mapping.json | Out-Null").AssertNoErrors();
        File.WriteAllBytes(_session.File("excel.csv"), ExcelCsv);
    }

    public void Dispose() => _session.Dispose();

    private static ErrorRecord TheError(RunResult result) => result.Terminating ?? Assert.Single(result.Errors);

    // The CSV lacks most mapped columns, so the command also warns of those (one warning each).
    private static string[] FormulaWarnings(RunResult result) => result.Warnings.Where(w => w.Contains("as formulas")).ToArray();

    [Fact]
    public void An_Excel_CSV_without_Encoding_is_a_terminating_InvalidRecordFile_with_the_byte_offset_and_the_advice()
    {
        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./excel.csv -OutFile ./out.csv");

        Assert.Equal("InvalidRecordFile", Assert.Single(result.ErrorIds));
        Assert.Equal("StageMap.Engine.StageMapException", TheError(result).Exception.GetType().FullName);
        Assert.Contains("byte offset 47: the byte 0xEB is not valid UTF-8", TheError(result).Exception.Message);
        Assert.Contains("-Encoding windows-1252", TheError(result).Exception.Message);
        Assert.False(File.Exists(_session.File("out.csv")));
    }

    [Theory]
    [InlineData("windows-1252")]
    [InlineData("1252")]
    [InlineData("([System.Text.Encoding]::GetEncoding(1252))")]
    public void With_Encoding_windows_1252_the_Excel_CSV_converts_and_the_formula_cell_is_warned_of(string encoding)
    {
        var result = _session.Run($"ConvertTo-OutreachProspect -Object Lead -Path ./excel.csv -OutFile ./out.csv -Encoding {encoding}").AssertNoErrors();

        Assert.Equal(1L, result.Output.Single().Properties["Written"].Value);
        var text = File.ReadAllText(_session.File("out.csv"));
        Assert.Contains(",Zoë,", text);
        Assert.Contains("has 1 cell(s) starting with =", Assert.Single(FormulaWarnings(result)));
    }

    [Fact]
    public void EscapeFormula_prefixes_the_cell_with_a_quote_and_warns_of_nothing()
    {
        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./excel.csv -OutFile ./out.csv -Encoding windows-1252 -EscapeFormula").AssertNoErrors();

        Assert.Empty(FormulaWarnings(result));
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", File.ReadAllText(_session.File("out.csv")));
    }

    [Fact]
    public void An_unknown_encoding_is_refused_while_binding_naming_the_names_to_use()
    {
        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./excel.csv -OutFile ./out.csv -Encoding latin-9000");

        Assert.Equal("ParameterArgumentTransformationError", Assert.Single(result.ErrorIds));
        Assert.Contains("utf8BOM", TheError(result).Exception.Message);
    }

    [Theory]
    [InlineData("Id,,Status\n1,2,3\n", "column 2 of the CSV header is empty")]
    [InlineData("Id,Status,LastName,STATUS\n", "(column 2) and 'STATUS' (column 4)")]
    [InlineData("", "the file is empty")]
    [InlineData(" \n\n", "nothing but white space")]
    public void A_bad_header_or_an_empty_file_is_InvalidRecordFile_never_a_bare_exception(string csv, string expected)
    {
        File.WriteAllText(_session.File("in.csv"), csv);

        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./in.csv -OutFile ./out.jsonl");

        Assert.Equal("InvalidRecordFile", Assert.Single(result.ErrorIds));
        Assert.Equal("StageMap.Engine.StageMapException", TheError(result).Exception.GetType().FullName);
        Assert.Contains(expected, TheError(result).Exception.Message);
    }

    [Fact]
    public void A_JSON_record_with_an_empty_or_repeated_field_is_one_record_error_carrying_the_record()
    {
        File.WriteAllText(_session.File("in.jsonl"), "{\"Status\":\"New\",\"\":1,\"status\":\"x\",\"LastName\":\"Ada\"}\n{\"Id\":\"00Q5g00000AbC11EAA\",\"\":2,\"Status\":\"Working - Contacted\"}\n");

        var result = _session.Run("ConvertTo-OutreachProspect -Object Lead -Path ./in.jsonl -OutFile ./out.jsonl");

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidRecord", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("StageMap.Engine.StageMapException", error.Exception.GetType().FullName);
        Assert.StartsWith("Record 1 (line 1):", error.Exception.Message);
        Assert.Equal("Ada", ((PSObject)error.TargetObject).Properties["LastName"].Value);
        Assert.Equal(1L, result.Output.Single().Properties["Written"].Value);
    }
}
