using StageMap.Engine.Model;

namespace StageMap.Engine.Validation;

/// <summary>
/// Everything the configuration and its CRM metadata say about one exact (ordinal) name: the stage of
/// that name, the CRM lead status and contact status value of that API name (the first, should the
/// metadata repeat one), and how many lead status mappings map it. Built once per validation, so a rule
/// asks about a name without looking it up again.
/// </summary>
public sealed class NameFacts
{
    internal NameFacts(string name) => Name = name;

    public string Name { get; }

    /// <summary>The stage named exactly this (ordinal), if any.</summary>
    public Stage? Stage { get; internal set; }

    public CrmStatus? LeadStatus { get; internal set; }

    public CrmStatus? ContactStatus { get; internal set; }

    /// <summary>How many lead status mappings map exactly this status.</summary>
    public int MappingCount { get; internal set; }

    /// <summary>The position of the first lead status mapping of this status, or -1.</summary>
    internal int FirstMapping { get; set; } = -1;
}

/// <summary>What the configuration says about one stage id: the stage (null when none has it) and how many lead statuses map to it.</summary>
public sealed class StageIdFacts
{
    internal StageIdFacts(int id) => Id = id;

    public int Id { get; }

    public Stage? Stage { get; internal set; }

    public int MappingCount { get; internal set; }
}
