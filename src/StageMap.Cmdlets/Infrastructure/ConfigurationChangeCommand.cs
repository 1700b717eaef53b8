using System;
using System.Management.Automation;
using StageMap.Engine;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// A cmdlet that changes a configuration. Each input is checked and applied on its own (a bad one is a
/// non-terminating error and changes nothing); a bound configuration is saved once, when the command
/// (and any other changing command in the same pipeline) ends. A command that does not end normally,
/// or whose save fails, leaves the configuration and its file as they were.
/// </summary>
public abstract class ConfigurationChangeCommand : ConfigurationCommand, IDisposable
{
    private ConfigurationEdit? _edit;

    protected override void BeginProcessing()
    {
        _edit = TargetConfiguration.BeginEdit();
    }

    protected override void EndProcessing()
    {
        try
        {
            _edit?.Complete();
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
    }

    public void Dispose()
    {
        _edit?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Asks ShouldProcess (and, for a <paramref name="destructive"/> change, confirms it as a High impact
    /// one), then applies <paramref name="change"/>. A failure is written as a non-terminating error
    /// (its target the failure's own, or <paramref name="errorTarget"/>).
    /// </summary>
    /// <returns>The change's result, or default when skipped or failed.</returns>
    protected T? Change<T>(string target, string action, Func<T> change, object? errorTarget = null, bool destructive = false)
        where T : class
    {
        if (!ShouldProcess(target, action) || (destructive && !ConfirmDestructive(target, action)))
        {
            return null;
        }

        try
        {
            return change();
        }
        catch (StageMapException failure)
        {
            WriteError(errorTarget is null ? ErrorRecords.From(failure) : ErrorRecords.From(failure, errorTarget));
            return null;
        }
    }
}
