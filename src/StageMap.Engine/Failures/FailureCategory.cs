namespace StageMap.Engine;

/// <summary>
/// What kind of failure a <see cref="StageMapException"/> is. The cmdlet layer maps each one to a
/// PowerShell ErrorCategory, so the engine stays free of any PowerShell reference.
/// </summary>
public enum FailureCategory
{
    InvalidArgument,
    ObjectNotFound,
    ResourceExists,
    ResourceUnavailable,
    InvalidData,
    InvalidOperation,
    ReadError,
    WriteError,
}
