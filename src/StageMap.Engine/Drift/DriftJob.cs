using StageMap.Engine.Model;

namespace StageMap.Engine.Drift;

/// <summary>What Find-StageDrift joins: a CRM export and an Outreach prospect file, by a key.</summary>
public sealed class DriftJob
{
    public CrmObject Object { get; set; } = CrmObject.Lead;

    /// <summary>The full path of the Salesforce export (CSV, JSON, JSON Lines).</summary>
    public string CrmPath { get; set; } = "";

    /// <summary>The full path of the prospect file (ConvertTo-OutreachProspect output, or Outreach JSON:API documents).</summary>
    public string OutreachPath { get; set; } = "";

    /// <summary>The CRM field that holds the key; null for the record id (Id, else attributes.url).</summary>
    public string? CrmKey { get; set; }

    /// <summary>The prospect field that holds the key; null for salesforceId, else attributes.externalId.</summary>
    public string? OutreachKey { get; set; }

    /// <summary>Where to write the findings (.jsonl, .json or .csv); null to hand each to the caller.</summary>
    public string? OutFile { get; set; }

    /// <summary>Replace <see cref="OutFile"/> if it exists.</summary>
    public bool Force { get; set; }

    /// <summary>In a CSV <see cref="OutFile"/>, prefix cells that look like formulas with ' (see Conversion.Bulk.FormulaCells).</summary>
    public bool EscapeFormula { get; set; }
}
