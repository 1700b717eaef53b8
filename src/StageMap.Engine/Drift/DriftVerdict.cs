namespace StageMap.Engine.Drift;

/// <summary>Whether a joined pair drifts, why, and what the next pull would write.</summary>
internal readonly record struct DriftVerdict(DriftReason? Reason, string? Expected, string NextPull, string Message)
{
    /// <summary>
    /// A record the pull rejects always drifts: no status explains the prospect's stage. Otherwise
    /// the pair drifts when the prospect's stage is not the one the pull writes (none, for a blank
    /// status without a placeholder, or with SkipEmptyOnPull).
    /// </summary>
    public static DriftVerdict Of(CrmOutcome outcome, ActualStage actual, DriftStages stages)
    {
        // Every pair gets a verdict and few drift: the text of one is made only for a pair that drifts.
        var status = outcome.Status;
        string InStage() => actual.IsNone ? "the prospect has no stage" : $"the prospect is in '{actual.Display}'";
        switch (outcome.Kind)
        {
            case PullKind.Failed:
                var failure = outcome.Failure!; // a Failed outcome always carries its failure
                var reason = failure.ErrorId switch
                {
                    ErrorIds.UnmappedCrmStatus => DriftReason.StatusUnmapped,
                    ErrorIds.UnknownStage => DriftReason.StageMissing,
                    _ => DriftReason.NotConvertible,
                };
                return new(reason, null, $"nothing: the sync rejects the record ({failure.ErrorId})", $"{failure.Message} Meanwhile {InStage()}.");
            case PullKind.Kept:
                return actual.IsNone
                    ? new(null, null, "nothing", "")
                    : new(DriftReason.StatusBlank, null, "nothing: SkipEmptyOnPull keeps the stage", $"The status is blank, so no status explains the stage; {InStage()}.");
            case PullKind.Cleared:
                return actual.IsNone
                    ? new(null, null, "clears the stage", "")
                    : new(DriftReason.StatusBlank, null, "clears the stage", $"The status is blank, so the next pull clears the stage; {InStage()}.");
            default:
                var expectedId = outcome.ExpectedId!.Value; // the other kinds always name the stage they expect
                var expected = stages.StageById(expectedId)?.Name ?? $"stage id {expectedId}";
                var nextPull = stages.NextPullText(expected);
                if (actual.Known && actual.Id == expectedId)
                {
                    return new(null, expected, nextPull, "");
                }

                if (status is null)
                {
                    return new(DriftReason.StatusBlank, expected, nextPull, $"The status is blank, and the mapping's placeholder gives stage '{expected}'; {InStage()}.");
                }

                return actual.Known
                    ? new(DriftReason.MappedToAnotherStage, expected, nextPull, $"Status '{status}' is mapped to stage '{expected}', but {InStage()}.")
                    : new(DriftReason.StageMissing, expected, nextPull, $"Status '{status}' is mapped to stage '{expected}', but {InStage()}, which is not a stage of the configuration.");
        }
    }
}
