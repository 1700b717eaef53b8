using System;
using System.Text.RegularExpressions;
using StageMap.Engine.Model;
using StageMap.Engine.Report;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Report;

/// <summary>Export-StageMapReport lists the record types and the statuses each lacks.</summary>
public class RecordTypeReportTests
{
    private static readonly DateTimeOffset Generated = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static string Row(string page, string recordType) =>
        Regex.Match(page, $"<tr><td>[^<]*</td><td>{Regex.Escape(recordType)}</td>.*?</tr>").Value;

    [Fact]
    public void Each_record_type_shows_what_it_offers_and_what_it_lacks()
    {
        // As a browser reads it: Mono's HTML encoder writes every non-ASCII character as an entity.
        var page = System.Net.WebUtility.HtmlDecode(StageMapReport.Render(RecordTypeProject.Mapped(withContactMapping: true), null, Generated));

        Assert.Contains("<section id=\"record-types\">", page);
        var partner = Row(page, "Partner Lead (Partner_Lead)");
        Assert.Contains("<td>yes</td><td>Partner Process</td><td>Open - Not Contacted, Working - Contacted, Closed - Converted, Closed - Not Converted</td>", partner);
        Assert.Matches("<td class=\"miss\">\u2716 Nurturing, Meeting Booked</td></tr>$", partner);
        Assert.Matches("<td class=\"miss\">\u2716 Do Not Contact, Bad Data</td></tr>$", Row(page, "Customer Contact (Customer_Contact)"));
        var legacy = Row(page, "Legacy Lead (Legacy_Lead)");
        Assert.Contains("<td>no</td><td>Legacy Process</td>", legacy);
        Assert.EndsWith("<td>\u2014</td></tr>", legacy);
        Assert.Contains("SM016", page);
        Assert.Contains("Salesforce record types", page);
    }

    [Fact]
    public void Without_record_types_the_section_says_how_to_get_them()
    {
        var page = StageMapReport.Render(StageMapConfiguration.CreateDefault(), null, Generated);

        Assert.Contains("No record types are imported", page);
    }
}
