using System.Linq;
using StageMap.Engine.Text;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    public Stage? FindStage(string name) => _content.Stages.FirstOrDefault(s => StageNames.AreSame(s.Name, name));

    public Stage? FindStageById(int id) => _content.Stages.FirstOrDefault(s => s.Id == id);

    /// <summary>The stage called <paramref name="name"/> (any case), or StageNotFound.</summary>
    public Stage GetStage(string name) => FindStage(name) ?? throw Failures.StageNotFound(name);

    /// <summary>
    /// Adds a stage with the next free id. Without <paramref name="order"/> it goes last; orders are
    /// kept as given, ties listed by id.
    /// </summary>
    public Stage AddStage(string name, int? order = null, string? color = null)
    {
        var trimmed = RequireStageName(name);
        if (FindStage(trimmed) is not null)
        {
            throw Failures.StageAlreadyExists(trimmed);
        }

        var stage = StageKeys.Unique(new[] { new Stage(NextStageId(), trimmed, order ?? NextStageOrder(), color) }, _content.Stages.Select(s => s.Key))[0];
        Change(content => content.Stages.Add(stage));
        return stage;
    }

    /// <summary>Changes what is given; a rename keeps every mapping, which points at the stage by id.</summary>
    public Stage UpdateStage(string name, string? newName = null, int? order = null, string? color = null)
    {
        var stage = GetStage(name);
        var updated = stage;
        if (newName is not null)
        {
            var trimmed = RequireStageName(newName);
            var other = FindStage(trimmed);
            if (other is not null && other.Id != stage.Id)
            {
                throw Failures.StageAlreadyExists(trimmed);
            }

            updated = updated with { Name = trimmed };
        }

        if (order is not null)
        {
            updated = updated with { Order = order.Value };
        }

        if (color is not null)
        {
            updated = updated with { Color = color.Length == 0 ? null : color };
        }

        if (updated != stage)
        {
            var index = _content.Stages.IndexOf(stage);
            Change(content => content.Stages[index] = updated);
        }

        return updated;
    }

    /// <summary>
    /// Removes a stage. A stage that lead statuses map to is StageInUse unless <paramref name="force"/>,
    /// which removes those mappings with it.
    /// </summary>
    public Stage RemoveStage(string name, bool force = false)
    {
        var stage = GetStage(name);
        var mappingCount = _content.LeadStatusMappings.Count(m => m.StageId == stage.Id);
        if (mappingCount > 0 && !force)
        {
            throw Failures.StageInUse(stage.Name, mappingCount);
        }

        Change(content =>
        {
            content.LeadStatusMappings.RemoveAll(m => m.StageId == stage.Id);
            content.Stages.Remove(stage);
        });
        return stage;
    }

    /// <summary>The lead status mappings that <see cref="RemoveStage"/> with force drops with the stage called <paramref name="name"/>.</summary>
    /// <exception cref="StageMapException">StageNotFound.</exception>
    public DroppedMappings MappingsDroppedByRemoving(string name)
    {
        var stage = GetStage(name);
        var mappings = _content.LeadStatusMappings.Where(m => m.StageId == stage.Id).Select(m => m with { Stage = stage.Name }).ToList();
        return new DroppedMappings(mappings, removed => $"stage '{removed}' was removed");
    }

    private static string RequireStageName(string? name)
    {
        if (NullableText.IsNullOrWhiteSpace(name))
        {
            throw Failures.InvalidStageName(name);
        }

        var trimmed = name.Trim();
        return ReadLimits.NameProblem(trimmed, "the stage name") is { } problem ? throw Failures.InvalidStageName(trimmed, problem) : trimmed;
    }

    private int NextStageId() => StageIds.Next(_content.Stages.Select(s => s.Id));

    // An order of Int32.MaxValue (from a file) is shared rather than wrapped round; ties list by id.
    private int NextStageOrder() => _content.Stages.Count == 0 ? 1 : _content.Stages.Max(s => s.Order) is var last && last < int.MaxValue ? last + 1 : int.MaxValue;
}
