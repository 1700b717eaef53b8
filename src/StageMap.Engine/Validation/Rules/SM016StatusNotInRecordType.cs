using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM016: an active record type that does not offer a status the sync writes (<see cref="RecordTypeGaps"/>):
/// a Lead record type whose Lead Process lacks a mapped lead status, a Contact record type whose values
/// of the contact status field lack a stage name. Salesforce refuses such a write on a restricted
/// picklist ("bad value for restricted picklist"), although the org has the value. A Lead Process that
/// offers no converted status is said too: leads of that type cannot be converted. Inactive record types
/// are not reported; the master record type offers every value.
/// </summary>
public sealed class SM016StatusNotInRecordType : ValidationRule
{
    public override string Id => "SM016";

    public override Severity Severity => Severity.Warning;

    public override string Title => "A record type that does not offer a status the sync writes";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var gap in RecordTypeGaps.Find(context.Content))
        {
            yield return Report(context.Metadata, gap);
        }
    }

    private Diagnostic Report(CrmMetadata metadata, RecordTypeGap gap)
    {
        var recordType = gap.RecordType;
        var missing = gap.Missing.Select(m => m.Status).ToList();
        var fix = Fix(metadata, gap);
        var text = new List<string> { Opening(metadata, recordType) };
        if (missing.Count > 0)
        {
            text.Add(Lacks(recordType, gap.Missing, metadata));
            text.Add(fix is null ? ByHand(recordType) : $"Add {(missing.Count == 1 ? "it" : "them")}: {fix}, deploy the project, then import it again (Import-CrmMetadata -Path {Ps(recordType.SfdxProject)}); or in Salesforce Setup, as the Suggestion says.");
        }

        if (gap.OffersNoConvertedStatus)
        {
            var converted = metadata.LeadStatuses.Where(s => s.IsConverted && s.IsActive).Select(s => s.ApiName).ToList();
            text.Add($"It offers no converted status, so leads of this type cannot be converted. Add one to its Lead Process{(converted.Count == 0 ? "" : $" ({OrList(converted)})")}.");
        }

        return Report(recordType.Object, recordType.Name, string.Join(" ", text), SetupPath(metadata, recordType, missing))
            with { FixCommands = Fixes(fix) };
    }

    private static string Opening(CrmMetadata metadata, CrmRecordType recordType) => recordType.Object == CrmObject.Lead
        ? $"Lead record type {Quoted(recordType.Name)} ({recordType.DeveloperName}) offers the lead statuses of its Lead Process{(recordType.BusinessProcess is null ? "" : " " + Quoted(recordType.BusinessProcess))}."
        : $"Contact record type {Quoted(recordType.Name)} ({recordType.DeveloperName}) offers its own values of the contact status picklist {Quoted(metadata.ContactStatusField)}.";

    private static string Lacks(CrmRecordType recordType, IReadOnlyList<WrittenStatus> missing, CrmMetadata metadata)
    {
        var statuses = AndList(missing.Select(m => $"{Quoted(m.Status)} (stage{(m.Stages.Count == 1 ? "" : "s")} {QuotedList(m.Stages)})"));
        return recordType.Object == CrmObject.Lead
            ? $"It lacks {statuses}, which the lead status mappings write when Outreach moves a lead of this type to {(missing.Count == 1 && missing[0].Stages.Count == 1 ? "that stage" : "those stages")}, and Salesforce refuses a status the record type does not offer (bad value for restricted picklist)."
            : $"It lacks {statuses}, which the Contact 'Stage Name' mapping writes into {metadata.ContactStatusField} when Outreach moves a contact of this type to {(missing.Count == 1 ? "that stage" : "those stages")}, and Salesforce refuses a value the record type does not offer (bad value for restricted picklist).";
    }

    /// <summary>The complete fix, when the record type came from an SFDX project and the export settles the whole finding.</summary>
    private static string? Fix(CrmMetadata metadata, RecordTypeGap gap)
    {
        var recordType = gap.RecordType;
        if (recordType.SfdxProject is null || gap.Missing.Count == 0)
        {
            return null;
        }

        var addsConverted = gap.Missing.Any(m => metadata.LeadStatuses.Any(s => s.IsConverted && s.ApiName == m.Status));
        return gap.OffersNoConvertedStatus && !addsConverted ? null : $"Export-CrmMetadata -Path {Ps(recordType.SfdxProject)} -RecordType {Ps(recordType.Name)}";
    }

    private static string ByHand(CrmRecordType recordType)
    {
        var what = recordType.Object == CrmObject.Lead
            ? $"RecordType:Lead.{recordType.DeveloperName}{(recordType.BusinessProcess is null ? "" : $" \"BusinessProcess:Lead.{recordType.BusinessProcess}\"")}"
            : $"RecordType:Contact.{recordType.DeveloperName}";
        return $"Add them in Salesforce Setup, as the Suggestion says; or retrieve the record type into your SFDX project (sf project retrieve start --metadata {what}), import the project (Import-CrmMetadata -Path <project>) "
            + $"and add them with Export-CrmMetadata -Path <project> -RecordType {Ps(recordType.Name)}.";
    }

    /// <summary>Where in Salesforce Setup the values are added, in the words of Salesforce Help.</summary>
    private static string SetupPath(CrmMetadata metadata, CrmRecordType recordType, IReadOnlyList<string> missing)
    {
        var values = missing.Count > 0 ? QuotedList(missing) : "a converted status";
        if (recordType.Object == CrmObject.Lead)
        {
            var process = recordType.BusinessProcess is null ? $"the Lead Process of {Quoted(recordType.Name)}" : Quoted(recordType.BusinessProcess);
            return $"Setup > Object Manager > Lead > Lead Processes (or Quick Find: Lead Processes) > Edit {process} > move {values} to Selected Values > Save.";
        }

        var field = metadata.LabelOf(CrmObject.Contact, metadata.ContactStatusField) is { } label ? $"{Quoted(label)} ({metadata.ContactStatusField})" : metadata.ContactStatusField;
        return $"Setup > Object Manager > Contact > Record Types > {Quoted(recordType.Name)} > Edit beside {field} > move {values} to Selected Values > Save.";
    }

    private static string AndList(IEnumerable<string> items) => Join(items.ToList(), "and");

    private static string OrList(IEnumerable<string> items) => Join(items.Select(Quoted).ToList(), "or");

    private static string Join(IReadOnlyList<string> items, string last) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + $" {last} " + items[items.Count - 1];
}
