using System.Linq;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>
    /// Records that Outreach has stage <paramref name="name"/>, under <paramref name="outreachId"/>, as
    /// the configuration has it now (name, order, colour), or as <paramref name="asInOutreach"/> says
    /// Outreach has it. The stage takes Outreach's id and its lead status mappings follow it; a local
    /// stage that held that id moves to the next free one, with its mappings. Used when the admin made
    /// the stage in Outreach, or a sync or a restore did.
    /// </summary>
    /// <exception cref="StageMapException">StageNotFound; StageAlreadyExists when another stage Outreach has holds that id.</exception>
    public Stage RecordStageInOutreach(string name, int outreachId, OutreachStageState? asInOutreach = null)
    {
        var stage = GetStage(name);
        var holder = RequireOutreachIdFree(stage, outreachId);
        var recorded = asInOutreach is null ? (stage with { Id = outreachId }).AsInOutreach() : stage with { Id = outreachId, Outreach = asInOutreach };
        if (recorded == stage)
        {
            return stage;
        }

        Change(content =>
        {
            if (holder is not null && holder.Id != stage.Id)
            {
                // Out of the way first, so the next free id is never the one being taken.
                var freeId = content.Stages.Select(s => s.Id).Concat(new[] { outreachId }).Max() + 1;
                Renumber(content, holder, holder with { Id = freeId });
            }

            Renumber(content, stage, recorded);
        });
        return recorded;
    }

    /// <summary>
    /// Set-OutreachStage -OutreachId: changes what is given, as <see cref="UpdateStage"/> does, then
    /// records the stage as Outreach has it under <paramref name="outreachId"/> (<see cref="RecordStageInOutreach"/>):
    /// the admin has made the stage in Outreach, or made there the change the procedure asked for.
    /// Everything is checked before anything changes, so a refusal changes nothing.
    /// </summary>
    /// <exception cref="StageMapException">StageNotFound, InvalidStageName, StageAlreadyExists (a name or an Outreach id another stage has).</exception>
    public Stage ConfirmStageInOutreach(string name, int outreachId, string? newName = null, int? order = null, string? color = null)
    {
        RequireOutreachIdFree(GetStage(name), outreachId);
        var updated = UpdateStage(name, newName, order, color);
        return RecordStageInOutreach(updated.Name, outreachId);
    }

    /// <summary>The stage that holds <paramref name="outreachId"/> now, if any; refused when it is another stage Outreach has.</summary>
    private Stage? RequireOutreachIdFree(Stage stage, int outreachId)
    {
        var holder = FindStageById(outreachId);
        if (holder is not null && holder.Id != stage.Id && holder.IsInOutreach)
        {
            throw Failures.OutreachIdTaken(outreachId, holder.Name, stage.Name);
        }

        return holder;
    }

    private static void Renumber(ConfigurationContent content, Stage from, Stage to)
    {
        content.Stages[content.Stages.FindIndex(s => s.Id == from.Id)] = to;
        if (from.Id == to.Id)
        {
            return;
        }

        for (var i = 0; i < content.LeadStatusMappings.Count; i++)
        {
            if (content.LeadStatusMappings[i].StageId == from.Id)
            {
                content.LeadStatusMappings[i] = content.LeadStatusMappings[i] with { StageId = to.Id };
            }
        }
    }
}
