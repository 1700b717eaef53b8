namespace StageMap.Engine.Conversion.Bulk;

/// <summary>
/// A record a file reader hands out and then reuses for the next one (its values are text where the
/// reader holds it): whoever keeps a record past the next one keeps its <see cref="Snapshot"/>.
/// </summary>
internal interface IReusedRecord : IInputRecord
{
    /// <summary>The record as it may be kept: its values as strings, lists and records of its own.</summary>
    IInputRecord Snapshot();
}
