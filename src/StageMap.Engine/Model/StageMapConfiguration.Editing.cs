using System;
using System.Diagnostics;
using System.Threading;
using StageMap.Engine.Storage;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>How long a command waits for another owner's edit of this configuration to close.</summary>
    public static readonly TimeSpan EditWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);

    private readonly object _editGate = new();

    /// <summary>True while some command holds an edit on this configuration.</summary>
    public bool IsBeingEdited => _openEdit is not null;

    /// <summary>Opens an edit owned by the current thread, or joins the one it already holds.</summary>
    public ConfigurationEdit BeginEdit() => BeginEdit(Thread.CurrentThread, CancellationToken.None);

    /// <summary>
    /// Opens an edit for <paramref name="owner"/>, or joins the one it already holds (the commands of one
    /// pipeline share one edit). An edit held by another owner (another runspace) is waited for, up to
    /// <see cref="EditWait"/>: one edit at a time, so an undo takes back only its own owner's changes.
    /// </summary>
    /// <exception cref="StageMapException">ConfigurationInUse: the other edit stayed open all that time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while waiting.</exception>
    public ConfigurationEdit BeginEdit(object owner, CancellationToken cancellation) => BeginEdit(owner, EditWait, cancellation);

    internal ConfigurationEdit BeginEdit(object owner, TimeSpan wait, CancellationToken cancellation)
    {
        if (owner is null)
        {
            throw new ArgumentNullException(nameof(owner));
        }

        lock (_editGate)
        {
            var clock = Stopwatch.StartNew();
            while (_openEdit is not null && !ReferenceEquals(_openEdit.Owner, owner))
            {
                cancellation.ThrowIfCancellationRequested();
                var left = wait - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    throw Failures.ConfigurationInUse(ToString(), wait);
                }

                Monitor.Wait(_editGate, left < WaitSlice ? left : WaitSlice);
            }

            _openEdit ??= new EditScope(owner, _content.Clone(), _revision);
            return new ConfigurationEdit(this, _openEdit);
        }
    }

    internal void CloseEdit(EditScope scope, bool commit)
    {
        lock (_editGate)
        {
            try
            {
                SaveOrUndo(scope, commit);
            }
            finally
            {
                _openEdit = null;
                Monitor.PulseAll(_editGate);
            }
        }
    }

    private void SaveOrUndo(EditScope scope, bool commit)
    {
        var changed = _revision != scope.RevisionBefore;
        if (!changed)
        {
            return;
        }

        if (!commit)
        {
            Restore(scope);
            return;
        }

        if (Path is null)
        {
            return;
        }

        try
        {
            ConfigurationStore.Save(this);
        }
        catch
        {
            Restore(scope);
            throw;
        }
    }

    private void Restore(EditScope scope)
    {
        _content = scope.Before;
        _revision = scope.RevisionBefore;
    }
}
