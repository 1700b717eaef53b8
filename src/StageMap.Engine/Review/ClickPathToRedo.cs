using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;

namespace StageMap.Engine.Review;

/// <summary>
/// The click-path steps an admin must redo in the Outreach UI for one change alone, in the new
/// configuration's experience. The steps come from <see cref="ProcedureBuilder"/> itself, run on a
/// configuration cut down to what changed: the new stages' changes (every section other than the
/// mapping sections, so stage steps the procedure has come along), then the lead status mappings
/// added or pointed at another stage, then each of the two Stage field mappings that was added or
/// changed (all its steps: a changed option is redone inside the mapping's dialog). Steps are
/// renumbered 1..n. Removals have no step in the procedure; <see cref="Removals"/> lists them.
/// </summary>
public sealed class ClickPathToRedo
{
    private static readonly string[] MappingSections =
        { ProcedureBuilder.LeadStatusSection, ProcedureBuilder.LeadFieldSection, ProcedureBuilder.ContactFieldSection };

    private ClickPathToRedo(string title, IReadOnlyList<ProcedureStep> steps, IReadOnlyList<string> removals)
    {
        Title = title;
        Steps = steps;
        Removals = removals;
    }

    /// <summary>The experience's name, e.g. "Classic Plugin".</summary>
    public string Title { get; }

    public IReadOnlyList<ProcedureStep> Steps { get; }

    /// <summary>What to remove by hand in the Outreach UI: mappings the change drops.</summary>
    public IReadOnlyList<string> Removals { get; }

    public static ClickPathToRedo For(ConfigurationContent reference, ConfigurationContent difference, IReadOnlyList<ConfigurationChange> changes)
    {
        var builder = ProcedureBuilder.For(difference.Experience);
        var steps = new List<ProcedureStep>();

        var changedStageNames = new HashSet<string>(changes.Where(c => c.Area == ChangeArea.Stage && c.Change != ChangeKind.Removed).Select(c => c.Name), StageNames.Comparer);
        if (changedStageNames.Count > 0)
        {
            var stagesOnly = Cut(difference, stages: difference.Stages.Where(s => changedStageNames.Contains(s.Name)));
            steps.AddRange(builder.Build(new StageMapConfiguration(stagesOnly)).Where(s => !MappingSections.Contains(s.Section, StringComparer.Ordinal)));
        }

        var redoStatuses = new HashSet<string>(
            changes.Where(c => c.Area == ChangeArea.LeadStatusMapping && c.Change != ChangeKind.Removed).Select(c => c.Name), System.StringComparer.Ordinal);
        var leadStage = ChangedStageMapping(reference, difference, CrmObject.Lead, OutreachFields.Stage);
        var contactStage = ChangedStageMapping(reference, difference, CrmObject.Contact, OutreachFields.StageName);
        var sections = new List<string>();
        if (redoStatuses.Count > 0) sections.Add(ProcedureBuilder.LeadStatusSection);
        if (leadStage is not null) sections.Add(ProcedureBuilder.LeadFieldSection);
        if (contactStage is not null) sections.Add(ProcedureBuilder.ContactFieldSection);
        if (sections.Count > 0)
        {
            // Stages count as made here: their steps, if any, came with the stage changes above.
            var mappingsOnly = Cut(
                difference,
                stages: difference.Stages.Select(s => s.AsInOutreach()),
                leadStatusMappings: difference.LeadStatusMappings.Where(m => redoStatuses.Contains(m.CrmStatus)),
                fieldMappings: new[] { leadStage, contactStage }.OfType<FieldMapping>());
            var mappingSteps = builder.Build(new StageMapConfiguration(mappingsOnly)).Where(s => sections.Contains(s.Section)).ToList();
            // Each build opens with "Access the Outreach Platform"; once is enough.
            if (steps.Count > 0 && mappingSteps.Count > 0 && mappingSteps[0].Value is null && mappingSteps[0].Action == steps[0].Action)
            {
                mappingSteps.RemoveAt(0);
            }

            steps.AddRange(mappingSteps);
        }

        var numbered = steps.Select((s, i) => s with { Step = i + 1 }).ToList();
        return new ClickPathToRedo(builder.Title, numbered, RemovalsOf(changes));
    }

    private static IReadOnlyList<string> RemovalsOf(IReadOnlyList<ConfigurationChange> changes) =>
        changes.Where(c => c.Change == ChangeKind.Removed && c.Area is ChangeArea.LeadStatusMapping or ChangeArea.FieldMapping or ChangeArea.Stage)
            .Select(c => c.Area switch
            {
                ChangeArea.LeadStatusMapping => $"the lead status mapping of '{c.Name}' (to '{c.Before}')",
                ChangeArea.FieldMapping => $"the {c.Object} field mapping {c.Name}",
                _ => $"the stage '{c.Name}', if Outreach has it",
            })
            .ToList();

    /// <summary>The difference's Stage field mapping of the object when it was added or changed; else null.</summary>
    private static FieldMapping? ChangedStageMapping(ConfigurationContent reference, ConfigurationContent difference, CrmObject crmObject, OutreachField field)
    {
        var after = Find(difference, crmObject, field);
        return after is not null && after != Find(reference, crmObject, field) ? after : null;
    }

    private static FieldMapping? Find(ConfigurationContent content, CrmObject crmObject, OutreachField field) =>
        content.FieldMappings.FirstOrDefault(m => m.Object == crmObject && OutreachFields.Resolve(m.OutreachField) == field);

    private static ConfigurationContent Cut(
        ConfigurationContent from,
        IEnumerable<Stage> stages,
        IEnumerable<LeadStatusMapping>? leadStatusMappings = null,
        IEnumerable<FieldMapping>? fieldMappings = null) => new()
    {
        Experience = from.Experience,
        Stages = stages.ToList(),
        LeadStatusMappings = (leadStatusMappings ?? Enumerable.Empty<LeadStatusMapping>()).ToList(),
        FieldMappings = (fieldMappings ?? Enumerable.Empty<FieldMapping>()).ToList(),
        CrmMetadata = from.CrmMetadata,
    };
}
