using System;
using System.Collections.Generic;

namespace StageMap.Engine.Conversion.Bulk;

/// <summary>What a bulk conversion did: records read, written and rejected (Read = Written + Rejected).</summary>
public sealed record ConversionSummary(
    long Read,
    long Written,
    long Rejected,
    TimeSpan Elapsed,
    string InputPath,
    string OutputPath,
    RecordFileFormat OutputFormat,
    string? RejectPath)
{
    /// <summary>Each mapped field some converted record did not carry, with how many records converted without it.</summary>
    public IReadOnlyList<MissingField> MissingFields { get; init; } = Array.Empty<MissingField>();

    /// <summary>Records read per second.</summary>
    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>Where a bulk conversion is, for a progress bar.</summary>
public readonly record struct BulkProgress(long Read, long Written, long Rejected, long BytesRead, long BytesTotal, TimeSpan Elapsed)
{
    /// <summary>0 to 100, by bytes read.</summary>
    public int PercentComplete => BytesTotal <= 0 ? 0 : (int)Math.Min(100, BytesRead * 100 / BytesTotal);
}
