using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Procedure;

/// <summary>
/// Renders the article's procedures with one configuration's values, in parts: the stages Outreach
/// does not have yet as the configuration has them (created, renamed, reordered, recoloured), (when a record
/// type does not offer a status the sync writes: SM016) the Salesforce Setup steps that add it, the Lead Status
/// mappings (one Add / select status / select stage / Save group per mapping), the Lead Stage &lt;&gt;
/// Status field mapping with each advanced option it sets, and the Contact Stage Name &lt;&gt; Contact
/// Status field mapping. Steps are numbered 1..n across the parts. A part the configuration does not
/// hold yet is one "Not configured yet" step that names the command to add it, so a checklist never
/// looks complete while it is not. "Access the Outreach Platform" opens the first part that has clicks.
/// Each experience (<see cref="ClassicPluginProcedure"/>, <see cref="EnhancedCrmSyncProcedure"/>)
/// supplies its own wording.
/// </summary>
public abstract class ProcedureBuilder
{
    public const string StageSection = "Outreach stages";
    public const string RecordTypeSection = "Salesforce record types";
    public const string LeadStatusSection = "Lead Status mappings";
    public const string LeadFieldSection = "Lead Stage <> Status field mapping";
    public const string ContactFieldSection = "Contact Stage Name <> Contact Status field mapping";

    private protected ProcedureBuilder()
    {
    }

    public static ProcedureBuilder For(Experience experience) =>
        experience == Experience.EnhancedCrmSync ? new EnhancedCrmSyncProcedure() : new ClassicPluginProcedure();

    /// <summary>The experience's name as a heading, e.g. "Classic Plugin".</summary>
    public abstract string Title { get; }

    /// <summary>The button that adds a field mapping.</summary>
    protected abstract string AddMappingButton { get; }

    /// <summary>Where the object's field mappings are listed.</summary>
    protected abstract string FieldList { get; }

    /// <summary>What the advanced options are called on the mapping.</summary>
    protected abstract string AdvancedOptions { get; }

    /// <summary>The section that holds the Mapped field option.</summary>
    protected abstract string MappedFieldSection { get; }

    /// <summary>The last step of a field mapping with advanced options.</summary>
    protected abstract string DoneAndSave { get; }

    /// <summary>The steps for <paramref name="configuration"/>; <paramref name="only"/> keeps one object's parts.</summary>
    public IReadOnlyList<ProcedureStep> Build(StageMapConfiguration configuration, CrmObject? only = null)
    {
        var steps = new StepWriter();
        AddStages(steps, configuration);
        AddRecordTypes(steps, configuration, only);
        if (only != CrmObject.Contact)
        {
            AddLeadStatusMappings(steps, configuration);
            AddStageFieldMapping(
                steps, configuration, LeadFieldSection, CrmObject.Lead, OutreachFields.Stage,
                "New-FieldMapping -Object Lead -OutreachField Stage -CrmField Status -LookupField -ExternalMappedField -ExternalMappedType LeadStatus -LookForName");
        }

        if (only != CrmObject.Lead)
        {
            AddStageFieldMapping(
                steps, configuration, ContactFieldSection, CrmObject.Contact, OutreachFields.StageName,
                $"New-FieldMapping -Object Contact -OutreachField 'Stage Name' -CrmField {configuration.CrmMetadata.ContactStatusField}");
        }

        return steps.Steps;
    }

    /// <summary>From the Outreach Platform to the Lead Status object's Mappings tab.</summary>
    protected abstract void OpenLeadStatusMappings(StepWriter steps);

    /// <summary>From the Outreach Platform to where the object's field mappings are added.</summary>
    protected abstract void OpenFieldMappings(StepWriter steps, CrmObject crmObject);

    /// <summary>What opens the advanced options of a mapping, where the experience has such a step.</summary>
    protected virtual void OpenAdvancedOptions(StepWriter steps)
    {
    }

    /// <summary>
    /// What the admin must do to Outreach's stages before a mapping can select them: each stage not
    /// known to be in Outreach is created (one of the six out-of-the-box names is checked, and created
    /// only if missing), each one Outreach has otherwise is renamed, reordered or recoloured, in stage
    /// order; then the admin records that Outreach has them. Nothing when Outreach has every stage as it is.
    /// </summary>
    private static void AddStages(StepWriter steps, StageMapConfiguration configuration)
    {
        var pending = configuration.Stages.Where(s => !s.IsInOutreach || s.DiffersFromOutreach).InStageOrder().ToList();
        if (pending.Count == 0)
        {
            return;
        }

        steps.Begin(StageSection);
        steps.AccessOutreach();
        steps.Add(null, "Open the page where your Outreach stages are managed (the article this procedure follows does not name that page, in either experience).");
        foreach (var stage in pending)
        {
            if (stage.Outreach is not { } inOutreach)
            {
                AddStageToCreate(steps, stage);
                continue;
            }

            var id = stage.Id.ToString(CultureInfo.InvariantCulture);
            if (!string.Equals(inOutreach.Name, stage.Name, System.StringComparison.Ordinal))
            {
                steps.Add(stage.Name, "Rename the stage {0} (Outreach id {1}) to {2}.", Inline.Value(inOutreach.Name), Inline.Code(id), Inline.Value(stage.Name));
            }

            if (inOutreach.Order != stage.Order)
            {
                steps.Add(stage.Name, "Set the order of the stage {0} (Outreach id {1}) to {2}; Outreach has it at {3}.",
                    Inline.Value(stage.Name), Inline.Code(id), Inline.Code(stage.Order.ToString(CultureInfo.InvariantCulture)), Inline.Code(inOutreach.Order.ToString(CultureInfo.InvariantCulture)));
            }

            if (!string.Equals(inOutreach.Color, stage.Color, System.StringComparison.OrdinalIgnoreCase))
            {
                if (stage.Color is { } color)
                {
                    steps.Add(stage.Name, "Set the colour of the stage {0} (Outreach id {1}) to {2}.", Inline.Value(stage.Name), Inline.Code(id), Inline.Value(color));
                }
                else if (inOutreach.Color is { } outreachColor)
                {
                    steps.Add(stage.Name, "Clear the colour of the stage {0} (Outreach id {1}); Outreach has it as {2}.", Inline.Value(stage.Name), Inline.Code(id), Inline.Value(outreachColor));
                }
            }
        }

        steps.Add(null, "When Outreach shows these stages, record it here, so this part of the procedure is done: export Outreach's stage list and run {0}, or confirm each stage with {1}.",
            Inline.Code("Import-OutreachStage -Path <Outreach's stage list> -Merge"), Inline.Code("Set-OutreachStage -Name <stage> -OutreachId <its id in Outreach>"));
    }

    /// <summary>
    /// What the admin must do in Salesforce Setup for each record type SM016 reports, in the words of
    /// Salesforce Help: add the statuses the sync writes to the Lead Process a Lead record type uses (Setup,
    /// Lead Processes, Edit, move them to Selected Values, Save), or to a Contact record type's values of the
    /// contact status picklist (Object Manager, Contact, Record Types, the record type, Edit beside the
    /// picklist). Nothing when every record type offers what the sync writes.
    /// </summary>
    private static void AddRecordTypes(StepWriter steps, StageMapConfiguration configuration, CrmObject? only)
    {
        var metadata = configuration.CrmMetadata;
        var gaps = RecordTypeGaps.Find(configuration.GetContent()).Where(g => only is null || g.RecordType.Object == only).ToList();
        if (gaps.Count == 0)
        {
            return;
        }

        steps.Begin(RecordTypeSection);
        steps.Add(null, "Log in to Salesforce as an administrator and open Setup. The sync writes statuses these record types do not offer, and Salesforce refuses them; values added to a picklist do not appear on record types until they are added there.");
        var processes = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var gap in gaps)
        {
            var recordType = gap.RecordType;
            var missing = gap.Missing.Select(m => m.Status).ToList();
            if (recordType.Object == CrmObject.Lead)
            {
                var process = recordType.BusinessProcess;
                if (process is not null && !processes.Add(process))
                {
                    continue;
                }

                steps.Add(null, "In the Quick Find box, enter Lead Processes and select Lead Processes (in Object Manager: Lead, then Lead Processes).");
                steps.Add(process ?? recordType.Name, process is null
                    ? "Click Edit beside the Lead Process that the record type {0} uses (Object Manager, Lead, Record Types, {0} shows it)."
                    : "Click Edit beside the Lead Process {1}, which the record type {0} uses.", Inline.Value(recordType.Name), Inline.Value(process ?? ""));
                AddMoves(steps, missing);
                if (gap.OffersNoConvertedStatus)
                {
                    var converted = metadata.LeadStatuses.Where(s => s.IsConverted && s.IsActive).Select(s => s.ApiName).FirstOrDefault();
                    steps.Add(converted, converted is null
                        ? "Move a converted status to Selected Values: without one, leads of this type cannot be converted."
                        : "Move a converted status, such as {0}, to Selected Values: without one, leads of this type cannot be converted.", Inline.Value(converted ?? ""));
                }
            }
            else
            {
                var field = metadata.LabelOf(CrmObject.Contact, metadata.ContactStatusField) is { } label
                    ? Inline.Labelled(label, metadata.ContactStatusField)
                    : Inline.Value(metadata.ContactStatusField);
                steps.Add(recordType.Name, "In Object Manager, open Contact, then Record Types, and click the record type {0}.", Inline.Value(recordType.Name));
                steps.Add(metadata.ContactStatusField, "In Picklists Available for Editing, click Edit beside {0}.", field);
                AddMoves(steps, missing);
            }

            steps.Add(null, "Click Save.");
        }

        var exports = gaps.Where(g => g.RecordType.SfdxProject is not null && g.Missing.Count > 0)
            .Select(g => $"Export-CrmMetadata -Path '{g.RecordType.SfdxProject!.Replace("'", "''")}' -RecordType '{g.RecordType.Name.Replace("'", "''")}'").ToList();
        if (exports.Count > 0)
        {
            steps.Add(null, "Or, instead of these clicks, add the values in your SFDX project and deploy it with the Salesforce CLI (sf project deploy start): {0}.", Inline.Code(string.Join("; ", exports)));
        }
    }

    private static void AddMoves(StepWriter steps, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            steps.Add(string.Join(", ", values), "Move {0} from Available Values to Selected Values.", Inline.List(values));
        }
    }

    private static void AddStageToCreate(StepWriter steps, Stage stage)
    {
        if (DefaultStages.All.Any(d => StageNames.AreSame(d.Name, stage.Name)))
        {
            steps.Add(stage.Name, "Check that Outreach has the stage {0}, one of the six stages Outreach provides out of the box; create it only if it is missing.", Inline.Value(stage.Name));
            return;
        }

        var order = Inline.Code(stage.Order.ToString(CultureInfo.InvariantCulture));
        if (stage.Color is null)
        {
            steps.Add(stage.Name, "Create the stage {0}, with order {1}.", Inline.Value(stage.Name), order);
        }
        else
        {
            steps.Add(stage.Name, "Create the stage {0}, with order {1} and colour {2}.", Inline.Value(stage.Name), order, Inline.Value(stage.Color));
        }
    }

    private void AddLeadStatusMappings(StepWriter steps, StageMapConfiguration configuration)
    {
        steps.Begin(LeadStatusSection);
        var mappings = configuration.LeadStatusMappings;
        if (mappings.Count == 0)
        {
            steps.NotConfigured("maps no lead status to a stage", "New-LeadStatusMapping -CrmStatus <API name> -Stage <stage>");
            return;
        }

        steps.AccessOutreach();
        OpenLeadStatusMappings(steps);
        foreach (var mapping in mappings)
        {
            steps.Add(null, "Click Add.");
            steps.Add(mapping.CrmStatus, "Select {0} from the LeadStatus: dropdown menu on the New Lead Status Mapping window.", Inline.Value(mapping.CrmStatus));
            if (mapping.Stage is null)
            {
                steps.Add(null, "Select the Outreach stage from the Outreach Stage: dropdown menu. This configuration maps the status to stage id {0}, which it does not have: fix that with {1} first.",
                    Inline.Value(mapping.StageId.ToString(CultureInfo.InvariantCulture)), Inline.Code("Set-LeadStatusMapping"));
            }
            else
            {
                steps.Add(mapping.Stage, "Select {0} from the Outreach Stage: dropdown menu.", Inline.Value(mapping.Stage));
            }

            steps.Add(null, "Click Save.");
        }
    }

    /// <summary>
    /// The section of one of the article's two Stage field mappings: its click-path, or a "Not
    /// configured yet" step that names <paramref name="addCommand"/>.
    /// </summary>
    private void AddStageFieldMapping(StepWriter steps, StageMapConfiguration configuration, string section, CrmObject crmObject, OutreachField field, string addCommand)
    {
        steps.Begin(section);
        var mapping = configuration.FindFieldMapping(crmObject, field.Name);
        if (mapping is null)
        {
            steps.NotConfigured($"has no {crmObject} mapping of the Outreach field {field.Name}", addCommand);
            return;
        }

        AddFieldMapping(steps, mapping, configuration.CrmMetadata.LabelOf(crmObject, mapping.CrmField));
    }

    /// <param name="crmLabel">The CRM field's label as the Salesforce UI shows it, where a describe gave it.</param>
    private void AddFieldMapping(StepWriter steps, FieldMapping mapping, string? crmLabel)
    {
        steps.AccessOutreach();
        OpenFieldMappings(steps, mapping.Object);
        var pair = $"{mapping.OutreachField} <> {mapping.CrmField}";
        var outreachField = Inline.Value(mapping.OutreachField);
        var crmField = crmLabel is null || string.Equals(crmLabel, mapping.CrmField, System.StringComparison.Ordinal)
            ? Inline.Value(mapping.CrmField)
            : Inline.Labelled(crmLabel, mapping.CrmField);
        steps.Add(pair, $"Confirm {FieldList} has no {{0}} <> {{1}} mapping yet, nor any other mapping of either field: a second mapping causes syncing errors.", outreachField, crmField);
        steps.Add(pair, $"Click {AddMappingButton} and map the Outreach field {{0}} to the CRM field {{1}}.", outreachField, crmField);
        if (mapping.Direction == SyncDirection.ToCrm)
        {
            steps.Add(nameof(SyncDirection.ToCrm), "Set the mapping to sync one way only: from Outreach to Salesforce.");
        }
        else if (mapping.Direction == SyncDirection.FromCrm)
        {
            steps.Add(nameof(SyncDirection.FromCrm), "Set the mapping to sync one way only: from Salesforce to Outreach.");
        }

        var options = mapping.Options;
        if (options == FieldMappingOptions.None)
        {
            steps.Add(null, "Click Save.");
            return;
        }

        OpenAdvancedOptions(steps);
        // The article's order: the options table, then the Mapped field and its External Mapped Type.
        Check(steps, options.SkipEmptyOnPush, nameof(options.SkipEmptyOnPush), "Skip empty values when sending data to Salesforce");
        Check(steps, options.SkipEmptyOnPull, nameof(options.SkipEmptyOnPull), "Skip empty values when loading data from Salesforce");
        Enter(steps, options.ExternalEmptyPlaceholder, "External Empty Placeholder:");
        Enter(steps, options.InternalEmptyPlaceholder, "Internal Empty Placeholder:");
        Check(steps, options.LookupField, nameof(options.LookupField), "Lookup Field");
        Check(steps, options.LookForName, nameof(options.LookForName), "Look for name instead of record ID");
        Check(steps, options.DisplayName, nameof(options.DisplayName), "Display Name instead of Record ID");
        if (options.ExternalMappedField)
        {
            steps.Add(nameof(options.ExternalMappedField), $"Click to enable the Mapped field option under the {MappedFieldSection}.");
        }

        if (options.ExternalMappedType is { } type)
        {
            steps.Add(type, "Select {0} from the External Mapped Type: dropdown menu.", Inline.Value(type));
        }

        steps.Add(null, DoneAndSave);
    }

    private void Check(StepWriter steps, bool isSet, string option, string label)
    {
        if (isSet)
        {
            steps.Add(option, $"Check \"{label}\" in the {AdvancedOptions}.");
        }
    }

    private void Enter(StepWriter steps, string? text, string label)
    {
        if (text is not null)
        {
            steps.Add(text, $"Enter {{0}} in the {label} box of the {AdvancedOptions}.", Inline.Value(text));
        }
    }

    /// <summary>Collects the steps, numbering them and keeping the section they belong to.</summary>
    protected sealed class StepWriter
    {
        private readonly List<ProcedureStep> _steps = new();
        private string _section = "";
        private bool _accessed;

        public IReadOnlyList<ProcedureStep> Steps => _steps.AsReadOnly();

        public void Begin(string section) => _section = section;

        /// <summary>A step whose action is <paramref name="template"/> with <paramref name="inlines"/> as {0}, {1}...</summary>
        public void Add(string? value, string template, params Inline[] inlines)
        {
            var action = string.Format(CultureInfo.InvariantCulture, template, inlines.Select(i => (object)i.Plain).ToArray());
            var markdown = string.Format(CultureInfo.InvariantCulture, template, inlines.Select(i => (object)i.Markdown).ToArray());
            _steps.Add(new ProcedureStep(_steps.Count + 1, _section, action, value) { MarkdownAction = markdown });
        }

        /// <summary>"Access the Outreach Platform.", once, before the first click.</summary>
        public void AccessOutreach()
        {
            if (!_accessed)
            {
                _accessed = true;
                Add(null, "Access the Outreach Platform.");
            }
        }

        public void NotConfigured(string what, string command) =>
            Add(null, $"Not configured yet: this configuration {what}. Run {{0}}, then run {{1}} again.", Inline.Code(command), Inline.Code("Get-StageMapProcedure"));
    }

    /// <summary>Text placed in an action: a configuration value ('quoted') or a command, both code in Markdown.</summary>
    protected readonly struct Inline
    {
        private Inline(string plain, string markdown)
        {
            Plain = plain;
            Markdown = markdown;
        }

        public string Plain { get; }

        public string Markdown { get; }

        public static Inline Value(string text) => new($"'{text}'", ProcedureMarkdown.CodeSpan(text));

        public static Inline Code(string text) => new(text, ProcedureMarkdown.CodeSpan(text));

        /// <summary>Values in a sentence: 'a', 'b' and 'c'.</summary>
        public static Inline List(IReadOnlyList<string> values)
        {
            string Join(System.Func<string, string> each) =>
                values.Count == 1 ? each(values[0]) : string.Join(", ", values.Take(values.Count - 1).Select(each)) + " and " + each(values[values.Count - 1]);
            return new(Join(v => $"'{v}'"), Join(ProcedureMarkdown.CodeSpan));
        }

        /// <summary>A field as the UI shows it with its API name beside it: 'Lead Status' (Status).</summary>
        public static Inline Labelled(string label, string apiName) =>
            new($"'{label}' ({apiName})", $"{ProcedureMarkdown.CodeSpan(label)} ({ProcedureMarkdown.CodeSpan(apiName)})");
    }
}
