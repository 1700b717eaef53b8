using System.Collections.Generic;

namespace StageMap.Engine.Model;

/// <summary>How a file lists Outreach stages.</summary>
public enum OutreachStageFormat
{
    /// <summary>An Outreach API v2 response: {"data":[{"type":"stage","id":…,"attributes":{…}}], "links", "meta"}.</summary>
    ApiList,

    /// <summary>A JSON array of {id, name, order, color} (Get-OutreachStage | ConvertTo-Json writes one).</summary>
    JsonArray,

    /// <summary>JSON Lines: one {id, name, order, color} object per line.</summary>
    JsonLines,
}

/// <summary>One stage as a file lists it; <see cref="Id"/>, <see cref="Order"/> and <see cref="Color"/> may be left out.</summary>
public sealed record OutreachStageRecord(int? Id, string Name, int? Order, string? Color, int Line);

/// <summary>The stages one file lists, in the file's order, and what the user should know about it.</summary>
public sealed record OutreachStageFile(string Path, OutreachStageFormat Format, IReadOnlyList<OutreachStageRecord> Stages, IReadOnlyList<string> Warnings)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
