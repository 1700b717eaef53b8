namespace StageMap.Engine.Live;

/// <summary>
/// Connect-Crm and Connect-Outreach try the token before the connection becomes the session's. When
/// the try fails, the session keeps the connection it had, and the error says which one that is.
/// </summary>
public static class ConnectFailure
{
    /// <param name="system">"Salesforce" or "Outreach".</param>
    /// <param name="current">The session's current connection of that system, or null.</param>
    public static StageMapException KeepingCurrent(StageMapException failure, string system, object? current) =>
        Failures.ConnectFailed(failure, system, current);
}
