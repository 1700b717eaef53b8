using System.Threading;
using System.Threading.Tasks;

namespace StageMap.Engine.Live.Outreach;

/// <summary>
/// Told just before a <see cref="StageSync"/> deletes a stage, so what the delete takes away can be kept
/// first: the run's snapshot (Undo) saves the ids of the prospects on the stage.
/// </summary>
public interface IStageDeleteRecorder
{
    /// <param name="client">The client the sync calls Outreach with.</param>
    /// <param name="stageId">The Outreach id of the stage about to be deleted.</param>
    /// <param name="prospects">How many prospects the delete's count found on it.</param>
    /// <exception cref="StageMapException">The stage must not be deleted: what was to be kept could not be.</exception>
    Task BeforeDeleteAsync(OutreachClient client, int stageId, long prospects, CancellationToken cancellation);
}
