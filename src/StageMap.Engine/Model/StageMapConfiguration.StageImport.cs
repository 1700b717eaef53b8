using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Metadata;

namespace StageMap.Engine.Model;

/// <summary>What Import-OutreachStage did: the file's stages as the configuration now has them, and what the user should know.</summary>
public sealed record StageImportResult(IReadOnlyList<Stage> Stages, IReadOnlyList<string> Warnings);

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
    /// given); a stage only in the file is added; a stage only in the configuration is kept, and moves
    /// to the next free id (with a warning) if the file gives its id to another stage.
    /// A mapping that pointed at no stage before the import is left as it is.
    /// </remarks>
    /// <exception cref="StageMapException">StageInUse (replace without force).</exception>
    public StageImportResult ImportStages(OutreachStageFile file, bool merge, bool force)
    {
        var records = file.Stages;
        var oldStages = _content.Stages.ToList();
        var fileIds = new HashSet<int>(records.Where(r => r.Id is not null).Select(r => r.Id!.Value));
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
                var stage = new Stage(IdFor(record, old), record.Name, record.Order ?? old.Order, record.Color ?? old.Color);
                newId[old.Id] = stage.Id;
                updated.Add(old.Name, stage);
            }

            var nextOrder = oldStages.Concat(updated.Values).Select(s => s.Order).DefaultIfEmpty(0).Max();
            var added = new List<Stage>();
            foreach (var record in records.Where(r => !updated.ContainsKey(r.Name)))
            {
                var order = record.Order ?? (nextOrder < int.MaxValue ? ++nextOrder : nextOrder);
                nextOrder = Math.Max(nextOrder, order);
                added.Add(new Stage(IdFor(record, null), record.Name, order, record.Color));
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
                updated.Add(old.Name, old with { Id = id });
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
                var stage = new Stage(IdFor(record, sameName), record.Name, record.Order ?? position, record.Color);
                if (sameName is not null)
                {
                    newId[sameName.Id] = stage.Id;
                }

                stages.Add(stage);
            }

            imported.AddRange(stages);
        }

        var oldIds = new HashSet<int>(oldStages.Select(s => s.Id));
        var mappings = new List<LeadStatusMapping>();
        var lost = new List<(string CrmStatus, string Stage)>();
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
                lost.Add((mapping.CrmStatus, oldStages.First(s => s.Id == mapping.StageId).Name));
            }
        }

        if (lost.Count > 0 && !force)
        {
            throw Failures.StagesInUseByImport(file.Path, lost);
        }

        warnings.AddRange(lost.Select(l => $"The mapping of lead status '{l.CrmStatus}' to stage '{l.Stage}' was removed: '{file.Name}' has no stage '{l.Stage}'."));
        Change(() =>
        {
            _content.Stages = stages;
            _content.LeadStatusMappings = mappings;
        });
        return new StageImportResult(imported, warnings);
    }
}
