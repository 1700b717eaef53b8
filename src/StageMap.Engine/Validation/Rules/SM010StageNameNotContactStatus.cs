using System.Collections.Generic;
using StageMap.Engine.Model;

namespace StageMap.Engine.Validation.Rules;

/// <summary>
/// SM010: with a Contact Stage Name mapping and the contact status values known, the stage names and
/// the values must be the same set, compared exactly (ordinal): the mapping syncs the stage name as
/// text. Reports a stage whose name is not a value (Suggestion: the value it differs from only in
/// case, white space or dashes, or whose label it is; with none, the deploy that follows the fix
/// Export-CrmMetadata) and an active value no stage has exactly as its name (unless a stage nearly
/// has it: that stage is reported, with the fix).
/// </summary>
public sealed class SM010StageNameNotContactStatus : ValidationRule
{
    /// <summary>The fix when the picklist lacks a stage's name: the project folder is one Export-CrmMetadata -Create makes when missing.</summary>
    public const string ExportCommand = "Export-CrmMetadata -Path ./sfdx-project -Create";

    /// <summary>What puts the exported field into the org; StageMap does not deploy.</summary>
    public const string DeployCommand = "sf project deploy start --source-dir ./sfdx-project/force-app";

    public override string Id => "SM010";

    public override Severity Severity => Severity.Error;

    public override string Title => "Stage names and contact status values that differ";

    public override IEnumerable<Diagnostic> Check(ValidationContext context)
    {
        var mapping = context.ContactStageNameMapping;
        if (mapping is null || !context.Metadata.HasContactStatuses)
        {
            yield break;
        }

        var picklist = Quoted(context.Metadata.ContactStatusField);
        foreach (var (stage, name, _) in context.Stages)
        {
            if (name.ContactStatus is not null)
            {
                continue;
            }

            var value = context.ContactStatusMatch.Find(stage.Name)?.Single;
            var fix = value is null
                ? $"Add {Quoted(stage.Name)} to {picklist} in Salesforce: {ExportCommand} writes every stage name into the field's SFDX source (give your project's folder if you have one) "
                  + $"and records them in the configuration; then deploy it: {DeployCommand}. Or rename the stage to one of its values: Set-OutreachStage -Name {Ps(stage.Name)} -NewName <value>."
                : $"The picklist has {Quoted(value)}: rename the stage to it: Set-OutreachStage -Name {Ps(stage.Name)} -NewName {Ps(value)}.";
            yield return Report(
                CrmObject.Contact,
                stage.Name,
                $"Stage {Quoted(stage.Name)} is not a value of the contact status picklist {picklist}. The Contact {Quoted(mapping.OutreachField)} mapping syncs the stage name as text, "
                + $"so it must equal a picklist API name exactly, or the sync fails for contacts in this stage. {fix}",
                value ?? DeployCommand)
                with { FixCommands = Fixes(value is null ? ExportCommand : $"Set-OutreachStage -Name {Ps(stage.Name)} -NewName {Ps(value)}") };
        }

        foreach (var status in context.ContactStatuses)
        {
            // Every name in ContactStatuses has its contact status.
            if (!status.ContactStatus!.IsActive || status.Stage is not null || context.StageNameMatch.Find(status.Name) is not null)
            {
                continue;
            }

            yield return Report(
                CrmObject.Contact,
                status.Name,
                $"Contact status {Quoted(status.Name)} of {picklist} has no stage of exactly that name, so contacts with this status get no stage in Outreach. "
                + $"Add the stage: New-OutreachStage -Name {Ps(status.Name)}, or remove the value from {picklist} in Salesforce.")
                with { FixCommands = Fixes($"New-OutreachStage -Name {Ps(status.Name)}") };
        }
    }
}
