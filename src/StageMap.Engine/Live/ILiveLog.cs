namespace StageMap.Engine.Live;

/// <summary>
/// Where live calls report what they do: one Verbose line per HTTP exchange (method, URL, status,
/// never a header or body) and progress of paged reads. The cmdlet layer writes them to the
/// Verbose and Progress streams from the pipeline thread.
/// </summary>
public interface ILiveLog
{
    void Verbose(string message);

    /// <param name="status">What is being done now, for example "page 2 (500 stages so far)".</param>
    /// <param name="percentComplete">How much of the activity is done, 0 to 100; -1 when not known.</param>
    void Progress(string activity, string status, int percentComplete = -1);

    void ProgressCompleted(string activity);
}
