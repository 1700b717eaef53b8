namespace StageMap.Engine.Model;

/// <summary>A CRM field's label as the Salesforce UI shows it ('Lead Status'), beside its API name ('Status').</summary>
public sealed record CrmFieldLabel(string Name, string Label);
