namespace StageMap.Engine.Metadata;

/// <summary>The kinds of Salesforce file Import-CrmMetadata reads, told apart by their content.</summary>
public enum MetadataFormat
{
    /// <summary>An sObject describe (REST /sobjects/Lead/describe, or 'sf sobject describe --json').</summary>
    SObjectDescribe,

    /// <summary>A REST query result of LeadStatus records (or 'sf data query --json').</summary>
    LeadStatusQuery,

    /// <summary>SFDX source: LeadStatus.standardValueSet-meta.xml.</summary>
    StandardValueSet,

    /// <summary>SFDX source: a custom picklist field's .field-meta.xml.</summary>
    CustomField,

    /// <summary>A Data Loader (or 'sf data query --result-format csv') CSV export of LeadStatus.</summary>
    DataLoaderCsv,
}
