namespace StageMap.Engine;

/// <summary>
/// Why one record could not convert: a value, not an exception, so a file of a million records with
/// bad rows costs no throw per row. <see cref="ToException"/> makes the exception an error record needs.
/// </summary>
public sealed record ConversionFailure(string ErrorId, FailureCategory Category, string Message, string? Field = null)
{
    public StageMapException ToException(object? inputRecord) => new(ErrorId, Category, inputRecord, Message);
}
