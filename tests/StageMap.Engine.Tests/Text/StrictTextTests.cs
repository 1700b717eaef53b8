using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

public class StrictTextTests
{
    [Fact]
    public void Utf8_with_and_without_byte_order_mark_decodes()
    {
        var plain = Encoding.UTF8.GetBytes("Zoë Replied");
        var marked = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(plain).ToArray();

        Assert.Equal("Zoë Replied", StrictText.Decode(plain));
        Assert.Equal("Zoë Replied", StrictText.Decode(marked));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    public void Utf16_with_a_byte_order_mark_decodes(string name)
    {
        var encoding = Encoding.GetEncoding(name);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Zoë")).ToArray();

        Assert.Equal("Zoë", StrictText.Decode(bytes));
    }

    [Fact]
    public void An_invalid_utf8_byte_is_an_error_at_its_offset_never_a_replacement_character()
    {
        // "R" then a lone 0xFF: the probe's stage file that read back as "R\uFFFDeplied".
        var bytes = new byte[] { (byte)'R', 0xFF, (byte)'e', (byte)'p' };

        var failure = Assert.Throws<UndecodableTextException>(() => StrictText.Decode(bytes));

        Assert.Equal(1, failure.ByteOffset);
        Assert.Equal("byte offset 1: the byte 0xFF is not valid UTF-8", failure.Problem);
    }

    [Fact]
    public void The_offset_counts_from_the_file_start_across_read_blocks_and_after_a_byte_order_mark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Enumerable.Repeat((byte)'a', 40_000)).Concat(new byte[] { 0xC3, 0x28 }).ToArray();

        var failure = Assert.Throws<UndecodableTextException>(() => StrictText.Decode(bytes));

        Assert.Equal(40_003, failure.ByteOffset);
    }

    [Fact]
    public void A_sequence_cut_by_the_end_of_the_file_is_an_error()
    {
        var bytes = Encoding.UTF8.GetBytes("Zo").Concat(new byte[] { 0xC3 }).ToArray();

        var failure = Assert.Throws<UndecodableTextException>(() => StrictText.Decode(bytes));

        Assert.Equal(2, failure.ByteOffset);
    }

    [Fact]
    public void A_named_encoding_decodes_windows_1252_as_excel_saves_it()
    {
        var bytes = new byte[] { (byte)'Z', (byte)'o', 0xEB, 0x80 };

        Assert.Equal("Zoë€", StrictText.Decode(bytes, StrictText.Named("windows-1252")));
        Assert.Throws<UndecodableTextException>(() => StrictText.Decode(bytes));
    }

    [Fact]
    public void A_reader_streams_without_holding_the_file()
    {
        using var reader = StrictText.OpenReader(new MemoryStream(Encoding.UTF8.GetBytes("ab\ncd")));

        Assert.Equal("ab", reader.ReadLine());
        Assert.Equal('c', (char)reader.Peek());
        Assert.Equal("cd", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>", "iso-8859-1")]
    [InlineData("<?xml version='1.0' encoding='windows-1252' standalone='yes'?><a/>", "windows-1252")]
    [InlineData("<?xml version=\"1.0\"?><a/>", "utf-8")]
    [InlineData("<a/>", "utf-8")]
    public void Xml_takes_the_encoding_its_declaration_names(string head, string expected)
    {
        Assert.Equal(expected, StrictText.XmlEncoding(Encoding.ASCII.GetBytes(head)).WebName);
    }

    [Fact]
    public void Xml_without_a_mark_in_utf16_is_recognised()
    {
        Assert.Equal("utf-16", StrictText.XmlEncoding(Encoding.Unicode.GetBytes("<?xml version=\"1.0\"?><a/>")).WebName);
    }
}
