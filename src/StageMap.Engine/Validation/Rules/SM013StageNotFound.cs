using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM013: a lead status mapping whose stage id no stage has (a stage removed by hand, or a file
/// edited by hand). Its Target is the mapped status, since the missing stage has no name.
/// </summary>
public sealed class SM013StageNotFound : ValidationRule
{
    public override string Id => "SM013";

    public override Severity Severity => Severity.Error;

    public override string Title => "A mapping that points at a stage that does not exist";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        foreach (var (mapping, status, stage) in context.Mappings)
        {
            if (stage.Stage is not null)
            {
                continue;
            }

            yield return Report(
                CrmObject.Lead,
                mapping.CrmStatus,
                $"Lead status {Quoted(mapping.CrmStatus)} is mapped to stage id {mapping.StageId}, and no stage has that id, so the sync has no stage for it. "
                + $"Map it to an existing stage: Set-LeadStatusMapping -CrmStatus {Ps(mapping.CrmStatus)} -Stage <stage>, or remove it: Remove-LeadStatusMapping -CrmStatus {Ps(mapping.CrmStatus)}.")
                with { FixCommands = status.MappingCount == 1 ? Fixes($"Remove-LeadStatusMapping -CrmStatus {Ps(mapping.CrmStatus)}") : Fixes() };
        }
    }
}
