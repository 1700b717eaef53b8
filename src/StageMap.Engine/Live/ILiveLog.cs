namespace StageMap.Engine.Live;

/// <summary>
/// Where live calls report what they do: one Verbose line per HTTP exchange (method, URL, status,
/// never a header or body) and progress of paged reads. The cmdlet layer writes them to the
/// Verbose and Progress streams from the pipeline thread.
/// </summary>
public interface ILiveLog
{
    void Verbose(string message);

    /// <param name="status">What is being read now, for example "page 2 (500 stages so far)".</param>
    void Progress(string activity, string status);

    void ProgressCompleted(string activity);
}
