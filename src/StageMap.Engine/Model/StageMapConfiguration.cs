using System;
using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// A stage / status mapping configuration: Outreach stages, lead status mappings, field mappings, the
/// CRM metadata it is checked against, and (optionally) the file it is bound to.
/// </summary>
/// <remarks>
/// Every change goes through a method that checks its rules first and changes nothing when one fails,
/// then replaces the content with a changed copy (readers in other runspaces never see a half change).
/// Commands group their changes in an edit (Storage's ConfigurationEdit), which saves a bound
/// configuration once at the end and restores the content if the command does not finish.
/// </remarks>
public sealed partial class StageMapConfiguration
{
    private volatile ConfigurationContent _content;
    private long _revision;
    private EditScope? _openEdit;

    public StageMapConfiguration(ConfigurationContent content)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
    }

    /// <summary>A configuration with the six default stages and the default person field mappings.</summary>
    public static StageMapConfiguration CreateDefault(Experience experience = Experience.ClassicPlugin, bool withDefaultStages = true)
    {
        var content = new ConfigurationContent { Experience = experience };
        if (withDefaultStages)
        {
            content.Stages.AddRange(DefaultStages.All);
        }

        content.FieldMappings.AddRange(DefaultFieldMappings.All);

        return new StageMapConfiguration(content);
    }

    /// <summary>The full path of the file this configuration is saved to, or null when it lives in memory only.</summary>
    public string? Path { get; private set; }

    internal FileStamp? Stamp { get; private set; }

    public Experience Experience => _content.Experience;

    public IReadOnlyList<Stage> Stages => _content.Stages.AsReadOnly();

    /// <summary>The lead status mappings, each with the current name of its stage.</summary>
    public IReadOnlyList<LeadStatusMapping> LeadStatusMappings =>
        _content.LeadStatusMappings.Select(WithCurrentStageName).ToList().AsReadOnly();

    public IReadOnlyList<FieldMapping> FieldMappings => _content.FieldMappings.AsReadOnly();

    public CrmMetadata CrmMetadata => _content.CrmMetadata;

    /// <summary>A copy of the data, for saving, exporting or checking.</summary>
    public ConfigurationContent GetContent() => _content.Clone();

    public override string ToString() => Path ?? "(in memory)";

    public void SetExperience(Experience experience) => Change(content => content.Experience = experience);

    internal void BindTo(string path, FileStamp stamp)
    {
        Path = path;
        Stamp = stamp;
    }

    internal void UpdateStamp(FileStamp stamp) => Stamp = stamp;

    private LeadStatusMapping WithCurrentStageName(LeadStatusMapping mapping) =>
        mapping with { Stage = FindStageById(mapping.StageId)?.Name };

    /// <summary>
    /// Applies a change whose rules have already been checked, to a copy that then replaces the
    /// content whole: content once in place is never changed, so a command of another runspace reading
    /// this configuration while it is being edited reads one consistent state.
    /// </summary>
    private void Change(Action<ConfigurationContent> apply)
    {
        var changed = _content.Clone();
        apply(changed);
        _content = changed;
        _revision++;
    }
}
