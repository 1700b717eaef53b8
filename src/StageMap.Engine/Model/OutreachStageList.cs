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
public sealed record OutreachStageRecord(int? Id, string Name, int? Order, string? Color, int Line)
{
    /// <summary>The records that carry an id, by id; a record without one is a stage Outreach does not have yet.</summary>
    /// <exception cref="System.ArgumentException">Two records carry one id.</exception>
    internal static Dictionary<int, OutreachStageRecord> ById(IEnumerable<OutreachStageRecord> records)
    {
        var byId = new Dictionary<int, OutreachStageRecord>();
        foreach (var record in records)
        {
            if (record.Id is { } id)
            {
                byId.Add(id, record);
            }
        }

        return byId;
    }
}

/// <summary>The stages one file lists, in the file's order, and what the user should know about it.</summary>
public sealed record OutreachStageFile(string Path, OutreachStageFormat Format, IReadOnlyList<OutreachStageRecord> Stages, IReadOnlyList<string> Warnings)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
