using System.Collections.Generic;
using System.IO;
using System.Linq;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Tests.Conversion;
using StageMap.Engine.Tests.Support;
using Xunit;

namespace StageMap.Engine.Tests.Drift;

public class StageDriftFinderTests
{
    // Stages 1-4 (New, Approaching, Replied, Unresponsive) are mapped from the four standard statuses; 5 and 6 are not.
    private static StageMapConfiguration Configuration(FieldMappingOptions? options = null) =>
        Configs.With(Configs.Lead("Stage", "Status", options ?? Configs.StageLookup()), Configs.Lead("Last Name", "LastName"));

    private static string Id(int n) => $"00Q5g00000Dm{n:D3}";

    private static (DriftSummary Summary, List<StageDrift> Found) Run(TempDirectory folder, string crm, string prospects, StageMapConfiguration? configuration = null, string? crmKey = null, string? outreachKey = null, string crmName = "leads.csv", string outreachName = "prospects.jsonl")
    {
        File.WriteAllText(folder.File(crmName), crm);
        File.WriteAllText(folder.File(outreachName), prospects);
        var found = new List<StageDrift>();
        var job = new DriftJob { CrmPath = folder.File(crmName), OutreachPath = folder.File(outreachName), CrmKey = crmKey, OutreachKey = outreachKey };
        var summary = StageDriftFinder.Run(configuration ?? Configuration(), job, found.Add);
        return (summary, found);
    }

    private static string Leads(params (string Id, string Name, string Status)[] rows) =>
        "Id,LastName,Status\n" + string.Concat(rows.Select(r => $"{r.Id},\"{r.Name}\",{r.Status}\n"));

    private static string Prospects(params (string? Id, string Name, object? Stage)[] rows) =>
        string.Concat(rows.Select(r => $"{{\"salesforceId\":{Json(r.Id)},\"lastName\":\"{r.Name}\",\"stage\":{(r.Stage is string s ? Json(s) : r.Stage?.ToString() ?? "null")}}}\n"));

    private static string Json(string? text) => text is null ? "null" : $"\"{text}\"";

    private static void AssertAddsUp(DriftSummary s)
    {
        Assert.Equal(s.CrmRead, s.Pairs + s.CrmOnly + s.CrmDuplicates);
        Assert.Equal(s.OutreachRead, s.Pairs + s.OutreachOnly + s.OutreachDuplicates);
        Assert.Equal(s.Pairs, s.Matching + s.Drifted);
        Assert.Equal(s.Pairs, s.CrossTab.Sum(c => c.Count));
        Assert.Equal(s.Drifted, s.CrossTab.Sum(c => c.Drifted));
        Assert.Equal(s.Drifted, s.Reasons.Sum(r => r.Count));
    }

    [Fact]
    public void Prospects_moved_to_another_stage_are_the_only_findings()
    {
        using var folder = new TempDirectory();
        var crm = Leads((Id(1), "Akin", "Working - Contacted"), (Id(2), "Bair", "Open - Not Contacted"), (Id(3), "Cotton", "Closed - Converted"), (Id(4), "Dean", "Working - Contacted"));
        var outreach = Prospects((Id(1), "Akin", 2), (Id(2), "Bair", 5), (Id(3), "Cotton", 3), (Id(4), "Dean", 6));

        var (summary, found) = Run(folder, crm, outreach);

        Assert.Equal(
            new[] { ("Bair", "Open - Not Contacted", "New", "Do Not Contact", "stage 'New'"), ("Dean", "Working - Contacted", "Approaching", "Bad Data", "stage 'Approaching'") },
            found.Select(f => (f.Name!, f.CrmStatus!, f.ExpectedStage!, f.ActualStage!, f.NextPull!)));
        Assert.All(found, f => Assert.Equal((DriftKind.Drift, DriftReason.MappedToAnotherStage), (f.Kind, f.Reason!.Value)));
        Assert.Equal((4L, 2L, 2L), (summary.Pairs, summary.Matching, summary.Drifted));
        AssertAddsUp(summary);
        Assert.Contains(new DriftCell("Working - Contacted", "Bad Data", 1, 1), summary.CrossTab);
        Assert.Contains(new DriftCell("Working - Contacted", "Approaching", 1, 0), summary.CrossTab);
    }

    [Fact]
    public void Each_reason_is_told_apart()
    {
        using var folder = new TempDirectory();
        var configuration = Configuration();
        configuration.AddLeadStatusMapping("Nurturing", "Do Not Contact");
        var content = configuration.GetContent();
        content.LeadStatusMappings[4] = content.LeadStatusMappings[4] with { StageId = 42 };
        configuration = new StageMapConfiguration(content);
        var crm = Leads((Id(1), "Unmapped", "Qualified"), (Id(2), "Blank", ""), (Id(3), "MissingStage", "Nurturing"), (Id(4), "ProspectInNoStage", "Working - Contacted"), (Id(5), "UnknownProspectStage", "Working - Contacted"), (Id(6), "Fine", "Working - Contacted"));
        var outreach = Prospects((Id(1), "Unmapped", 2), (Id(2), "Blank", 2), (Id(3), "MissingStage", 5), (Id(4), "ProspectInNoStage", null), (Id(5), "UnknownProspectStage", 77), (Id(6), "Fine", "approaching"));

        var (summary, found) = Run(folder, crm, outreach, configuration);

        Assert.Equal(
            new (string, DriftReason, string?, string?, string)[]
            {
                ("Unmapped", DriftReason.StatusUnmapped, ErrorIds.UnmappedCrmStatus, null, "nothing: the sync rejects the record (UnmappedCrmStatus)"),
                ("Blank", DriftReason.StatusBlank, null, null, "clears the stage"),
                ("MissingStage", DriftReason.StageMissing, ErrorIds.UnknownStage, null, "nothing: the sync rejects the record (UnknownStage)"),
                ("ProspectInNoStage", DriftReason.MappedToAnotherStage, null, "Approaching", "stage 'Approaching'"),
                ("UnknownProspectStage", DriftReason.StageMissing, null, "Approaching", "stage 'Approaching'"),
            },
            found.Select(f => (f.Name!, f.Reason!.Value, f.ErrorId, f.ExpectedStage, f.NextPull!)));
        Assert.Equal("stage id 77", found[4].ActualStage);
        Assert.Null(found[3].ActualStage);
        AssertAddsUp(summary);
    }

    [Fact]
    public void A_record_that_does_not_convert_is_not_convertible_with_its_error_id()
    {
        using var folder = new TempDirectory();
        var byId = Configuration(Configs.StageLookup(lookForName: false));
        var crm = Leads((Id(1), "Akin", "01J5g00000Lb7QBEAZ"), (Id(2), "Bair", "01J5g00000Zzzzz"));
        var outreach = Prospects((Id(1), "Akin", 2), (Id(2), "Bair", 2));

        var (_, found) = Run(folder, crm, outreach, byId);

        var drift = Assert.Single(found);
        Assert.Equal(("Bair", DriftReason.NotConvertible, ErrorIds.UnknownLeadStatusId), (drift.Name, drift.Reason!.Value, drift.ErrorId));
    }

    [Fact]
    public void A_blank_status_with_skip_empty_keeps_the_stage_and_a_placeholder_gives_its_stage()
    {
        using var folder = new TempDirectory();
        var crm = Leads((Id(1), "Akin", ""), (Id(2), "Bair", ""));
        var outreach = Prospects((Id(1), "Akin", 2), (Id(2), "Bair", null));

        var (_, skipped) = Run(folder, crm, outreach, Configuration(Configs.StageLookup() with { SkipEmptyOnPull = true }));
        var (_, placeholder) = Run(folder, crm, outreach, Configuration(Configs.StageLookup() with { InternalEmptyPlaceholder = "New" }));

        var kept = Assert.Single(skipped);
        Assert.Equal(("Akin", DriftReason.StatusBlank, "nothing: SkipEmptyOnPull keeps the stage"), (kept.Name, kept.Reason!.Value, kept.NextPull));
        Assert.Equal(new[] { ("Akin", "New", "Approaching"), ("Bair", "New", (string?)null) }, placeholder.Select(f => (f.Name!, f.ExpectedStage!, f.ActualStage)));
        Assert.All(placeholder, f => Assert.Equal(DriftReason.StatusBlank, f.Reason));
    }

    [Fact]
    public void Records_only_one_file_has_and_repeated_keys_are_their_own_kinds()
    {
        using var folder = new TempDirectory();
        var crm = Leads((Id(1), "Akin", "Working - Contacted"), (Id(2), "Bair", "Working - Contacted"), (Id(2), "Bair again", "Working - Contacted"), ("", "Nokey", "Working - Contacted"));
        var outreach = Prospects((Id(1), "Akin", 2), (Id(3), "Cotton", 2), (Id(1), "Akin twin", 2), (null, "Orphan", 2));

        foreach (var (crmName, outreachName) in new[] { ("leads.csv", "prospects.jsonl"), ("a-long-name-leads.csv", "p.jsonl") })
        {
            var (summary, found) = Run(folder, crm, outreach, crmName: crmName, outreachName: outreachName);

            Assert.Equal(
                new[] { (DriftKind.CrmOnly, "Bair"), (DriftKind.CrmOnly, "Nokey"), (DriftKind.OutreachOnly, "Cotton"), (DriftKind.OutreachOnly, "Orphan"), (DriftKind.DuplicateKey, "Akin twin"), (DriftKind.DuplicateKey, "Bair again") },
                found.Select(f => (f.Kind, f.Name!)).OrderBy(f => f.Kind).ThenBy(f => f.Item2));
            Assert.Equal((4L, 4L, 1L, 2L, 2L, 1L, 1L), (summary.CrmRead, summary.OutreachRead, summary.Pairs, summary.CrmOnly, summary.OutreachOnly, summary.CrmDuplicates, summary.OutreachDuplicates));
            AssertAddsUp(summary);
        }
    }

    [Fact]
    public void The_smaller_file_s_keys_are_held_and_the_answer_does_not_depend_on_which()
    {
        using var folder = new TempDirectory();
        var rows = Enumerable.Range(1, 200).ToList();
        var crm = Leads(rows.Select(n => (Id(n), $"Lead{n}", "Working - Contacted")).ToArray());
        var fewProspects = Prospects(rows.Take(20).Select(n => ((string?)Id(n), $"Lead{n}", (object?)(n % 7 == 0 ? 5 : 2))).ToArray());
        var manyProspects = Prospects(rows.Concat(Enumerable.Range(201, 300)).Select(n => ((string?)Id(n), $"Lead{n}", (object?)(n % 7 == 0 ? 5 : 2))).ToArray());

        var (few, fewFound) = Run(folder, crm, fewProspects);
        var (many, manyFound) = Run(folder, crm, manyProspects);

        Assert.Equal((DriftSide.Outreach, 20L), (few.HeldSide, few.HeldKeys));
        Assert.Equal((DriftSide.Crm, 200L), (many.HeldSide, many.HeldKeys));
        Assert.Equal(new[] { 7, 14 }.Select(Id), fewFound.Where(f => f.Kind == DriftKind.Drift).Select(f => f.Id));
        Assert.Equal(rows.Where(n => n % 7 == 0).Select(Id), manyFound.Where(f => f.Kind == DriftKind.Drift).Select(f => f.Id).OrderBy(i => i, System.StringComparer.Ordinal));
        Assert.Equal((180L, 0L), (few.CrmOnly, few.OutreachOnly));
        Assert.Equal((0L, 300L), (many.CrmOnly, many.OutreachOnly));
        AssertAddsUp(few);
        AssertAddsUp(many);
    }

    [Fact]
    public void Ids_join_by_their_15_character_form()
    {
        using var folder = new TempDirectory();
        var crm = Leads(("00Q5g00000Dm001EAB", "Akin", "Working - Contacted"), ("00Q5g00000Dm002", "Bair", "Working - Contacted"), ("00q5g00000dm003", "Case", "Working - Contacted"));
        var outreach = Prospects(("00Q5g00000Dm001", "Akin", 2), ("00Q5g00000Dm002EAB", "Bair", 5), ("00Q5g00000Dm003", "Case", 2));

        var (summary, found) = Run(folder, crm, outreach);

        Assert.Equal(2, summary.Pairs);
        Assert.Equal(new[] { (DriftKind.Drift, "00Q5g00000Dm002EAB"), (DriftKind.CrmOnly, "00q5g00000dm003"), (DriftKind.OutreachOnly, "00Q5g00000Dm003") }, found.Select(f => (f.Kind, f.Id!)).OrderBy(f => f.Kind));
    }

    [Fact]
    public void Outreach_JSON_API_prospects_join_by_externalId_or_the_meta_StageMap_writes()
    {
        using var folder = new TempDirectory();
        var crm = Leads((Id(1), "Akin", "Working - Contacted"), (Id(2), "Bair", "Working - Contacted"), (Id(3), "Case", "Working - Contacted"));
        var outreach =
            "{\"data\":[" +
            $"{{\"type\":\"prospect\",\"id\":11,\"attributes\":{{\"externalId\":\"{Id(1)}\",\"firstName\":\"Kristen\",\"lastName\":\"Akin\"}},\"relationships\":{{\"stage\":{{\"data\":{{\"type\":\"stage\",\"id\":2}}}}}}}}," +
            $"{{\"type\":\"prospect\",\"id\":12,\"attributes\":{{\"externalId\":\"{Id(2)}\",\"lastName\":\"Bair\"}},\"relationships\":{{\"stage\":{{\"data\":{{\"type\":\"stage\",\"id\":6}}}}}}}}" +
            "]}";
        var document = $"{{\"data\":{{\"type\":\"prospect\",\"attributes\":{{\"lastName\":\"Case\"}},\"relationships\":{{\"stage\":{{\"data\":null}}}}}},\"meta\":{{\"salesforceId\":\"{Id(3)}\"}}}}\n";

        var (list, listFound) = Run(folder, crm, outreach, outreachName: "prospects.json");
        var (one, oneFound) = Run(folder, Leads((Id(3), "Case", "Working - Contacted")), document);

        Assert.Equal(2, list.Pairs);
        var drift = Assert.Single(listFound, f => f.Kind == DriftKind.Drift);
        Assert.Equal(("Bair", "Bad Data"), (drift.Name, drift.ActualStage));
        Assert.Equal(1, one.Pairs);
        Assert.Equal(("Case", (string?)null, DriftReason.MappedToAnotherStage), (oneFound[0].Name!, oneFound[0].ActualStage, oneFound[0].Reason!.Value));
    }

    [Fact]
    public void Other_keys_name_fields_a_dotted_path_or_a_list_s_first_value()
    {
        using var folder = new TempDirectory();
        var crm = "{\"records\":[{\"attributes\":{\"type\":\"Lead\",\"referenceId\":\"LeadRef1\"},\"Email\":\"a@example.com\",\"LastName\":\"Akin\",\"Status\":\"Working - Contacted\"}]}";
        var outreach = "{\"emails\":[\"a@example.com\",\"other@example.com\"],\"lastName\":\"Akin\",\"stage\":3}\n";

        var (summary, found) = Run(folder, crm, outreach, crmKey: "Email", outreachKey: "emails", crmName: "tree.json");
        var (byPath, _) = Run(folder, crm, "{\"ref\":{\"id\":\"LeadRef1\"},\"stage\":2}\n", crmKey: "attributes.referenceId", outreachKey: "ref.id", crmName: "tree.json");

        Assert.Equal(("a@example.com", "Replied"), (Assert.Single(found).Id, found[0].ActualStage));
        Assert.Equal(1, summary.Pairs);
        Assert.Equal((1L, 0L), (byPath.Pairs, byPath.Drifted));
    }

    [Fact]
    public void Findings_go_to_the_out_file_which_is_not_replaced_without_force()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads((Id(1), "Akin, Kristen", "Working - Contacted")));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects((Id(1), "Akin", 6)));
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl"), OutFile = folder.File("drift.csv") };

        var summary = StageDriftFinder.Run(Configuration(), job);
        var lines = File.ReadAllLines(folder.File("drift.csv"));
        File.WriteAllText(folder.File("drift.jsonl"), "keep me");
        job.OutFile = folder.File("drift.jsonl");
        var refused = Assert.Throws<StageMapException>(() => StageDriftFinder.Run(Configuration(), job));
        job.Force = true;
        StageDriftFinder.Run(Configuration(), job);

        Assert.Equal(folder.File("drift.csv"), summary.OutFile);
        Assert.Equal("kind,id,name,crmStatus,expectedStage,actualStage,reason,errorId,nextPull,side,message", lines[0]);
        Assert.StartsWith($"Drift,{Id(1)},\"Akin, Kristen\",Working - Contacted,Approaching,Bad Data,MappedToAnotherStage,,stage 'Approaching',Crm,", lines[1]);
        Assert.Equal(ErrorIds.OutputFileExists, refused.ErrorId);
        var json = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllLines(folder.File("drift.jsonl")).Single());
        Assert.Equal("MappedToAnotherStage", (string?)json["reason"]);
        Assert.Empty(Directory.GetFiles(folder.Path, ".stagemap-*"));
    }

    [Fact]
    public void A_CSV_out_file_counts_formula_cells_for_one_warning_as_conversion_does_and_escapes_them_when_asked()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads((Id(1), "Akin", "Working - Contacted"), (Id(2), "Bair", "-Open"), (Id(3), "Case", "Working - Contacted")));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects((Id(1), "=SUM(A1)", 6), (Id(2), "@Bair", 6), (Id(3), "+Case", 2)));
        var warnings = new List<string>();
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl"), OutFile = folder.File("drift.csv") };

        StageDriftFinder.Run(Configuration(), job, warn: warnings.Add);
        var plain = File.ReadAllText(folder.File("drift.csv"));
        job.Force = true;
        job.EscapeFormula = true;
        StageDriftFinder.Run(Configuration(), job, warn: warnings.Add);
        var escaped = File.ReadAllLines(folder.File("drift.csv"));

        var warning = Assert.Single(warnings);
        Assert.Contains("drift.csv' has 3 cell(s) starting with =, +, -, @, a tab or a carriage return (the first in row 2, column 'name')", warning);
        Assert.Contains($"{Id(1)},=SUM(A1),", plain);
        Assert.Contains($"{Id(1)},'=SUM(A1),", escaped[1]);
        Assert.Contains($"{Id(2)},'@Bair,'-Open,", escaped[2]);
        job.OutFile = folder.File("drift.jsonl");
        job.EscapeFormula = false;
        StageDriftFinder.Run(Configuration(), job, warn: warnings.Add);
        Assert.Single(warnings);
    }

    [Fact]
    public void Contacts_expect_the_stage_their_status_names_exactly()
    {
        using var folder = new TempDirectory();
        var contacts = Configs.With(Configs.Contact("Stage Name", "Contact_Status__c"), Configs.Contact("Last Name", "LastName"));
        File.WriteAllText(folder.File("contacts.csv"), $"Id,LastName,Contact_Status__c\n{Id(1)},Akin,Replied\n{Id(2)},Bair,replied\n{Id(3)},Case,New\n");
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects((Id(1), "Akin", "Replied"), (Id(2), "Bair", 3), (Id(3), "Case", 2)));
        var found = new List<StageDrift>();

        var summary = StageDriftFinder.Run(contacts, new DriftJob { Object = CrmObject.Contact, CrmPath = folder.File("contacts.csv"), OutreachPath = folder.File("prospects.jsonl") }, found.Add);

        Assert.Equal(
            new[] { ("Bair", DriftReason.StageMissing, (string?)ErrorIds.UnknownStage), ("Case", DriftReason.MappedToAnotherStage, null) },
            found.Select(f => (f.Name!, f.Reason!.Value, f.ErrorId)));
        Assert.Equal((3L, 1L), (summary.Pairs, summary.Matching));
    }

    [Fact]
    public void A_configuration_without_a_Stage_mapping_cannot_say_what_is_expected()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.File("leads.csv"), Leads((Id(1), "Akin", "Working - Contacted")));
        File.WriteAllText(folder.File("prospects.jsonl"), Prospects((Id(1), "Akin", 2)));
        var job = new DriftJob { CrmPath = folder.File("leads.csv"), OutreachPath = folder.File("prospects.jsonl") };

        var failure = Assert.Throws<StageMapException>(() => StageDriftFinder.Run(Configs.With(Configs.Lead("Last Name", "LastName")), job));

        Assert.Equal(ErrorIds.NoStageMapping, failure.ErrorId);
    }

    [Fact]
    public void A_malformed_file_is_an_invalid_record_file_error()
    {
        using var folder = new TempDirectory();

        var failure = Assert.Throws<StageMapException>(() => Run(folder, Leads((Id(1), "Akin", "Working - Contacted")), "{\"salesforceId\": \"x\", oops}\n"));

        Assert.Equal(ErrorIds.InvalidRecordFile, failure.ErrorId);
    }
}

public class JoinKeyTests
{
    [Fact]
    public void Ids_compare_by_their_15_character_form_and_other_keys_exactly()
    {
        Assert.Equal(JoinKey.From("00Q5g00000Dm001EAB"), JoinKey.From(" 00Q5g00000Dm001 "));
        Assert.Equal(JoinKey.From("00Q5g00000Dm001EAB").GetHashCode(), JoinKey.From("00Q5g00000Dm001").GetHashCode());
        Assert.NotEqual(JoinKey.From("00Q5g00000Dm001"), JoinKey.From("00Q5g00000DM001"));
        Assert.NotEqual(JoinKey.From("00Q5g00000Dm001"), JoinKey.From("00Q5g00000Dm002"));
        Assert.Equal(JoinKey.From("a@example.com"), JoinKey.From("a@example.com"));
        Assert.NotEqual(JoinKey.From("a@example.com"), JoinKey.From("A@example.com"));
        Assert.Null(JoinKey.From("  "));
        Assert.Null(JoinKey.From(null));
    }
}
