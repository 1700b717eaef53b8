using System;
using System.Threading;
using StageMap.Engine.Model;

namespace StageMap.Engine.Storage;

/// <summary>
/// One command's hold on a configuration it changes. All commands of a pipeline that change the same
/// configuration share one edit (they have one owner; another owner's commands wait for it to close):
/// when the last of them completes, a bound configuration is saved once (the procedure's "Click Save").
/// If any of them ends without completing (a terminating error, a stopped pipeline) or the save fails,
/// the configuration gets back the content it had before.
/// </summary>
public sealed class ConfigurationEdit : IDisposable
{
    private readonly StageMapConfiguration _configuration;
    private readonly EditScope _scope;
    private bool _finished;

    internal ConfigurationEdit(StageMapConfiguration configuration, EditScope scope)
    {
        _configuration = configuration;
        _scope = scope;
        _scope.Participants++;
    }

    /// <summary>This command finished; the last one to finish saves the changes.</summary>
    /// <exception cref="StageMapException">The save failed; the changes were undone.</exception>
    public void Complete()
    {
        if (Finish())
        {
            Close(commit: !_scope.Abandoned);
        }
    }

    /// <summary>Undoes the whole edit unless <see cref="Complete"/> was called.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        _scope.Abandoned = true;
        if (Finish())
        {
            Close(commit: false);
        }
    }

    /// <returns>True when this was the last command holding the edit.</returns>
    private bool Finish()
    {
        if (_finished)
        {
            return false;
        }

        _finished = true;
        _scope.Participants--;
        return _scope.Participants == 0;
    }

    /// <summary>Saves or undoes the changes, then lets the next owner in: it never sees a save half done.</summary>
    private void Close(bool commit)
    {
        try
        {
            SaveOrUndo(commit);
        }
        finally
        {
            _configuration.CloseEdit(_scope);
        }
    }

    private void SaveOrUndo(bool commit)
    {
        if (!_configuration.ChangedSince(_scope))
        {
            return;
        }

        if (!commit)
        {
            _configuration.Undo(_scope);
            return;
        }

        if (_configuration.Path is null)
        {
            return;
        }

        try
        {
            ConfigurationStore.Save(_configuration);
        }
        catch
        {
            _configuration.Undo(_scope);
            throw;
        }
    }
}

/// <summary>Opens a <see cref="ConfigurationEdit"/> on a configuration: <c>using var edit = configuration.BeginEdit();</c>.</summary>
public static class ConfigurationEditing
{
    /// <summary>How long a command waits for another owner's edit of the configuration to close.</summary>
    public static readonly TimeSpan EditWait = TimeSpan.FromSeconds(30);

    /// <summary>Opens an edit owned by the current thread, or joins the one it already holds.</summary>
    public static ConfigurationEdit BeginEdit(this StageMapConfiguration configuration) =>
        configuration.BeginEdit(Thread.CurrentThread, CancellationToken.None);

    /// <summary>
    /// Opens an edit for <paramref name="owner"/>, or joins the one it already holds (the commands of one
    /// pipeline share one edit). An edit held by another owner (another runspace) is waited for, up to
    /// <see cref="EditWait"/>: one edit at a time, so an undo takes back only its own owner's changes.
    /// </summary>
    /// <exception cref="StageMapException">ConfigurationInUse: the other edit stayed open all that time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while waiting.</exception>
    public static ConfigurationEdit BeginEdit(this StageMapConfiguration configuration, object owner, CancellationToken cancellation) =>
        configuration.BeginEdit(owner, EditWait, cancellation);

    internal static ConfigurationEdit BeginEdit(this StageMapConfiguration configuration, object owner, TimeSpan wait, CancellationToken cancellation) =>
        new(configuration, configuration.OpenEdit(owner, wait, cancellation));
}
