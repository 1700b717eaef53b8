using System;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Sdk;

namespace StageMap.Cmdlets.Tests.Views;

/// <summary>
/// Every view of module/StageMap.Format.ps1xml reads on 80- and 60-column terminals (Out-String -Width
/// stands in for the terminal), shown realistic objects made by the cmdlets (<see cref="ViewSamples"/>):
/// every line fits, every header is whole, and every word of what each column, list item or
/// expression shows appears unbroken, so no value is cut to where its rows look alike. A word longer
/// than half the line (a long path) cannot always fit; it must then read whole when the lines are joined.
/// </summary>
public sealed class NarrowTerminalViewTests : IClassFixture<ViewSampleSession>
{
    private readonly ViewSampleSession _samples;

    public NarrowTerminalViewTests(ViewSampleSession samples)
    {
        _samples = samples;
    }

    public static TheoryData<string, int> Views()
    {
        var data = new TheoryData<string, int>();
        foreach (var view in FormatView.All)
        {
            data.Add(view.Name, 80);
            data.Add(view.Name, 60);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Views))]
    public void Every_word_a_view_shows_is_whole(string name, int width)
    {
        var view = FormatView.All.Single(v => v.Name == name);
        if (!_samples.MakeSamples(view.TypeName))
        {
            throw new XunitException($"View '{view.Name}' shows {view.TypeName}, which has no sample: add objects made by the cmdlets to ViewSamples.ByType.");
        }

        Assert.True(_samples.SampleCount(view.TypeName) > 0, $"The samples of {view.TypeName} made no object of that type.");
        var text = _samples.Render(view, width);
        var joined = Regex.Replace(text, @"\n +", "");
        string Failure(string what) => $"View '{view.Name}' at {width} columns: {what}\n{text}";

        foreach (var line in text.Split('\n'))
        {
            Assert.True(line.Length <= width, Failure($"a line is wider than {width}: '{line}'"));
        }

        foreach (var label in view.Labels)
        {
            Assert.True(Regex.IsMatch(text, $@"(?m)(^|\s){Regex.Escape(label)}(\s|$)"), Failure($"the header or label '{label}' is not whole"));
        }

        foreach (var item in view.Items)
        {
            foreach (var word in _samples.Values(view, item).SelectMany(v => v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Distinct())
            {
                var whole = word.Length <= width / 2 ? text.Contains(word, StringComparison.Ordinal) : joined.Contains(word, StringComparison.Ordinal);
                Assert.True(whole, Failure($"'{word}' of {item.Label ?? item.PropertyName ?? item.ScriptBlock} is broken or cut"));
            }
        }
    }

    [Fact]
    public void Every_view_of_the_format_file_is_tested()
    {
        Assert.Equal(FormatView.All.Count * 2, Views().Count);
        Assert.Contains(FormatView.All, v => v.Control == "Custom");
        Assert.Contains(FormatView.All, v => v.Control == "List");
    }
}
