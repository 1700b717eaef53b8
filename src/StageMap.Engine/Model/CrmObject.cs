namespace StageMap.Engine.Model;

/// <summary>The Salesforce objects whose records sync with Outreach prospects.</summary>
public enum CrmObject
{
    Lead,
    Contact,
}
