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

    /// <summary>SFDX source: a Lead Process, objects/Lead/businessProcesses/&lt;name&gt;.businessProcess-meta.xml.</summary>
    BusinessProcess,

    /// <summary>SFDX source: a record type, objects/&lt;Lead|Contact&gt;/recordTypes/&lt;name&gt;.recordType-meta.xml.</summary>
    RecordType,

    /// <summary>The UI API's picklist values of one record type (/ui-api/object-info/{object}/picklist-values/{recordTypeId}/{field}).</summary>
    UiApiPicklistValues,
}
