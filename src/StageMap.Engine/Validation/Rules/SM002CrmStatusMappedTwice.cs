using System.Collections.Generic;
using System.Linq;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM002: a lead status (exact API name) mapped more than once. The sync cannot tell which stage a
/// lead with that status belongs to.
/// </summary>
public sealed class SM002CrmStatusMappedTwice : ValidationRule
{
    public override string Id => "SM002";

    public override Severity Severity => Severity.Error;

    public override string Title => "A lead status mapped twice";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var (facts, mappings) in context.StatusesMappedMoreThanOnce)
        {
            var status = facts.Name;
            var stages = mappings.Select(m => context.FindStageById(m.StageId) is { } stage ? Quoted(stage.Name) : $"(no stage with id {m.StageId})");
            yield return Report(
                CrmObject.Lead,
                status,
                $"Lead status {Quoted(status)} is mapped {mappings.Count} times, to stages {string.Join(", ", stages)}. "
                + "A lead status maps to one stage. "
                + $"Keep one: Remove-LeadStatusMapping -CrmStatus {Ps(status)} removes the first of them{(mappings.Count > 2 ? $" (run it {mappings.Count - 1} times)" : "")}; check the one left with Get-LeadStatusMapping -CrmStatus {Ps(status)}.")
                with { FixCommands = mappings.Count == 2 ? Fixes($"Remove-LeadStatusMapping -CrmStatus {Ps(status)}") : Fixes() };
        }
    }
}
