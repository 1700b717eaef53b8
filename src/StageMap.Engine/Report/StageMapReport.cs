using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using StageMap.Engine.Drift;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;
using StageMap.Engine.Storage;
using StageMap.Engine.Undo;
using StageMap.Engine.Validation;

namespace StageMap.Engine.Report;

/// <summary>
/// Export-StageMapReport: one self-contained HTML page about a configuration. Inline CSS and inline
/// SVG only, no script, no address of any kind, and a Content-Security-Policy that forbids loading
/// anything, so the page reads the same offline, in a mail attachment or a CI artifact. It shows a
/// verdict with the counts, the Lead flow picture, the drift (when record files were joined), the
/// findings by severity with their fixes, the contact side, the record types with the statuses each
/// lacks, the last snapshot of Outreach with where its restore stands, and the click-path checklist.
/// </summary>
public static class StageMapReport
{
    /// <summary>Allows inline styles and nothing else: no script, no fetch, no image from anywhere.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private const int HeatRows = 30;
    private const int HeatColumns = 14;
    private const int TopReasons = 10;
    private static readonly string[] NoConvertedStatus = { "a converted status" };

    /// <param name="snapshots">The configuration's snapshots, newest first (<see cref="SnapshotFolder"/>); null when it has no snapshot folder.</param>
    public static string Render(StageMapConfiguration configuration, DriftSummary? drift, DateTimeOffset generated, IReadOnlyList<StageSnapshotInfo>? snapshots = null)
    {
        var content = configuration.GetContent();
        var diagnostics = Validator.Validate(content);
        var builder = ProcedureBuilder.For(content.Experience);
        var html = new Html();
        html.Raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Element("title", $"StageMap report: {Name(configuration)}")
            .Raw("<style>").Raw(ReportStyle.Css).Raw("</style></head><body><main>");

        Header(html, configuration, content, diagnostics, drift, builder.Title, generated, UndoSection.IsPending(snapshots));
        html.Raw("<section id=\"flow\"><h2>Lead statuses \u2192 Outreach stages</h2>");
        html.Raw("<div class=\"legend\"><span><i></i>mapping</span><span><i class=\"broken\"></i>broken mapping (SM001\u2013SM003, SM013, SM014)</span><span><i class=\"unmapped\"></i>unmapped</span><span><i class=\"missing\"></i>missing (not in the CRM / no such stage)</span></div>");
        FlowPicture.Write(html, LeadFlow.Build(content, diagnostics));
        html.Raw("</section>");
        if (drift is not null)
        {
            Drift(html, drift);
        }

        Findings(html, diagnostics);

        Contact(html, content);
        RecordTypes(html, content);
        UndoSection.Write(html, snapshots);
        ClickPath(html, builder, configuration);
        html.Raw("<footer>").Text($"StageMap \u00b7 {generated.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture)}").Raw("</footer>");
        html.Raw("</main></body></html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page to <paramref name="path"/> atomically.</summary>
    /// <exception cref="StageMapException">OutputFileExists (without <paramref name="force"/>), OutputWriteFailed.</exception>
    public static void Export(string page, string path, bool force)
    {
        CheckTarget(path, force);
        try
        {
            AtomicFile.WriteAllBytes(path, Encodings.Utf8NoBom.GetBytes(page));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Failures.OutputFailed(path, e);
        }
    }

    /// <summary>Refuses an existing file without <paramref name="force"/>, before any work is done.</summary>
    /// <exception cref="StageMapException">OutputFileExists.</exception>
    public static void CheckTarget(string path, bool force)
    {
        if (!force && File.Exists(path))
        {
            throw Failures.OutputFileExists(path);
        }
    }

    private static string Name(StageMapConfiguration configuration) =>
        configuration.Path is null ? "configuration in memory" : Path.GetFileName(configuration.Path);

    private static void Header(Html html, StageMapConfiguration configuration, ConfigurationContent content, IReadOnlyList<Diagnostic> diagnostics, DriftSummary? drift, string experience, DateTimeOffset generated, bool restorePending)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        var information = diagnostics.Count - errors - warnings;
        html.Element("h1", "Stage mapping report");
        html.Element("p", $"{Name(configuration)} \u00b7 {experience} \u00b7 {generated.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}", "class=\"sub\"");
        var (kind, verdict) = errors > 0
            ? ("bad", $"\u2716 {Plural(errors, "error")} will break the sync. Fix {(errors == 1 ? "it" : "them")} before applying the mapping.")
            : warnings > 0
                ? ("warn", $"\u25B2 No error: the mapping can be applied. {Plural(warnings, "warning")} worth a look.")
                : ("ok", "\u2714 Ready: no finding stands in the way of the sync.");
        html.Element("p", verdict, $"class=\"verdict {kind}\"");
        html.Raw("<div class=\"tiles\">");
        Tile(html, "", content.LeadStatusMappings.Count, "lead status mappings");
        Tile(html, "", content.Stages.Count, "stages");
        Tile(html, "error", errors, "errors");
        Tile(html, "warning", warnings, "warnings");
        Tile(html, "info", information, "information");
        if (drift is not null)
        {
            Tile(html, "drift", drift.Drifted, $"drifted of {drift.Pairs.ToString("N0", CultureInfo.InvariantCulture)} records");
        }

        if (restorePending)
        {
            Tile(html, "warning", 1, "restore pending (see Undo)");
        }

        html.Raw("</div>");
    }

    private static void Tile(Html html, string kind, long value, string label) =>
        html.Raw($"<div class=\"tile {kind}\"><b>").Number(value).Raw("</b>").Element("span", label).Raw("</div>");

    private static void Findings(Html html, IReadOnlyList<Diagnostic> diagnostics)
    {
        html.Raw("<section id=\"findings\"><h2>Findings: <span id=\"findings-count\">").Number(diagnostics.Count).Raw("</span></h2>");
        if (diagnostics.Count == 0)
        {
            html.Element("p", "Test-StageMapping finds nothing.", "class=\"ok\"");
        }

        foreach (var group in diagnostics.GroupBy(d => d.Severity).OrderByDescending(g => g.Key))
        {
            html.Raw($"<div class=\"sev\" id=\"severity-{group.Key.ToString().ToLowerInvariant()}\">");
            html.Element("h3", $"{group.Key} ({group.Count()})");
            foreach (var d in group)
            {
                html.Raw($"<div class=\"finding {d.Severity}\">").Element("span", d.RuleId, "class=\"rule\"").Element("span", d.Target, "class=\"target\"");
                html.Raw("<div class=\"fix\">").Text(d.Message);
                if (d.Suggestion is not null)
                {
                    html.Raw(" Use ").Element("code", d.Suggestion).Raw(".");
                }

                html.Raw("</div></div>");
            }

            html.Raw("</div>");
        }

        html.Raw("</section>");
    }

    private static void Drift(Html html, DriftSummary drift)
    {
        html.Raw("<section id=\"drift\"><h2>Stage drift</h2>");
        var share = drift.Pairs == 0 ? 0 : drift.Drifted * 100.0 / drift.Pairs;
        html.Element("p", $"{drift.Drifted.ToString("N0", CultureInfo.InvariantCulture)} of {drift.Pairs.ToString("N0", CultureInfo.InvariantCulture)} joined {drift.Object.ToString().ToLowerInvariant()}s ({share.ToString("0.#", CultureInfo.InvariantCulture)} %) sit in a stage their CRM status does not explain; "
            + $"{drift.CrmOnly.ToString("N0", CultureInfo.InvariantCulture)} CRM records have no prospect and {drift.OutreachOnly.ToString("N0", CultureInfo.InvariantCulture)} prospects no CRM record.");
        html.Raw("<div class=\"two\"><div>");
        html.Element("h3", "Where records sit: CRM status \u00d7 Outreach stage");
        HeatMap(html, drift.CrossTab);
        html.Raw("</div><div>");
        html.Element("h3", "Top drift reasons");
        if (drift.Reasons.Count == 0)
        {
            html.Element("p", "No record drifts.", "class=\"ok\"");
        }
        else
        {
            html.Raw("<table class=\"reasons\"><thead><tr><th>reason</th><th>CRM status</th><th>records</th></tr></thead><tbody>");
            foreach (var reason in drift.Reasons.Take(TopReasons))
            {
                html.Raw("<tr>").Element("td", reason.ErrorId is null ? ReasonText(reason.Reason) : $"{ReasonText(reason.Reason)} ({reason.ErrorId})")
                    .Element("td", reason.CrmStatus).Raw("<td class=\"num\">").Number(reason.Count).Raw("</td></tr>");
            }

            html.Raw("</tbody></table>");
        }

        html.Raw("</div></div></section>");
    }

    private static void HeatMap(Html html, IReadOnlyList<DriftCell> cells)
    {
        if (cells.Count == 0)
        {
            html.Element("p", "No pair joined.", "class=\"note\"");
            return;
        }

        var statuses = cells.GroupBy(c => c.CrmStatus, StringComparer.Ordinal).OrderByDescending(g => g.Sum(c => c.Count)).Take(HeatRows).Select(g => g.Key).ToList();
        var stages = cells.GroupBy(c => c.OutreachStage, StringComparer.Ordinal).OrderByDescending(g => g.Sum(c => c.Count)).Take(HeatColumns).Select(g => g.Key).ToList();
        var byCell = cells.ToDictionary(c => (c.CrmStatus, c.OutreachStage));
        var max = Math.Log(cells.Max(c => c.Count) + 1);
        html.Raw("<table class=\"heat\"><thead><tr><th>CRM status \\ stage</th>");
        foreach (var stage in stages) html.Element("th", stage);
        html.Raw("</tr></thead><tbody>");
        foreach (var status in statuses)
        {
            html.Raw("<tr>").Element("th", status);
            foreach (var stage in stages)
            {
                if (!byCell.TryGetValue((status, stage), out var cell))
                {
                    html.Raw("<td class=\"cell\"></td>");
                    continue;
                }

                var alpha = (0.15 + (0.75 * Math.Log(cell.Count + 1) / max)).ToString("0.00", CultureInfo.InvariantCulture);
                var colour = cell.Drifted > 0 ? $"rgba(220,38,38,{alpha})" : $"rgba(22,163,74,{alpha})";
                html.Raw($"<td class=\"cell {(cell.Drifted > 0 ? "drift" : "match")}\" style=\"background:{colour}\">")
                    .Element("span", null, Html.Attribute("title", $"{status} / {stage}: {cell.Count} record(s), {cell.Drifted} drifted")).Number(cell.Count).Raw("</td>");
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table>");
        var shown = cells.Where(c => statuses.Contains(c.CrmStatus) && stages.Contains(c.OutreachStage)).Sum(c => c.Count);
        var total = cells.Sum(c => c.Count);
        html.Element("p", shown == total ? "Green: the stage the status gives; red: drift." : $"Green: the stage the status gives; red: drift. {(total - shown).ToString("N0", CultureInfo.InvariantCulture)} records sit in smaller cells not shown.", "class=\"note\"");
    }

    private static string ReasonText(DriftReason reason) => reason switch
    {
        DriftReason.StatusUnmapped => "status unmapped",
        DriftReason.MappedToAnotherStage => "mapped to another stage",
        DriftReason.StageMissing => "stage missing",
        DriftReason.StatusBlank => "status blank",
        _ => "record not convertible",
    };

    private static void Contact(Html html, ConfigurationContent content)
    {
        html.Raw("<section id=\"contact\"><h2>Contact side: stage names against contact status values</h2>");
        if (!content.CrmMetadata.HasContactStatuses)
        {
            html.Element("p", $"No contact status values are imported ({content.CrmMetadata.ContactStatusField}): Import-CrmMetadata with the Contact describe or the field's SFDX file shows them here.", "class=\"note\"");
            html.Raw("</section>");
            return;
        }

        html.Element("p", $"The Contact Stage Name mapping syncs the stage name as text into {content.CrmMetadata.ContactStatusField}: each name must be exactly a value.", "class=\"note\"");
        html.Raw("<table class=\"contact\"><thead><tr><th>stage</th><th>contact status value</th><th>match</th></tr></thead><tbody>");
        foreach (var row in ContactRows.Build(content))
        {
            var (text, css) = row.Match switch
            {
                ContactMatch.Exact => ("\u2714 exact", "ok"),
                ContactMatch.NearMiss => ("\u2716 near miss: not exact", "near"),
                ContactMatch.NoValue => ("\u2716 no such value", "miss"),
                _ => ("\u2716 no stage of this name", "miss"),
            };
            html.Raw("<tr>").Element("td", row.Stage ?? "\u2014").Element("td", row.ContactStatus ?? "\u2014").Element("td", text, $"class=\"{css}\"").Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    /// <summary>Each record type with the statuses it offers and, in red, those the sync writes that it lacks (SM016).</summary>
    private static void RecordTypes(Html html, ConfigurationContent content)
    {
        html.Raw("<section id=\"record-types\"><h2>Record types: the statuses each offers</h2>");
        var recordTypes = content.CrmMetadata.RecordTypesOf();
        if (recordTypes.Count == 0)
        {
            html.Element("p", "No record types are imported: Import-CrmMetadata with the SFDX project folder (or -Online) shows them here, with the statuses each lacks.", "class=\"note\"");
            html.Raw("</section>");
            return;
        }

        var gaps = RecordTypeGaps.Find(content).ToDictionary(g => (g.RecordType.Object, g.RecordType.DeveloperName));
        html.Element("p", "A record type offers only some of its object's statuses (a Lead record type, those of its Lead Process): Salesforce refuses a status the record type does not offer when the sync writes it.", "class=\"note\"");
        html.Raw("<table class=\"record-types\"><thead><tr><th>object</th><th>record type</th><th>active</th><th>Lead Process</th><th>offers</th><th>lacks</th></tr></thead><tbody>");
        foreach (var recordType in recordTypes)
        {
            gaps.TryGetValue((recordType.Object, recordType.DeveloperName), out var gap);
            var offers = recordType.IsMaster ? "every status" : recordType.Values.Count == 0 ? "not known" : string.Join(", ", recordType.Values);
            html.Raw("<tr>").Element("td", recordType.Object.ToString()).Element("td", $"{recordType.Name} ({recordType.DeveloperName})")
                .Element("td", recordType.IsActive ? "yes" : "no").Element("td", recordType.IsMaster ? "(master)" : recordType.BusinessProcess ?? "\u2014")
                .Element("td", offers);
            if (gap is null)
            {
                html.Element("td", recordType.IsActive && recordType.HasKnownValues ? "\u2714 nothing" : "\u2014", recordType.IsActive && recordType.HasKnownValues ? "class=\"ok\"" : "");
            }
            else
            {
                var lacks = gap.Missing.Select(m => m.Status).Concat(gap.OffersNoConvertedStatus ? NoConvertedStatus : Array.Empty<string>());
                html.Element("td", "\u2716 " + string.Join(", ", lacks), "class=\"miss\"");
            }

            html.Raw("</tr>");
        }

        html.Raw("</tbody></table></section>");
    }

    private static void ClickPath(Html html, ProcedureBuilder builder, StageMapConfiguration configuration)
    {
        html.Raw("<section id=\"clickpath\">").Element("h2", $"Click-path checklist: {builder.Title}");
        string? section = null;
        foreach (var step in builder.Build(configuration))
        {
            if (step.Section != section)
            {
                html.Raw(section is null ? "" : "</ol>");
                section = step.Section;
                html.Element("h3", section).Raw("<ol class=\"steps\">");
            }

            html.Raw("<li><span class=\"box\"></span>").Text($"{step.Step}. {step.Action}").Raw("</li>");
        }

        html.Raw(section is null ? "" : "</ol>").Raw("</section>");
    }

    private static string Plural(long n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";
}
