namespace StageMap.Engine.Model;

/// <summary>
/// An open edit of a configuration: whose it is, the content before it (what an undo restores) and how
/// many commands still hold it. Storage's ConfigurationEdit opens, joins and closes it.
/// </summary>
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
