namespace StageMap.Engine.Validation;

/// <summary>
/// How serious a <see cref="Diagnostic"/> is. Higher is more serious (as in PSScriptAnalyzer):
/// an Error means the sync fails or maps records wrongly, a Warning that it will likely surprise
/// someone, Information that something is worth knowing.
/// </summary>
public enum Severity
{
    Information = 0,
    Warning = 1,
    Error = 2,
}
