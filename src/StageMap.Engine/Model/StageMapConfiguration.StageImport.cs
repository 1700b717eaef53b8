using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>What Import-OutreachStage did: the file's stages as the configuration now has them, and what the user should know.</summary>
public sealed record StageImportResult(IReadOnlyList<Stage> Stages, IReadOnlyList<string> Warnings);

/// <summary>
/// An import worked out but not applied: what it does (<see cref="Action"/>, with the mappings it
/// drops named, for -WhatIf and the confirmation prompt) and what <see cref="StageMapConfiguration.ImportStages(StageImportPlan, bool)"/> then applies.
/// </summary>
public sealed class StageImportPlan
{
    internal StageImportPlan(
        StageMapConfiguration owner, long revision, OutreachStageFile file, bool merge,
        List<Stage> stages, List<LeadStatusMapping> mappings, IReadOnlyList<Stage> imported, IReadOnlyList<string> warnings, DroppedMappings dropped)
    {
        Owner = owner;
        Revision = revision;
        File = file;
        Merge = merge;
        Stages = stages;
        Mappings = mappings;
        Imported = imported;
        Warnings = warnings;
        Dropped = dropped;
    }

    /// <summary>The lead status mappings whose stage the file lacks (a replace only): refused unless forced.</summary>
    public DroppedMappings Dropped { get; }

    /// <summary>"Replace the configuration's 6 stage(s) with the 4 of 'stages.json'", and what it drops.</summary>
    public string Action => Dropped.Append(Merge
        ? $"Merge the {File.Stages.Count} stage(s) of '{File.Name}' into the configuration's {Owner.Stages.Count}"
        : $"Replace the configuration's {Owner.Stages.Count} stage(s) with the {File.Stages.Count} of '{File.Name}'");

    internal StageMapConfiguration Owner { get; }

    internal long Revision { get; }

    internal OutreachStageFile File { get; }

    internal bool Merge { get; }

    internal List<Stage> Stages { get; }

    internal List<LeadStatusMapping> Mappings { get; }

    internal IReadOnlyList<Stage> Imported { get; }

    internal IReadOnlyList<string> Warnings { get; }
}

public sealed partial class StageMapConfiguration
{
    /// <summary>
    /// Replaces the stages with those of an Outreach stage list, or merges them in
    /// (<paramref name="merge"/>). Stages match by name, ignoring case. The file's ids, names, orders
    /// and colours are Outreach's, so they win; lead status mappings follow their stage by name.
    /// </summary>
    /// <remarks>
    /// Replace: the stages become the file's. A stage the file gives no id keeps the id of the
    /// configuration's stage of that name, else gets the next free id; without an order it takes its
    /// place in the file. A mapping whose stage is not in the file is lost: StageInUse, and nothing
    /// changes, unless <paramref name="force"/>, which drops it with a warning.
    /// Merge: a stage in both takes the file's id (when given), spelling, order and colour (when
    /// given); a stage only in the file is added, with a warning naming Remove-OutreachStage for it;
    /// a stage only in the configuration is kept, and moves to the next free id (with a warning) if
    /// the file gives its id to another stage.
    /// A mapping that pointed at no stage before the import is left as it is.
    /// </remarks>
    /// <exception cref="StageMapException">StageInUse (replace without force).</exception>
    public StageImportResult ImportStages(OutreachStageFile file, bool merge, bool force) =>
        ImportStages(PlanStageImport(file, merge), force);

    /// <summary>Applies a plan of <see cref="PlanStageImport"/>, worked out again if the configuration changed since.</summary>
    /// <exception cref="StageMapException">StageInUse (the plan drops mappings and <paramref name="force"/> is off).</exception>
    public StageImportResult ImportStages(StageImportPlan plan, bool force)
    {
        if (plan.Owner != this)
        {
            throw new ArgumentException("The plan was made for another configuration.", nameof(plan));
        }

        if (plan.Revision != _revision)
        {
            plan = PlanStageImport(plan.File, plan.Merge);
        }

        var dropped = plan.Dropped;
        if (dropped.Any && !force)
        {
            // A mapping the import would drop is one to a stage by name.
            throw Failures.StagesInUseByImport(plan.File.Path, dropped.Mappings.Select(m => (m.CrmStatus, m.Stage!)).ToList());
        }

        Change(content =>
        {
            content.Stages = plan.Stages;
            content.LeadStatusMappings = plan.Mappings;
        });
        return new StageImportResult(plan.Imported, plan.Warnings.Concat(dropped.Warnings).ToList());
    }

    /// <summary>Works out what <see cref="ImportStages(OutreachStageFile, bool, bool)"/> does, changing nothing.</summary>
    public StageImportPlan PlanStageImport(OutreachStageFile file, bool merge)
    {
        var records = file.Stages;
        var oldStages = _content.Stages.ToList();
        var fileIds = new HashSet<int>(records.Select(r => r.Id).OfType<int>());
        var nextId = StageIds.Next(fileIds.Concat(oldStages.Select(s => s.Id)));
        var usedIds = new HashSet<int>(fileIds);
        var newId = new Dictionary<int, int>();
        var warnings = new List<string>();

        int IdFor(OutreachStageRecord record, Stage? sameName)
        {
            if (record.Id is { } given)
            {
                return given;
            }

            var id = sameName is not null && usedIds.Add(sameName.Id) ? sameName.Id : NextFreeId();
            usedIds.Add(id);
            return id;
        }

        int NextFreeId()
        {
            while (!usedIds.Add(nextId))
            {
                nextId++;
            }

            return nextId++;
        }

        var imported = new List<Stage>();
        var stages = new List<Stage>();
        if (merge)
        {
            var byName = records.ToDictionary(r => r.Name, StageNames.Comparer);
            var updated = new Dictionary<string, Stage>(StageNames.Comparer);
            foreach (var old in oldStages.Where(o => byName.ContainsKey(o.Name)))
            {
                var record = byName[old.Name];
                var stage = FromOutreach(record, new Stage(IdFor(record, old), record.Name, record.Order ?? old.Order, record.Color ?? old.Color) { Key = old.Key });
                newId[old.Id] = stage.Id;
                updated.Add(old.Name, stage);
            }

            var nextOrder = oldStages.Concat(updated.Values).Select(s => s.Order).DefaultIfEmpty(0).Max();
            var added = new List<Stage>();
            foreach (var record in records.Where(r => !updated.ContainsKey(r.Name)))
            {
                var order = record.Order ?? (nextOrder < int.MaxValue ? ++nextOrder : nextOrder);
                nextOrder = Math.Max(nextOrder, order);
                added.Add(FromOutreach(record, new Stage(IdFor(record, null), record.Name, order, record.Color)));
            }

            // Each stage keeps its key; a new one takes a key no kept stage has.
            added = StageKeys.Unique(added, oldStages.Select(o => o.Key));

            // A merge adds Outreach's extra stages silently otherwise: from then on they are the
            // configuration's (exported as contact status values, no longer extra to a sync).
            foreach (var stage in added)
            {
                var command = $"Remove-OutreachStage -Name '{stage.Name.Replace("'", "''")}'";
                warnings.Add(stage.IsInOutreach
                    ? $"Stage '{stage.Name}' (Outreach id {stage.Id}) was added: the configuration did not have it. If it is not one of yours, remove it: {command}."
                    : $"Stage '{stage.Name}' of '{file.Name}' was added: the configuration did not have it. If it is not one of yours, remove it: {command}.");
            }

            var addedByName = added.ToDictionary(a => a.Name, StageNames.Comparer);

            foreach (var old in oldStages.Where(o => !updated.ContainsKey(o.Name)))
            {
                var id = usedIds.Add(old.Id) ? old.Id : NextFreeId();
                if (id != old.Id)
                {
                    warnings.Add($"Stage '{old.Name}' is not in '{file.Name}', which gives its id {old.Id} to stage '{records.First(r => r.Id == old.Id).Name}', so it now has id {id}.");
                }

                newId[old.Id] = id;
                updated.Add(old.Name, id == old.Id ? old : old with { Id = id, Outreach = null });
            }

            // The configuration's stages stay where they were; the new ones follow in the file's order.
            stages.AddRange(oldStages.Select(o => updated[o.Name]).Concat(added));
            imported.AddRange(records.Select(r => updated.TryGetValue(r.Name, out var stage) ? stage : addedByName[r.Name]));
        }
        else
        {
            var position = 0;
            foreach (var record in records)
            {
                position++;
                var sameName = oldStages.FirstOrDefault(s => StageNames.AreSame(s.Name, record.Name));
                var stage = FromOutreach(record, new Stage(IdFor(record, sameName), record.Name, record.Order ?? position, record.Color) { Key = sameName?.Key ?? "" });
                if (sameName is not null)
                {
                    newId[sameName.Id] = stage.Id;
                }

                stages.Add(stage);
            }

            // A stage of a name the configuration had keeps its key; a new one takes a key no other has.
            var kept = stages.Where(s => s.Key.Length > 0).Select(s => s.Key).ToList();
            var keyed = StageKeys.Unique(stages.Where(s => s.Key.Length == 0).Select(s => s with { Key = s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }), kept);
            var next = 0;
            stages = stages.Select(s => s.Key.Length > 0 ? s : keyed[next++]).ToList();
            imported.AddRange(stages);
        }

        var oldIds = new HashSet<int>(oldStages.Select(s => s.Id));
        var mappings = new List<LeadStatusMapping>();
        var lost = new List<LeadStatusMapping>();
        foreach (var mapping in _content.LeadStatusMappings)
        {
            if (!oldIds.Contains(mapping.StageId))
            {
                mappings.Add(mapping);
            }
            else if (newId.TryGetValue(mapping.StageId, out var id))
            {
                mappings.Add(mapping with { StageId = id });
            }
            else
            {
                lost.Add(mapping with { Stage = oldStages.First(s => s.Id == mapping.StageId).Name });
            }
        }

        var dropped = new DroppedMappings(lost, stage => $"'{file.Name}' has no stage '{stage}'");
        return new StageImportPlan(this, _revision, file, merge, stages, mappings, imported, warnings, dropped);
    }

    /// <summary>A stage whose id the file gives is recorded as Outreach has it; one without an id stays local.</summary>
    private static Stage FromOutreach(OutreachStageRecord record, Stage stage) =>
        record.Id is null ? stage with { Outreach = null } : stage.AsInOutreach();
}
