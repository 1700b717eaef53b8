using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Review;

/// <summary>
/// A configuration given as text rather than a file: the JSON of a configuration file, as
/// <c>git show main:outreach-mapping.json</c> prints it. Text that starts with '{' is JSON; any other
/// text is a path.
/// </summary>
public static class ConfigurationInput
{
    /// <summary>The name errors give text that came from the pipeline.</summary>
    public const string PipelineName = "(JSON text from the pipeline)";

    public static bool IsJson(string text) => text.TrimStart().StartsWith("{", System.StringComparison.Ordinal);

    /// <exception cref="StageMapException">InvalidConfigurationFile (naming line and position), UnsupportedSchemaVersion.</exception>
    public static ConfigurationContent FromJson(string text, string name = PipelineName) =>
        ConfigurationSerializer.FromBytes(Encodings.Utf8NoBom.GetBytes(text), name);
}
