using System;

namespace StageMap.Engine;

/// <summary>Every failure the engine raises, with its message, in one place.</summary>
internal static partial class Failures
{
    public static StageMapException StageNotFound(string name) => new(
        ErrorIds.StageNotFound, FailureCategory.ObjectNotFound, name,
        $"There is no stage named '{name}'. Get-OutreachStage lists the stages of the configuration.");

    public static StageMapException StageAlreadyExists(string name) => new(
        ErrorIds.StageAlreadyExists, FailureCategory.ResourceExists, name,
        $"A stage named '{name}' already exists. Stage names are unique, compared ignoring case.");

    public static StageMapException InvalidStageName(string? name) => new(
        ErrorIds.InvalidStageName, FailureCategory.InvalidArgument, name,
        "A stage name cannot be empty or white space only.");

    public static StageMapException OutreachIdTaken(int outreachId, string holder, string requested) => new(
        ErrorIds.StageAlreadyExists, FailureCategory.ResourceExists, requested,
        $"Outreach id {outreachId} belongs to stage '{holder}', which Outreach has; stage '{requested}' cannot take it. Import-OutreachStage -Merge brings the configuration up to date with Outreach.");

    public static StageMapException StageInUse(string name, int mappingCount) => new(
        ErrorIds.StageInUse, FailureCategory.InvalidOperation, name,
        $"Stage '{name}' is mapped by {mappingCount} lead status mapping(s). Remove or change the mappings first, or use -Force to remove the stage and its mappings.");

    public static StageMapException StageAlreadyMapped(string stage, string mappedBy, string requested) => new(
        ErrorIds.StageAlreadyMapped, FailureCategory.ResourceExists, requested,
        $"Stage '{stage}' is already mapped by lead status '{mappedBy}'. Outreach produces an error when mapping a stage already present: each stage maps to one lead status.");

    public static StageMapException CrmStatusAlreadyMapped(string crmStatus, string stage) => new(
        ErrorIds.CrmStatusAlreadyMapped, FailureCategory.ResourceExists, crmStatus,
        $"Lead status '{crmStatus}' is already mapped to stage '{stage}'. Use Set-LeadStatusMapping to change its stage.");

    public static StageMapException CrmStatusNotMapped(string crmStatus) => new(
        ErrorIds.CrmStatusNotMapped, FailureCategory.ObjectNotFound, crmStatus,
        $"Lead status '{crmStatus}' is not mapped. Get-LeadStatusMapping lists the mapped statuses.");

    public static StageMapException InvalidCrmStatus(string? crmStatus) => new(
        ErrorIds.InvalidCrmStatus, FailureCategory.InvalidArgument, crmStatus,
        "A CRM status API name cannot be empty or white space only.");

    public static StageMapException ConfigurationFileExists(string path) => new(
        ErrorIds.ConfigurationFileExists, FailureCategory.ResourceExists, path,
        $"The file '{path}' already exists. To work on the configuration in it, run Import-StageMapConfiguration -Path '{path.Replace("'", "''")}'. To replace it, add -Force.");

    public static StageMapException ConfigurationFileNotFound(string path) => new(
        ErrorIds.ConfigurationFileNotFound, FailureCategory.ObjectNotFound, path,
        $"The configuration file '{path}' does not exist.");

    public static StageMapException InvalidConfigurationFile(string path, string problem, Exception? inner = null) => new(
        ErrorIds.InvalidConfigurationFile, FailureCategory.InvalidData, path,
        $"'{path}' is not a valid StageMap configuration file: {problem}", inner);

    public static StageMapException UnsupportedSchemaVersion(string path, int version, int supported) => new(
        ErrorIds.UnsupportedSchemaVersion, FailureCategory.InvalidData, path,
        $"'{path}' has schemaVersion {version}, written by a newer StageMap; this version reads schemaVersion {supported} and older. Update the StageMap module to open it.");

    public static StageMapException ConfigurationChangedOnDisk(string path) => new(
        ErrorIds.ConfigurationChangedOnDisk, FailureCategory.ResourceUnavailable, path,
        $"'{path}' changed on disk since it was loaded or last saved, so it was not overwritten and this command's changes were undone. Run Import-StageMapConfiguration to load the current file, then repeat the command.");

    public static StageMapException ConfigurationSaveFailed(string path, Exception inner) => new(
        ErrorIds.ConfigurationSaveFailed, FailureCategory.WriteError, path,
        $"Could not save '{path}': {SaveProblem(path, inner)} This command's changes were undone.", inner);

    // A missing folder is named as such: the exception's own text names the temporary file beside the target.
    private static string SaveProblem(string path, Exception inner) =>
        inner is System.IO.DirectoryNotFoundException && System.IO.Path.GetDirectoryName(path) is { } folder && !System.IO.Directory.Exists(folder)
            ? $"the folder '{folder}' does not exist. Create it first (New-Item -ItemType Directory -Path '{folder.Replace("'", "''")}'), or choose another path."
            : inner.Message;
}
