using System;

namespace StageMap.Engine;

// Saving a configuration while others save it too: processes and sessions of one process.
internal static partial class Failures
{
    public static StageMapException ConfigurationBeingSaved(string path, string lockPath, TimeSpan wait) => new(
        ErrorIds.ConfigurationChangedOnDisk, FailureCategory.ResourceUnavailable, path,
        $"'{path}' is being saved by another StageMap session, which held its lock file '{lockPath}' for more than {wait.TotalSeconds:0} seconds, so it was not overwritten and this command's changes were undone. Run Import-StageMapConfiguration to load the current file, then repeat the command.");

    public static StageMapException ConfigurationInUse(string configuration, TimeSpan wait) => new(
        ErrorIds.ConfigurationInUse, FailureCategory.ResourceUnavailable, configuration,
        $"The configuration '{configuration}' is being changed by a command in another PowerShell session (runspace) of this process, which did not finish within {wait.TotalSeconds:0} seconds; this command changed nothing. Repeat it when the other command has finished.");
}
