using System.Diagnostics.CodeAnalysis;

namespace StageMap.Engine.Text;

/// <summary>
/// string.IsNullOrEmpty and IsNullOrWhiteSpace, saying that a false answer means not null: netstandard2.0's own
/// copies do not, so without these the netstandard2.0 build would need a '!' after each check.
/// </summary>
internal static class NullableText
{
    public static bool IsNullOrEmpty([NotNullWhen(false)] string? value) => string.IsNullOrEmpty(value);

    public static bool IsNullOrWhiteSpace([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);
}
