using System;

namespace StageMap.Engine;

/// <summary>
/// A failure the engine reports to its caller: a stable <see cref="ErrorId"/> a script can match, a
/// category, and the object at fault.
/// </summary>
public sealed class StageMapException : Exception
{
    public StageMapException(string errorId, FailureCategory category, object? target, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Category = category;
        Target = target;
    }

    public string ErrorId { get; }

    public FailureCategory Category { get; }

    public object? Target { get; }
}
