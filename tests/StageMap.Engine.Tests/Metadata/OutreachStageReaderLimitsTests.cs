using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Metadata;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Metadata;

/// <summary>The reliability probe against Outreach stage lists.</summary>
public class OutreachStageReaderLimitsTests
{
    private const string Path = "/data/stages.json";

    private static StageMapException Failure(byte[] content) => Assert.Throws<StageMapException>(() => OutreachStageReader.Read(content, Path));

    private static StageMapException Failure(string content) => Failure(Encoding.UTF8.GetBytes(content));

    [Theory]
    [InlineData("{\"data\":[{\"type\":\"stage\",\"id\":123456789012345678901234567890,\"attributes\":{\"name\":\"New\"}}]}", "id must be a whole number from -2147483648 to 2147483647, not 123456789012345678901234567890")]
    [InlineData("[{\"id\":4294967296,\"name\":\"New\"}]", "id must be a whole number from -2147483648 to 2147483647, not 4294967296")]
    [InlineData("[{\"id\":6.6,\"name\":\"New\"}]", "id must be a whole number, not the number 6.6")]
    [InlineData("[{\"id\":\"6.6\",\"name\":\"New\"}]", "id must be a whole number, not the text '6.6'")]
    [InlineData("[{\"id\":1,\"name\":\"New\",\"order\":99999999999999999999}]", "order must be a whole number from")]
    [InlineData("[{\"id\":1,\"name\":null}]", "a stage has no name")]
    [InlineData("[{\"id\":1,\"name\":[\"New\"]}]", "name must be text, not a list")]
    [InlineData("[null]", "each stage must be a JSON object, not null")]
    [InlineData("{\"data\":[{\"type\":\"stage\",\"id\":1,\"attributes\":null}]}", "attributes must be a JSON object, not null")]
    [InlineData("{\"name\":\"New\",\"id\":1}\n{\"name\":\"Replied\",\"id\":2,\"ID\":3}", "the property 'ID' appears twice in one object")]
    [InlineData("{\"errors\":[{\"detail\":{\"x\":1}}]}", "an Outreach API error response ()")]
    public void Ids_types_and_keys_are_checked_with_their_position(string content, string expected)
    {
        var failure = Failure(content);

        Assert.Contains(expected, failure.Message);
        Assert.Matches("line \\d+, position \\d+: |it is an Outreach API error", failure.Message);
        Assert.True(failure.ErrorId is ErrorIds.InvalidMetadataFile or ErrorIds.UnrecognizedMetadataFile);
    }

    [Fact]
    public void A_stage_file_with_invalid_utf8_is_an_error_never_a_replacement_character()
    {
        // The probe's file that loaded "R\uFFFD\uFFFD\uFFFDeplied" as stage 3.
        var head = Encoding.UTF8.GetBytes("[{\"id\":1,\"name\":\"New\"},{\"id\":3,\"name\":\"R");
        var bytes = head.Concat(new byte[] { 0xC3, 0x28, 0xA0 }).Concat(Encoding.UTF8.GetBytes("eplied\"}]")).ToArray();

        var failure = Failure(bytes);

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"byte offset {head.Length}: the byte 0xC3 is not valid UTF-8", failure.Message);
    }

    [Theory]
    [InlineData("[{\"id\":1,\"name\":\"NAME\"}]", "the name of a stage is 256 characters long; names, statuses and labels are at most 255 characters (Outreach's limit)")]
    [InlineData("[{\"id\":1,\"name\":\"Re\\rplied\"}]", "the name of a stage 'Re\\u000Dplied' contains the control character U+000D")]
    [InlineData("[{\"id\":1,\"name\":\"HUGE\"}]", "a text of 1,000,000 characters; StageMap reads texts of at most 32,768 characters, and names, statuses and labels of at most 255")]
    public void Stage_names_are_held_to_Outreachs_limits_with_their_position(string content, string expected)
    {
        var failure = Failure(content.Replace("NAME", new string('n', 256)).Replace("HUGE", new string('h', 1_000_000)));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Matches("line 1, position \\d+: ", failure.Message);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void A_stage_list_with_a_50_MB_name_is_refused_unread()
    {
        using var directory = new TempDirectory();
        var path = directory.File("stages.json");
        using (var stream = File.Create(path))
        {
            foreach (var part in new[] { Encoding.UTF8.GetBytes("[{\"id\":1,\"name\":\""), Enumerable.Repeat((byte)'x', 50 * 1024 * 1024).ToArray(), Encoding.UTF8.GetBytes("\"}]") })
            {
                stream.Write(part, 0, part.Length);
            }
        }

        var failure = Assert.Throws<StageMapException>(() => OutreachStageReader.Read(path));

        Assert.Equal(ErrorIds.InvalidMetadataFile, failure.ErrorId);
        Assert.Contains($"at most {ReadLimits.MaxFileSize}", failure.Message);
    }

    [Fact]
    public void A_list_of_more_stages_than_the_limit_is_refused()
    {
        var lines = Enumerable.Range(1, ReadLimits.MaxListValues + 1).Select(i => $"{{\"id\":{i},\"name\":\"S{i}\"}}");

        var failure = Failure(string.Join("\n", lines));

        Assert.Contains("line 4001: it lists more than 4,000 stages", failure.Message);
    }

    [Fact]
    public void The_fixtures_still_read()
    {
        Assert.Equal(8, OutreachStageReader.Read(System.IO.Path.Combine(Fixtures.Directory, "outreach", "outreach_api_stages__stagemap.json")).Stages.Count);
        Assert.NotEmpty(OutreachStageReader.Read(System.IO.Path.Combine(Fixtures.Directory, "outreach", "outreach_stages__stagemap.jsonl")).Stages);
    }
}
