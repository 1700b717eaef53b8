namespace StageMap.Engine.Conversion;

/// <summary>How a converted record is written out.</summary>
public enum RecordShape
{
    /// <summary>A flat record: one property per field.</summary>
    Object,

    /// <summary>An Outreach API request document: data.type prospect, attributes, the stage relationship.</summary>
    JsonApi,

    /// <summary>A Salesforce sObject: the fields plus attributes.type.</summary>
    SObject,
}
