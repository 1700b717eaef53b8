namespace StageMap.Engine;

// The 1:1 rule checked at the end of a command.
internal static partial class Failures
{
    public static StageMapException CrmStatusGivenTwoStages(string crmStatus, string firstStage, string secondStage) => new(
        ErrorIds.CrmStatusAlreadyMapped, FailureCategory.ResourceExists, crmStatus,
        $"Lead status '{crmStatus}' is given stage '{firstStage}' by an earlier row of this command and stage '{secondStage}' by this one. Each status maps to one stage: keep one row for it.");
}
