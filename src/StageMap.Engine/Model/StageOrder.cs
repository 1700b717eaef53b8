using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// The order stages are shown and written in everywhere (Get-OutreachStage, completion, the click-path,
/// the report, SFDX picklists): by <see cref="Stage.Order"/>, and stages of the same order by id, so two
/// stages that share an order always come out the same way round.
/// </summary>
public static class StageOrder
{
    public static IOrderedEnumerable<Stage> InStageOrder(this IEnumerable<Stage> stages) =>
        stages.OrderBy(s => s.Order).ThenBy(s => s.Id);
}
