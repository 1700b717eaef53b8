namespace StageMap.Engine.Model;

/// <summary>An Outreach stage. Names are unique within a configuration, compared case-insensitively.</summary>
public sealed record Stage(int Id, string Name, int Order, string? Color = null);
