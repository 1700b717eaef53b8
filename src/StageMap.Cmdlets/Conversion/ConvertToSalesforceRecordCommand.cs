using System.Management.Automation;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// ConvertTo-SalesforceRecord: Outreach prospects to Salesforce Leads or Contacts, as the sync pushes
/// them (the field mappings that are Bidirectional or ToCrm).
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "SalesforceRecord", DefaultParameterSetName = RecordSet, SupportsShouldProcess = true)]
[OutputType(typeof(PSObject), typeof(string), ParameterSetName = new[] { RecordSet })]
[OutputType(typeof(ConversionSummary), ParameterSetName = new[] { PathSet, LiteralPathSet })]
public sealed class ConvertToSalesforceRecordCommand : ConversionCommand
{
    /// <summary>Object (flat PSCustomObjects) or SObject (a Salesforce sObject with attributes.type per record, as JSON text).</summary>
    [Parameter]
    [ValidateSet(nameof(RecordShape.Object), nameof(RecordShape.SObject))]
    public string As { get; set; } = nameof(RecordShape.Object);

    protected override ConversionDirection Direction => ConversionDirection.Push;

    protected override RecordShape Shape => As == nameof(RecordShape.SObject) ? RecordShape.SObject : RecordShape.Object;
}
