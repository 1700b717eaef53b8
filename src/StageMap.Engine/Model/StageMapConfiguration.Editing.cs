using StageMap.Engine.Storage;

namespace StageMap.Engine.Model;

public sealed partial class StageMapConfiguration
{
    /// <summary>True while some command holds an edit on this configuration.</summary>
    public bool IsBeingEdited => _openEdit is not null;

    /// <summary>Opens an edit, or joins the one a command earlier in the pipeline opened.</summary>
    public ConfigurationEdit BeginEdit()
    {
        _openEdit ??= new EditScope(_content.Clone(), _revision);
        return new ConfigurationEdit(this, _openEdit);
    }

    internal void CloseEdit(EditScope scope, bool commit)
    {
        _openEdit = null;
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
