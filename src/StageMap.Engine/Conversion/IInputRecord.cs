namespace StageMap.Engine.Conversion;

/// <summary>
/// A record to convert, whatever it came from (a PowerShell object, a dictionary, a CSV row, a JSON
/// object). Field names match ignoring case, as Salesforce API names do.
/// </summary>
/// <remarks>
/// Values come back normalized (see <see cref="RecordValue.Normalize"/>): null, a string, a
/// primitive (bool, number), a list (<see cref="System.Collections.Generic.IReadOnlyList{T}"/> of
/// normalized values) or a nested <see cref="IInputRecord"/>.
/// </remarks>
public interface IInputRecord
{
    /// <returns>False when the record has no field of that name (which is not the same as a blank value).</returns>
    bool TryGetValue(string field, out object? value);

    /// <summary>The record's fields in their order, for writing a rejected record back out.</summary>
    System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, object?>> Fields { get; }
}
