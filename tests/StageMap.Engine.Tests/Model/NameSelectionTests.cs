using System;
using System.Linq;
using StageMap.Engine.Model;
using Xunit;

namespace StageMap.Engine.Tests.Model;

/// <summary>"A literal name must match, a wildcard filters": the one rule of the Get- cmdlets' name parameters.</summary>
public class NameSelectionTests
{
    private readonly StageMapConfiguration _configuration = StageMapConfiguration.CreateDefault();

    [Fact]
    public void A_literal_name_is_the_lookup_and_its_error_when_nothing_has_it()
    {
        var stages = _configuration.Stages;

        Assert.Equal("Do Not Contact", NameSelection.Select(stages, "do not contact", s => s.Name, n => new[] { _configuration.GetStage(n) }).Single().Name);
        var failure = Assert.Throws<StageMapException>(() => NameSelection.Select(stages, "Nurturing", s => s.Name, n => new[] { _configuration.GetStage(n) }));
        Assert.Equal(ErrorIds.StageNotFound, failure.ErrorId);
    }

    [Fact]
    public void A_wildcard_filters_in_the_given_order_and_may_select_nothing()
    {
        var stages = _configuration.Stages.OrderByDescending(s => s.Order).ToList();

        Assert.Equal(new[] { "Unresponsive", "Replied", "New" }, NameSelection.Select(stages, "*e?*", s => s.Name, _ => throw new System.InvalidOperationException("no lookup for a pattern")).Select(s => s.Name));
        Assert.Empty(NameSelection.Select(stages, "Nurtur*", s => s.Name, _ => throw new System.InvalidOperationException()));
    }

    [Fact]
    public void A_wildcard_matches_any_of_a_things_names()
    {
        var names = new[] { ("Stage Name", "stageName"), ("First Name", "firstName") };

        Assert.Equal("Stage Name", NameSelection.Select(names, "stagen*", n => new[] { n.Item1, n.Item2 }, _ => Array.Empty<(string, string)>()).Single().Item1);
    }

    [Fact]
    public void A_wildcard_that_cannot_be_read_is_InvalidWildcardPattern()
    {
        var failure = Assert.Throws<StageMapException>(() => NameSelection.Select(_configuration.Stages, "[New", s => s.Name, n => new[] { _configuration.GetStage(n) }));

        Assert.Equal(ErrorIds.InvalidWildcardPattern, failure.ErrorId);
    }

    [Fact]
    public void Several_names_select_each_thing_once_in_the_things_order_and_a_failing_name_does_not_stop_the_others()
    {
        var failures = new System.Collections.Generic.List<StageMapException>();

        var selected = NameSelection.SelectAll(_configuration.Stages, new[] { "bad data", "Nurturing", "*e*", "[x" }, s => new[] { s.Name }, n => new[] { _configuration.GetStage(n) }, failures.Add);

        Assert.Equal(new[] { "New", "Replied", "Unresponsive", "Bad Data" }, selected.Select(s => s.Name));
        Assert.Equal(new[] { ErrorIds.StageNotFound, ErrorIds.InvalidWildcardPattern }, failures.Select(f => f.ErrorId));
    }
}
