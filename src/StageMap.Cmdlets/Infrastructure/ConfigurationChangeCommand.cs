using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using StageMap.Engine;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>
/// A cmdlet that changes a configuration. Each input is checked and applied on its own (a bad one is a
/// non-terminating error and changes nothing); a bound configuration is saved once, when the command
/// (and any other changing command in the same pipeline) ends. A command that does not end normally,
/// or whose save fails, leaves the configuration and its file as they were.
/// </summary>
/// <remarks>
/// The edit belongs to the runspace: commands of one pipeline (and the nested pipelines of its script
/// blocks, which run on the same thread) share it, while a command of another runspace working on the
/// same configuration object waits for it to close. Output objects are held back until the edit has
/// completed, so a command whose save is refused emits nothing for the changes it undid.
/// </remarks>
public abstract class ConfigurationChangeCommand : ConfigurationCommand, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<(object? Output, bool Enumerate)> _heldOutput = new();
    private ConfigurationEdit? _edit;

    protected override void Begin()
    {
        try
        {
            _edit = TargetConfiguration.BeginEdit(EditOwner(), _stopping.Token);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }
        catch (OperationCanceledException)
        {
            throw new PipelineStoppedException();
        }
    }

    protected override void EndProcessing()
    {
        try
        {
            _edit?.Complete();
        }
        catch (StageMapException failure)
        {
            _heldOutput.Clear();
            ThrowFailure(failure);
        }

        foreach (var (output, enumerate) in _heldOutput)
        {
            base.WriteObject(output, enumerate);
        }

        _heldOutput.Clear();
    }

    protected override void StopProcessing() => _stopping.Cancel();

    public void Dispose()
    {
        _edit?.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Holds <paramref name="sendToPipeline"/> back until this command's edit has completed.</summary>
    protected new void WriteObject(object? sendToPipeline) => _heldOutput.Add((sendToPipeline, false));

    /// <summary>Holds the output back until this command's edit has completed.</summary>
    protected new void WriteObject(object? sendToPipeline, bool enumerateCollection) => _heldOutput.Add((sendToPipeline, enumerateCollection));

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

    // The runspace: every command of one pipeline runs in it, and no two pipelines run in it at once.
    private static object EditOwner() => (object?)Runspace.DefaultRunspace ?? Thread.CurrentThread;
}
