namespace StageMap.Engine.Conversion;

/// <summary>Which way records move: pull is CRM to Outreach (FromCrm), push is Outreach to CRM (ToCrm).</summary>
public enum ConversionDirection
{
    Pull,
    Push,
}
