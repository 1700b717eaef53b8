using System.Collections.Generic;
using System.Linq;

namespace StageMap.Engine.Model;

/// <summary>
/// The data of a configuration, as its file holds it, with no rule applied: a hand-edited file can
/// hold a status mapped twice, and Test-StageMapping is what reports it. Lead status mappings point at
/// their stage by <see cref="LeadStatusMapping.StageId"/>; the stored <see cref="LeadStatusMapping.Stage"/>
/// name is not used.
/// </summary>
public sealed class ConfigurationContent
{
    public Experience Experience { get; set; } = Experience.ClassicPlugin;

    public List<Stage> Stages { get; set; } = new();

    public List<LeadStatusMapping> LeadStatusMappings { get; set; } = new();

    public List<FieldMapping> FieldMappings { get; set; } = new();

    public CrmMetadata CrmMetadata { get; set; } = CrmMetadata.Empty;

    /// <summary>A copy that shares the (immutable) elements but none of the lists.</summary>
    public ConfigurationContent Clone() => new()
    {
        Experience = Experience,
        Stages = Stages.ToList(),
        LeadStatusMappings = LeadStatusMappings.ToList(),
        FieldMappings = FieldMappings.ToList(),
        CrmMetadata = CrmMetadata,
    };
}
