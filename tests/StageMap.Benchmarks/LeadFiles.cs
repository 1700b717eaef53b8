using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace StageMap.Benchmarks;

/// <summary>Leads as a Data Loader export writes them; the same seed gives the same file (the generator of Measure-Conversion.ps1).</summary>
public static class LeadFiles
{
    private static readonly string[] Statuses = { "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted" };
    private static readonly string[] Titles = { "VP, Sales", "Director of Operations", "", "CFO", "Head of \"Growth\"" };
    private static readonly string[] States = { "CA", "NY", "", "TX", "VA" };
    private static readonly string[] Sources = { "Web", "Partner Referral", "Trade Show", "" };

    public static void Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\r\n" };
        writer.WriteLine("Id,FirstName,LastName,Email,Title,Company,Phone,State,LeadSource,Status");
        for (var i = 0; i < rows; i++)
        {
            var title = Titles[random.Next(Titles.Length)];
            writer.Write("00Q5g0000"); writer.Write(i.ToString("D9", CultureInfo.InvariantCulture)); writer.Write(',');
            writer.Write("First"); writer.Write(i); writer.Write(",Last"); writer.Write(i); writer.Write(',');
            writer.Write("lead"); writer.Write(i); writer.Write("@example.com,");
            writer.Write(title.AsSpan().IndexOfAny(',', '"') >= 0 ? "\"" + title.Replace("\"", "\"\"") + "\"" : title); writer.Write(',');
            writer.Write("\"Company "); writer.Write(i % 4999); writer.Write(", Inc.\",");
            writer.Write("(555) "); writer.Write((i % 1000).ToString("D3", CultureInfo.InvariantCulture)); writer.Write('-'); writer.Write((i % 10000).ToString("D4", CultureInfo.InvariantCulture)); writer.Write(',');
            writer.Write(States[random.Next(States.Length)]); writer.Write(',');
            writer.Write(Sources[random.Next(Sources.Length)]); writer.Write(',');
            writer.WriteLine(Statuses[random.Next(Statuses.Length)]);
        }
    }
}
