using System.Management.Automation;
using StageMap.Engine.Conversion;
using StageMap.Engine.Conversion.Bulk;

namespace StageMap.Cmdlets.Conversion;

/// <summary>
/// ConvertTo-OutreachProspect: Salesforce Leads or Contacts to Outreach prospects, as the sync pulls
/// them (the field mappings that are Bidirectional or FromCrm).
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "OutreachProspect", DefaultParameterSetName = RecordSet, SupportsShouldProcess = true)]
[OutputType(typeof(PSObject), typeof(string), ParameterSetName = new[] { RecordSet })]
[OutputType(typeof(ConversionSummary), ParameterSetName = new[] { PathSet, LiteralPathSet })]
public sealed class ConvertToOutreachProspectCommand : ConversionCommand
{
    /// <summary>Object (flat PSCustomObjects) or JsonApi (an Outreach API request document per record, as JSON text).</summary>
    [Parameter]
    [ValidateSet(nameof(RecordShape.Object), nameof(RecordShape.JsonApi))]
    public string As { get; set; } = nameof(RecordShape.Object);

    protected override ConversionDirection Direction => ConversionDirection.Pull;

    protected override RecordShape Shape => As == nameof(RecordShape.JsonApi) ? RecordShape.JsonApi : RecordShape.Object;
}
