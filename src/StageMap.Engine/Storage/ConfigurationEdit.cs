using System;
using StageMap.Engine.Model;

namespace StageMap.Engine.Storage;

/// <summary>
/// One command's hold on a configuration it changes. All commands of a pipeline that change the same
/// configuration share one edit (they have one owner; another owner's commands wait for it to close): when the last of them completes, a bound configuration is saved once
/// (the procedure's "Click Save"). If any of them ends without completing (a terminating error, a
/// stopped pipeline) or the save fails, the configuration gets back the content it had before.
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
            _configuration.CloseEdit(_scope, commit: !_scope.Abandoned);
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
            _configuration.CloseEdit(_scope, commit: false);
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
}

/// <summary>What an open edit needs to commit or undo: whose it is, the content before it and who still holds it.</summary>
internal sealed class EditScope
{
    public EditScope(object owner, ConfigurationContent before, long revisionBefore)
    {
        Owner = owner;
        Before = before;
        RevisionBefore = revisionBefore;
    }

    /// <summary>The runspace (or thread) whose commands share this edit.</summary>
    public object Owner { get; }

    public ConfigurationContent Before { get; }

    public long RevisionBefore { get; }

    public int Participants { get; set; }

    public bool Abandoned { get; set; }
}
