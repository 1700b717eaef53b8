using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using StageMap.Engine.Conversion.Bulk;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

/// <summary>A findings file is written from each finding's cells, without a <see cref="StageDrift"/>: it must hold what the objects hold.</summary>
public class DriftFindingsTests
{
    private static StageMapConfiguration Configuration() =>
        Configs.With(Configs.Lead("Stage", "Status", Configs.StageLookup()), Configs.Lead("Last Name", "LastName"));

    private static string Id(int n) => $"00Q5g00000Dm{n:D3}";

    [Theory]
    [InlineData("drift.jsonl", null, null)]
    [InlineData("drift.json", null, null)]
    [InlineData("drift.csv", null, null)]
    [InlineData("drift.jsonl", "Email", "emails")]
    [InlineData("drift.csv", "Email", "emails")]
    public void The_findings_file_holds_what_the_findings_objects_hold(string outFile, string? crmKey, string? outreachKey)
    {
        using var folder = new TempDirectory();
        var (leads, prospects) = Files(new Random(20261203));
        File.WriteAllText(folder.File("leads.csv"), leads);
        File.WriteAllText(folder.File("prospects.jsonl"), prospects);
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl"), CrmKey = crmKey, OutreachKey = outreachKey };
        var found = new List<StageDrift>();

        var objects = StageDriftFinder.Run(Configuration(), job, found.Add);
        job.OutFile = folder.File(outFile);
        var written = StageDriftFinder.Run(Configuration(), job, found.Add);

        Assert.True(found.Count > 100, $"{found.Count} findings");
        Assert.Contains(found, f => f.Kind == DriftKind.Drift);
        Assert.Contains(found, f => f.Kind == DriftKind.CrmOnly && f.Id is null);
        Assert.Contains(found, f => f.Kind == DriftKind.OutreachOnly && f.Id is not null);
        Assert.Contains(found, f => f.Kind == DriftKind.DuplicateKey && f.Side == DriftSide.Crm);
        Assert.Contains(found, f => f.Kind == DriftKind.DuplicateKey && f.Side == DriftSide.Outreach);
        Assert.Contains(found, f => f.Name is null);
        Assert.Equal((objects.Pairs, objects.Drifted, objects.CrmOnly, objects.OutreachOnly), (written.Pairs, written.Drifted, written.CrmOnly, written.OutreachOnly));
        Assert.Equal(Reference(found, RecordFileFormats.FromExtension(outFile)!.Value), File.ReadAllText(folder.File(outFile)));
    }

    /// <summary>Leads and prospects with every kind of finding, names made every way, keys and names with spaces around them.</summary>
    private static (string Leads, string Prospects) Files(Random random)
    {
        var leads = new StringBuilder("Id,Name,FirstName,LastName,Email,Status\n");
        var prospects = new StringBuilder();
        string Pad(string text) => random.Next(4) == 0 ? "  " + text + " " : text;
        for (var n = 0; n < 400; n++)
        {
            var id = n % 37 == 5 ? "" : Id(n % 97 == 3 ? n - 1 : n);
            var email = n % 41 == 7 ? "" : $"p{(n % 89 == 4 ? n - 1 : n)}@example.com";
            var whole = random.Next(3) == 0 ? Pad($"Whole {n}") : "";
            var first = random.Next(2) == 0 ? Pad($"First{n}") : "";
            var last = random.Next(2) == 0 ? Pad($"Last, {n}") : " ";
            var status = Configs.StandardStatuses[random.Next(4)];
            if (n % 50 != 49)
            {
                leads.Append(FormattableString.Invariant($"{Pad(id)},\"{whole}\",\"{first}\",\"{last}\",{Pad(email)},{status}\n"));
            }

            if (n % 60 != 59)
            {
                var prospectId = n % 43 == 6 ? "null" : $"\"{Pad(Id(n % 83 == 2 ? n - 1 : n))}\"";
                var name = random.Next(3) == 0 ? $"\"name\":\"{Pad($"P Whole {n}")}\"," : "";
                var firstName = random.Next(2) == 0 ? $"\"firstName\":\"{Pad($"Pf{n}")}\"," : "";
                var lastName = random.Next(2) == 0 ? $"\"lastName\":\"{Pad($"Pl {n}")}\"," : "";
                var stage = random.Next(8) switch { 0 => "null", 1 => "7", 2 => "\"Replied\"", _ => (1 + random.Next(4)).ToString(CultureInfo.InvariantCulture) };
                prospects.Append(FormattableString.Invariant($"{{\"salesforceId\":{prospectId},{name}{firstName}{lastName}\"emails\":[\"{Pad($"p{(n % 71 == 8 ? n - 1 : n)}@example.com")}\"],\"stage\":{stage}}}\n"));
            }
        }

        return (leads.ToString(), prospects.ToString());
    }

    /// <summary>The findings as the file writer writes them, each property's text a cell.</summary>
    private static string Reference(IEnumerable<StageDrift> found, RecordFileFormat format)
    {
        using var stream = new MemoryStream();
        using (var writer = RecordFileWriter.ForRows(format, stream, DriftFindings.Columns))
        {
            var cells = new RowCells(DriftFindings.Columns.Length);
            foreach (var f in found)
            {
                cells.Clear();
                var texts = new[] { f.Kind.ToString(), f.Id, f.Name, f.CrmStatus, f.ExpectedStage, f.ActualStage, f.Reason?.ToString(), f.ErrorId, f.NextPull, f.Side.ToString(), f.Message };
                for (var i = 0; i < texts.Length; i++)
                {
                    cells.Set(i, texts[i]);
                }

                writer.WriteRow(cells);
            }

            writer.Finish();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
