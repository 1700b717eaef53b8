using System;
using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;
using StageMap.Engine.Text;
using StageMap.Engine.Validation;

namespace StageMap.Engine.Report;

/// <summary>How a stage name and a contact status value match: the Stage Name mapping syncs the name as text, exactly.</summary>
public enum ContactMatch
{
    /// <summary>The stage name is exactly a contact status value.</summary>
    Exact,

    /// <summary>A value differs only in case or spaces: the sync would fail on it.</summary>
    NearMiss,

    /// <summary>A stage with no value of its name.</summary>
    NoValue,

    /// <summary>A value with no stage of its name.</summary>
    NoStage,
}

/// <summary>One row of the contact side: a stage, a contact status value, or both.</summary>
public sealed record ContactRow(string? Stage, string? ContactStatus, ContactMatch Match);

/// <summary>The contact side: each stage name against the contact status picklist's values.</summary>
public static class ContactRows
{
    public static IReadOnlyList<ContactRow> Build(ConfigurationContent content)
    {
        var values = content.CrmMetadata.ContactStatuses.Select(s => s.ApiName).Distinct(StringComparer.Ordinal).ToList();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<ContactRow>();
        foreach (var stage in content.Stages.InStageOrder())
        {
            var exact = values.FirstOrDefault(v => string.Equals(v, stage.Name, StringComparison.Ordinal));
            var near = exact ?? values.FirstOrDefault(v => !used.Contains(v) && NearMatch.Loosen(v) == NearMatch.Loosen(stage.Name));
            if (near is not null)
            {
                used.Add(near);
            }

            rows.Add(new ContactRow(stage.Name, near, exact is not null ? ContactMatch.Exact : near is not null ? ContactMatch.NearMiss : ContactMatch.NoValue));
        }

        rows.AddRange(values.Where(v => !used.Contains(v)).Select(v => new ContactRow(null, v, ContactMatch.NoStage)));
        return rows;
    }
}
