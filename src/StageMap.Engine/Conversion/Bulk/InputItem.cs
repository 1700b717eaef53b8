namespace StageMap.Engine.Conversion.Bulk;

/// <summary>One record read from a file, or a row the reader could not make a record of (with why).</summary>
public readonly struct InputItem
{
    public InputItem(IInputRecord record, ConversionFailure? failure = null)
    {
        Record = record;
        Failure = failure;
    }

    public IInputRecord Record { get; }

    /// <summary>Set when the row is not a record (a CSV row with too few or too many fields, a JSON value that is not an object).</summary>
    public ConversionFailure? Failure { get; }
}
