namespace StageMap.Engine.Model;

/// <summary>
/// A prospect field as the Outreach plugin names it (<see cref="Name"/>) and as the Outreach API
/// spells its attribute (<see cref="Attribute"/>). Array attributes (emails, phones, tags) hold lists.
/// </summary>
public sealed record OutreachField(string Name, string Attribute, bool IsArray = false);
