namespace StageMap.Engine;

/// <summary>
/// The failures the cmdlets find themselves, before any engine call: about the session (no configuration
/// loaded) or about how parameters were combined. Their messages live here with every other failure
/// message, so the cmdlets build no exception of their own.
/// </summary>
public static class CommandFailures
{
    public static StageMapException NoCurrentConfiguration() => new(
        ErrorIds.NoCurrentConfiguration, FailureCategory.InvalidOperation, null,
        "No StageMap configuration is loaded in this session. Run New-StageMapConfiguration or Import-StageMapConfiguration first, or pass -Configuration.");

    /// <summary>Compare-StageMapConfiguration without -DifferenceConfiguration, and no current configuration to compare with.</summary>
    public static StageMapException NoConfigurationToCompare() => new(
        ErrorIds.NoCurrentConfiguration, FailureCategory.InvalidOperation, null,
        "No StageMap configuration is loaded in this session to compare with. Pass -DifferenceConfiguration, or run Import-StageMapConfiguration first.");

    /// <summary>A Compare-StageMapConfiguration side that is neither a configuration, nor its file, nor its JSON text.</summary>
    /// <param name="parameter">The parameter's name, without the dash.</param>
    /// <param name="input">What was given (the error's target).</param>
    /// <param name="typeName">The type of what was given, or null when nothing was.</param>
    public static StageMapException NotAConfiguration(string parameter, object? input, string? typeName) => new(
        ErrorIds.InvalidConfigurationInput, FailureCategory.InvalidArgument, input,
        $"-{parameter} is {(typeName is null ? "empty" : $"a {typeName}")}, not a configuration. Pass a configuration file's path, a configuration object (Import-StageMapConfiguration), or the file's JSON text.");

    /// <summary>A bulk conversion's -Path that names more than one file.</summary>
    public static StageMapException ConversionPathMatchesManyFiles(string path, int count) => new(
        ErrorIds.PathMatchesManyFiles, FailureCategory.InvalidArgument, path,
        $"'{path}' matches {count} files; -Path converts one file to one -OutFile.");

    /// <summary>Find-StageDrift's -CrmPath or -OutreachPath (<paramref name="path"/>) names more than one file.</summary>
    public static StageMapException DriftPathMatchesManyFiles(string path) => new(
        ErrorIds.PathMatchesManyFiles, FailureCategory.InvalidArgument, path,
        "-CrmPath and -OutreachPath each name one file.");

    /// <summary>Export-StageMapReport given one of -CrmPath and -OutreachPath (<paramref name="path"/>) without the other.</summary>
    public static StageMapException RecordFilesGoTogether(string? path) => new(
        ErrorIds.RecordFilesGoTogether, FailureCategory.InvalidArgument, path,
        "-CrmPath and -OutreachPath go together: the drift section joins the two files.");
}
