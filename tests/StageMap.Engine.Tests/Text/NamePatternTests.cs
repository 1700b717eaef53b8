using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

/// <summary>PowerShell's wildcards, in the engine (tests/StageMap.Cmdlets.Tests holds them to PowerShell's WildcardPattern).</summary>
public class NamePatternTests
{
    [Theory]
    [InlineData("New", false)]
    [InlineData("Do Not Contact", false)]
    [InlineData("N*", true)]
    [InlineData("N?w", true)]
    [InlineData("[NR]ew", true)]
    [InlineData("Tier ]", true)]
    [InlineData("Tier `[A`]", false)]
    [InlineData("50`% off", false)]
    [InlineData("", false)]
    public void Wildcards_are_the_unescaped_star_question_mark_and_brackets(string text, bool expected)
    {
        Assert.Equal(expected, NamePattern.HasWildcards(text));
    }

    [Theory]
    [InlineData("*", "", true)]
    [InlineData("*", "Anything at all", true)]
    [InlineData("closed*", "Closed - Converted", true)]
    [InlineData("*contacted", "Open - Not Contacted", true)]
    [InlineData("*-*", "Working - Contacted", true)]
    [InlineData("*-*", "Nurturing", false)]
    [InlineData("N?w", "new", true)]
    [InlineData("N?w", "Neew", false)]
    [InlineData("[nr]e*", "Replied", true)]
    [InlineData("[a-c]*", "Bad Data", true)]
    [InlineData("[a-c]*", "Do Not Contact", false)]
    [InlineData("[]]x", "]x", true)]
    [InlineData("Tier `[A`]", "Tier [A]", true)]
    [InlineData("Tier [A]", "Tier A", true)]
    [InlineData("Tier [A]", "Tier [A]", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYYcZ", false)]
    [InlineData("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("trailing`", "trailing`", true)]
    [InlineData("`", "", true)]
    public void A_pattern_matches_the_whole_name_ignoring_case(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, NamePattern.Parse(pattern).IsMatch(name));
    }

    [Theory]
    [InlineData("[New")]
    [InlineData("[z-a]*")]
    public void A_pattern_that_cannot_be_read_is_InvalidWildcardPattern(string pattern)
    {
        var failure = Assert.Throws<StageMapException>(() => NamePattern.Parse(pattern));

        Assert.Equal(ErrorIds.InvalidWildcardPattern, failure.ErrorId);
        Assert.Equal(pattern, failure.Target);
        Assert.Contains("escape them with a backtick", failure.Message);
    }
}
