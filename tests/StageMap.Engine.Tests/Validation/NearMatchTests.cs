using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Validation;

public class NearMatchTests
{
    private readonly NearMatch _match = new(new (string, string?)[]
    {
        ("Open - Not Contacted", "Open - Not Contacted"),
        ("Working_Contacted", "Working - Contacted"),
        ("Closed", null),
    });

    [Theory]
    [InlineData("Working - Contacted", "Working_Contacted", NearMatchKind.Label)]
    [InlineData("working-contacted", "Working_Contacted", NearMatchKind.Label)]
    [InlineData("OPEN-NOT CONTACTED", "Open - Not Contacted", NearMatchKind.CaseSpaceOrDash)]
    [InlineData("working_contacted", "Working_Contacted", NearMatchKind.CaseSpaceOrDash)]
    [InlineData(" closed ", "Closed", NearMatchKind.CaseSpaceOrDash)]
    public void Finds_the_value_meant(string text, string value, NearMatchKind kind)
    {
        var found = _match.Find(text);

        Assert.NotNull(found);
        Assert.Equal(value, found!.Single);
        Assert.Equal(kind, found.Kind);
    }

    [Theory]
    [InlineData("Open Not Contacted")]
    [InlineData("Closed.")]
    [InlineData("")]
    [InlineData("   ")]
    public void Finds_nothing_for_other_text(string text)
    {
        Assert.Null(_match.Find(text));
    }

    [Fact]
    public void Loosen_drops_white_space_unifies_dashes_and_case()
    {
        Assert.Equal("working-contacted", NearMatch.Loosen(" Working\u00a0\u2014 Contacted\t"));
    }

    [Fact]
    public void A_value_listed_twice_is_one_candidate()
    {
        var match = new NearMatch(new (string, string?)[] { ("New", null), ("New", null) });

        Assert.Equal("New", match.Find("new")!.Single);
    }

    [Theory]
    [InlineData("Working - Contacted", " working-contacted ")]
    [InlineData("Working - Contacted", "WORKING \u2014 CONTACTED")]
    [InlineData("", "   ")]
    public void The_loose_comparer_agrees_with_Loosen(string left, string right)
    {
        var comparer = NearMatch.LooseComparer.Instance;

        Assert.Equal(NearMatch.Loosen(left), NearMatch.Loosen(right));
        Assert.True(comparer.Equals(left, right));
        Assert.Equal(comparer.GetHashCode(left), comparer.GetHashCode(right));
    }

    [Theory]
    [InlineData("Working - Contacted", "Working - Contacte")]
    [InlineData("Closed - Converted", "Closed - Not Converted")]
    [InlineData("a", "")]
    public void The_loose_comparer_tells_other_text_apart(string left, string right)
    {
        Assert.False(NearMatch.LooseComparer.Instance.Equals(left, right));
    }
}
