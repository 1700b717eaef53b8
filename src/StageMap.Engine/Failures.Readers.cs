namespace StageMap.Engine;

// Readers of the configuration file (issue 8: every reader validates before it converts).
internal static partial class Failures
{
    public static StageMapException EmptyConfigurationFile(string path) => new(
        ErrorIds.InvalidConfigurationFile, FailureCategory.InvalidData, path,
        $"'{path}' is empty (or holds only white space): a StageMap configuration file holds one JSON object. New-StageMapConfiguration -Path writes a new one.");
}
