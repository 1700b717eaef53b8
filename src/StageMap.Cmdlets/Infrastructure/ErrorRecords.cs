using System.Management.Automation;
using StageMap.Engine;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>Turns engine failures into PowerShell error records with the same id and target.</summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(StageMapException failure) =>
        new(failure, failure.ErrorId, ToErrorCategory(failure.Category), failure.Target);

    public static ErrorRecord From(StageMapException failure, object target) =>
        new(failure, failure.ErrorId, ToErrorCategory(failure.Category), target);

    private static ErrorCategory ToErrorCategory(FailureCategory category) => category switch
    {
        FailureCategory.InvalidArgument => ErrorCategory.InvalidArgument,
        FailureCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
        FailureCategory.ResourceExists => ErrorCategory.ResourceExists,
        FailureCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
        FailureCategory.InvalidData => ErrorCategory.InvalidData,
        FailureCategory.InvalidOperation => ErrorCategory.InvalidOperation,
        FailureCategory.ReadError => ErrorCategory.ReadError,
        FailureCategory.WriteError => ErrorCategory.WriteError,
        _ => ErrorCategory.NotSpecified,
    };
}
