using System;
using System.Diagnostics;
using System.Threading;

namespace StageMap.Engine.Model;

// One edit at a time: a command holds the configuration while it changes it, so an undo takes back only
// its own owner's changes. Saving is not the model's: Storage's ConfigurationEdit saves a bound
// configuration when the edit completes, and undoes the edit here when the save fails.
public sealed partial class StageMapConfiguration
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);

    private readonly object _editGate = new();

    /// <summary>True while some command holds an edit on this configuration.</summary>
    public bool IsBeingEdited => _openEdit is not null;

    /// <summary>
    /// Opens an edit for <paramref name="owner"/>, or joins the one it already holds (the commands of one
    /// pipeline share one edit). An edit held by another owner (another runspace) is waited for, up to
    /// <paramref name="wait"/>.
    /// </summary>
    /// <exception cref="StageMapException">ConfigurationInUse: the other edit stayed open all that time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled while waiting.</exception>
    internal EditScope OpenEdit(object owner, TimeSpan wait, CancellationToken cancellation)
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
            return _openEdit;
        }
    }

    /// <summary>True when the content changed since <paramref name="scope"/> opened.</summary>
    internal bool ChangedSince(EditScope scope) => _revision != scope.RevisionBefore;

    /// <summary>Puts back the content <paramref name="scope"/> opened on.</summary>
    internal void Undo(EditScope scope)
    {
        _content = scope.Before;
        _revision = scope.RevisionBefore;
    }

    /// <summary>Closes the open edit: the next owner waiting may open its own.</summary>
    internal void CloseEdit(EditScope scope)
    {
        lock (_editGate)
        {
            Debug.Assert(ReferenceEquals(_openEdit, scope), "Only the open edit closes.");
            _openEdit = null;
            Monitor.PulseAll(_editGate);
        }
    }
}
