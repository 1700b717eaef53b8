using StageMap.Engine.Text;
using Xunit;

namespace StageMap.Engine.Tests.Text;

public class SentencesTests
{
    [Theory]
    [InlineData(new[] { "Salesforce refused the token: Session expired or invalid", "Connect again." }, "Salesforce refused the token: Session expired or invalid. Connect again.")]
    [InlineData(new[] { "the scope 'stages.write'", "scope: stages.write", "Authorize the app" }, "the scope 'stages.write'. scope: stages.write. Authorize the app.")]
    [InlineData(new[] { "Done.", "", "  ", "Really?", "Yes!" }, "Done. Really? Yes!")]
    [InlineData(new[] { "trailing space  " }, "trailing space.")]
    public void Each_part_ends_a_sentence_and_empty_ones_are_left_out(string[] parts, string expected)
    {
        Assert.Equal(expected, Sentences.Join(parts));
    }
}
