namespace StageMap.Engine;

// Readers (every reader validates before it converts), and the same limits on names typed at a cmdlet.
internal static partial class Failures
{
    public static StageMapException EmptyConfigurationFile(string path) => new(
        ErrorIds.InvalidConfigurationFile, FailureCategory.InvalidData, path,
        $"'{path}' is empty (or holds only white space): a StageMap configuration file holds one JSON object. New-StageMapConfiguration -Path writes a new one.");

    public static StageMapException ConfigurationFileUnreadable(string path, System.Exception inner) => new(
        ErrorIds.InvalidConfigurationFile, FailureCategory.ReadError, path,
        $"Could not read '{path}': {inner.Message}", inner);

    /// <param name="problem">What <see cref="Text.ReadLimits.NameProblem"/> found.</param>
    public static StageMapException InvalidStageName(string name, string problem) => new(
        ErrorIds.InvalidStageName, FailureCategory.InvalidArgument, name, char.ToUpperInvariant(problem[0]) + problem.Substring(1));

    /// <param name="problem">What <see cref="Text.ReadLimits.NameProblem"/> found.</param>
    public static StageMapException InvalidCrmStatus(string crmStatus, string problem) => new(
        ErrorIds.InvalidCrmStatus, FailureCategory.InvalidArgument, crmStatus, char.ToUpperInvariant(problem[0]) + problem.Substring(1));
}
