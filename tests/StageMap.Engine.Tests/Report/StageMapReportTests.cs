using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Report;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Tests.Support;
using StageMap.Engine.Validation;
using Xunit;

namespace StageMap.Engine.Tests.Report;

public class StageMapReportTests
{
    private static readonly DateTimeOffset Generated = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static StageMapConfiguration Sample() =>
        Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Contact("Stage Name", "Contact_Status__c"));

    private static int Count(string page, string pattern) => Regex.Matches(page, pattern).Count;

    [Fact]
    public void One_line_per_mapping_and_broken_ones_drawn_apart()
    {
        var configuration = Sample();
        configuration.AddLeadStatusMapping("Nurturing", "Do Not Contact");

        var page = StageMapReport.Render(configuration, null, Generated);

        Assert.Equal(5, Count(page, "<path class=\"mapping"));
        Assert.Equal(1, Count(page, "<path class=\"mapping broken\""));
        Assert.Contains("SM003", Regex.Match(page, "<path class=\"mapping broken\".*?</path>").Value);
        Assert.Equal(1, Count(page, "<g class=\"node missing\">"));
        Assert.Equal(1, Count(page, "<g class=\"node unmapped\">"));
        Assert.Contains("<span id=\"findings-count\">" + Validator.Validate(configuration).Count + "</span>", page);
    }

    [Fact]
    public void A_stage_mapped_twice_breaks_both_lines()
    {
        var content = Sample().GetContent();
        content.LeadStatusMappings[1] = content.LeadStatusMappings[1] with { StageId = 1 };

        var page = StageMapReport.Render(new StageMapConfiguration(content), null, Generated);

        Assert.Equal(2, Count(page, "<path class=\"mapping broken\""));
        Assert.Contains("SM001", page);
    }

    [Fact]
    public void Text_is_encoded_so_a_status_named_script_is_shown_not_run()
    {
        var configuration = Sample();
        configuration.AddLeadStatusMapping("<script>alert('x')</script>", "Bad Data");
        configuration.AddStage("Tom & \"Jerry\"");

        var page = StageMapReport.Render(configuration, null, Generated);

        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page);
        Assert.Contains("Tom &amp; &quot;Jerry&quot;", page);
    }

    [Fact]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        var page = StageMapReport.Render(Sample(), null, Generated);

        Assert.Contains($"<meta http-equiv=\"Content-Security-Policy\" content=\"{StageMapReport.ContentSecurityPolicy}\">", page);
        Assert.DoesNotMatch("(?i)https?:|//[a-z]|\\bsrc=|\\bhref=|url\\(|@import|<script|<iframe|<link|<img|\\bon[a-z]+=", page);
    }

    [Fact]
    public void Five_hundred_statuses_are_a_table()
    {
        var content = Sample().GetContent();
        content.CrmMetadata = content.CrmMetadata with
        {
            LeadStatuses = Enumerable.Range(1, 500).Select(i => new CrmStatus(CrmObject.Lead, $"Status {i}", $"Status {i}")).ToList(),
        };
        content.Stages = Enumerable.Range(1, 500).Select(i => new Stage(i, $"Stage {i}", i)).ToList();
        content.LeadStatusMappings = Enumerable.Range(1, 400).Select(i => new LeadStatusMapping($"Status {i}", null, i)).ToList();

        var page = StageMapReport.Render(new StageMapConfiguration(content), null, Generated);

        Assert.DoesNotContain("<svg", page);
        Assert.Equal(400, Count(page, "<tr class=\"mapping"));
        Assert.Equal(200, Count(page, "<tr class=\"unmapped\""));
    }

    [Fact]
    public void Fifty_by_fifty_is_a_picture_without_crossings()
    {
        var random = new Random(3);
        var content = Sample().GetContent();
        content.CrmMetadata = content.CrmMetadata with
        {
            LeadStatuses = Enumerable.Range(1, 50).Select(i => new CrmStatus(CrmObject.Lead, $"Status {i}", $"Status {i}")).ToList(),
        };
        content.Stages = Enumerable.Range(1, 50).Select(i => new Stage(i, $"Stage {i}", i)).ToList();
        var stageIds = Enumerable.Range(1, 50).OrderBy(_ => random.Next()).ToArray();
        content.LeadStatusMappings = Enumerable.Range(1, 45).Select(i => new LeadStatusMapping($"Status {i}", null, stageIds[i - 1])).ToList();

        var page = StageMapReport.Render(new StageMapConfiguration(content), null, Generated);

        Assert.Equal(45, Count(page, "<path class=\"mapping"));
        Assert.Contains("0 crossing(s)", page);
        Assert.Equal(10, Count(page, "<g class=\"node unmapped\">"));
    }

    [Fact]
    public void Drift_shows_a_heat_map_and_the_top_reasons()
    {
        var drift = new DriftSummary
        {
            Object = CrmObject.Lead,
            Pairs = 10,
            Drifted = 3,
            Matching = 7,
            CrossTab = new[] { new DriftCell("Working - Contacted", "Approaching", 7, 0), new DriftCell("Working - Contacted", "<b>Bad</b>", 3, 3) },
            Reasons = new[] { new DriftReasonCount(DriftReason.MappedToAnotherStage, "Working - Contacted", null, 3) },
        };

        var page = StageMapReport.Render(Sample(), drift, Generated);

        Assert.Equal(1, Count(page, "<td class=\"cell drift\""));
        Assert.Equal(1, Count(page, "<td class=\"cell match\""));
        Assert.Contains("mapped to another stage", page);
        Assert.Contains("&lt;b&gt;Bad&lt;/b&gt;", page);
        Assert.Contains("3 of 10 joined leads", page);
    }

    [Fact]
    public void Contact_side_and_click_path_are_on_the_page()
    {
        var content = Sample().GetContent();
        content.CrmMetadata = content.CrmMetadata with
        {
            ContactStatuses = new[] { "New", "approaching", "Gone" }.Select(v => new CrmStatus(CrmObject.Contact, v, v)).ToList(),
        };

        var page = StageMapReport.Render(new StageMapConfiguration(content), null, Generated);

        // As a browser reads it: Mono's HTML encoder writes every non-ASCII character as an entity (&#10004;).
        Assert.Contains("\u2714 exact", WebUtility.HtmlDecode(page));
        Assert.Contains("near miss", page);
        Assert.Contains("no stage of this name", page);
        Assert.Contains("Click-path checklist: Classic Plugin", page);
        Assert.Contains("Select &#39;Working - Contacted&#39; from the LeadStatus: dropdown menu", page);
    }

    [Fact]
    public void Export_writes_the_page_and_refuses_to_replace_one_without_force()
    {
        using var folder = new TempDirectory();
        var path = folder.File("report.html");

        StageMapReport.Export("<p>first</p>", path, force: false);
        var refused = Assert.Throws<StageMapException>(() => StageMapReport.Export("<p>second</p>", path, force: false));
        StageMapReport.Export("<p>third</p>", path, force: true);

        Assert.Equal(ErrorIds.OutputFileExists, refused.ErrorId);
        Assert.Equal("<p>third</p>", File.ReadAllText(path));
    }
}
