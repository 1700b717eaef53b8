using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

/// <summary>
/// A UTF-8 file read as its bytes (<see cref="StrictTextReader.ReadCheckedUtf8"/>, what the JSON reader
/// parses) gives the file's bytes, and fails where decoding it fails: at the same read of the stream,
/// with the same offset and bytes, wherever in a block (or across two) a bad sequence is.
/// </summary>
public class StrictTextReaderUtf8Tests
{
    private const int Block = StrictTextReader.BlockSize;

    /// <summary>Sequences UTF-8 refuses, each alone and before ASCII: a stray byte, a cut sequence, overlong, a surrogate, past U+10FFFF, a lone continuation.</summary>
    public static TheoryData<byte[]> BadSequences => new()
    {
        new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF0, 0x9F, 0x98 }, new byte[] { 0xC0, 0x80 },
        new byte[] { 0xE0, 0x80, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0x80 },
        new byte[] { 0xC3, 0xA9, 0xA9 },
    };

    [Theory]
    [MemberData(nameof(BadSequences))]
    public void A_bad_sequence_anywhere_around_a_block_end_fails_at_the_same_read_offset_and_bytes_as_decoding(byte[] bad)
    {
        var text = Text(seed: 1, length: (3 * Block) + 500);
        foreach (var block in new[] { 1, 2 })
        {
            for (var at = (block * Block) - 6; at <= (block * Block) + 6; at++)
            {
                AssertSameAsDecoding(text.Take(at).Concat(bad).Concat(text.Skip(at)).ToArray());
            }
        }

        // At the very start and as the very end of the file (where only the end of the stream says a sequence is cut).
        AssertSameAsDecoding(bad.Concat(text).ToArray());
        AssertSameAsDecoding(text.Concat(bad).ToArray());
        AssertSameAsDecoding(text.Take(Block - 1).Concat(bad).ToArray());
        AssertSameAsDecoding(text.Take(Block).Concat(bad).ToArray());
    }

    [Fact]
    public void Valid_UTF_8_of_two_three_and_four_bytes_a_character_across_every_block_end_reads_as_its_bytes()
    {
        foreach (var character in new[] { "é", "€", "名", "😀" })
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(character);
            for (var shift = 0; shift < 8; shift++)
            {
                var file = Enumerable.Repeat((byte)'a', Block - shift).Concat(Enumerable.Range(0, 3000).SelectMany(_ => bytes.Append((byte)'b'))).ToArray();
                AssertSameAsDecoding(file);
            }
        }
    }

    [Fact]
    public void Random_text_with_and_without_bad_bytes_reads_as_decoding_reads_it()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var text = Text(seed, length: 40_000 + (seed * 97));
            if (seed % 2 == 1)
            {
                // One byte changed anywhere: mostly still valid in ASCII, mostly not in a longer sequence.
                var random = new Random(seed);
                text[random.Next(text.Length)] = (byte)random.Next(256);
            }

            AssertSameAsDecoding(text);
        }
    }

    [Fact]
    public void Text_read_as_characters_is_not_then_read_as_bytes()
    {
        using var reader = new StrictTextReader(new MemoryStream(new byte[] { (byte)'a' }), StrictText.Utf8, 0, leaveOpen: false);
        Assert.True(reader.CanReadUtf8);
        Assert.Equal('a', reader.Read());

        Assert.False(reader.CanReadUtf8);
        Assert.Throws<InvalidOperationException>(() => reader.ReadCheckedUtf8(new byte[Block], 0));
    }

    [Fact]
    public void Text_in_another_encoding_is_not_read_as_bytes()
    {
        using var reader = new StrictTextReader(new MemoryStream(new byte[] { (byte)'a', 0 }), new System.Text.UnicodeEncoding(false, false, throwOnInvalidBytes: true), 0, leaveOpen: false);

        Assert.False(reader.CanReadUtf8);
    }

    /// <summary>Mostly ASCII, with characters of two, three and four bytes.</summary>
    private static byte[] Text(int seed, int length)
    {
        var random = new Random(seed);
        var pieces = new[] { "a", "b", " ", "\n", "{", "\"", "é", "€", "名", "😀" };
        var text = new List<byte>(length + 4);
        while (text.Count < length)
        {
            var piece = random.Next(10) < 8 ? pieces[random.Next(6)] : pieces[6 + random.Next(4)];
            text.AddRange(System.Text.Encoding.UTF8.GetBytes(piece));
        }

        return text.ToArray();
    }

    private static void AssertSameAsDecoding(byte[] file)
    {
        var decoding = Outcome(file, asBytes: false);
        var checking = Outcome(file, asBytes: true);
        Assert.Equal(decoding.Failure, checking.Failure);
        Assert.Equal(decoding.Reads, checking.Reads);
        if (decoding.Failure is null)
        {
            Assert.Equal(file, checking.Bytes);
        }
    }

    /// <summary>How far reading went: the reads of the stream made, the failure (offset and bytes) if any, the bytes read.</summary>
    private static (int Reads, string? Failure, byte[] Bytes) Outcome(byte[] file, bool asBytes)
    {
        var stream = new CountingStream(file);
        using var reader = new StrictTextReader(stream, StrictText.Utf8, 0, leaveOpen: false);
        var bytes = new List<byte>();
        try
        {
            if (asBytes)
            {
                var buffer = new byte[Block + 7];
                for (int read; (read = reader.ReadCheckedUtf8(buffer, 7)) > 0;)
                {
                    bytes.AddRange(buffer.Skip(7).Take(read));
                }
            }
            else
            {
                var chars = new char[4096];
                while (reader.Read(chars, 0, chars.Length) > 0)
                {
                }
            }

            return (stream.Reads, null, bytes.ToArray());
        }
        catch (UndecodableTextException e)
        {
            return (stream.Reads, $"{e.ByteOffset} {BitConverter.ToString(e.Bytes)}", bytes.ToArray());
        }
    }

    private sealed class CountingStream : MemoryStream
    {
        public CountingStream(byte[] bytes)
            : base(bytes, writable: false)
        {
        }

        public int Reads { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            return base.Read(buffer, offset, count);
        }
    }
}
