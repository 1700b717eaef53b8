namespace StageMap.Engine.Model;

/// <summary>The Outreach UI an admin applies the mapping in: same semantics, different click-paths.</summary>
public enum Experience
{
    ClassicPlugin,
    EnhancedCrmSync,
}
