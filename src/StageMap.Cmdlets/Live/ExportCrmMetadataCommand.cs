using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Live.Salesforce;
using StageMap.Engine.Metadata.Sfdx;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Export-CrmMetadata: writes the Salesforce half of the mapping into an SFDX project (the Contact
/// status field and the LeadStatus value set; with -RecordType, the Lead Processes and Contact record
/// types of those record types), merged into the files already there, for the admin to deploy with
/// 'sf project deploy start'. StageMap does not deploy. -Create makes the folder a project first when
/// it has no sfdx-project.json. What the project now holds is recorded in the configuration's CRM
/// metadata, so Test-StageMapping checks the org as it will be after the deploy.
/// </summary>
[Cmdlet(VerbsData.Export, "CrmMetadata", SupportsShouldProcess = true)]
[OutputType(typeof(SfdxValueChange))]
public sealed class ExportCrmMetadataCommand : ConfigurationChangeCommand
{
    /// <summary>The SFDX project folder (the one with sfdx-project.json).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LiteralPath")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>Writes a minimal sfdx-project.json first when the folder has none (and creates the folder).</summary>
    [Parameter]
    public SwitchParameter Create { get; set; }

    /// <summary>
    /// Only these record types (label or developer name, wildcards): the statuses the sync writes that each
    /// lacks are added to its Lead Process (Contact: its values of the contact status field). The value set
    /// and the contact status field are not written then.
    /// </summary>
    [Parameter]
    [ArgumentCompleter(typeof(RecordTypeNameCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[]? RecordType { get; set; }

    protected override void ProcessRecord()
    {
        var folder = ResolveNewFilePath(Path);
        try
        {
            var apiVersion = Create ? LiveSessions.Crm?.ApiVersion ?? CrmConnection.DefaultApiVersion : null;
            SfdxExportPlan plan;
            if (RecordType is null)
            {
                plan = SfdxExporter.Plan(folder, TargetConfiguration, apiVersion);
            }
            else
            {
                var selected = SelectRecordTypes(RecordType);
                if (selected.Count == 0)
                {
                    return;
                }

                plan = SfdxRecordTypeExporter.Plan(folder, TargetConfiguration, selected);
            }

            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }

            // -WhatIf lists every file; a project the user declines to create gets none of them.
            var inProject = true;
            if (plan.NewProject is { } project)
            {
                var action = $"Create the SFDX project file (package directory force-app, API version {apiVersion})";
                inProject = ShouldProcess(
                    $"Performing the operation \"{action}\" on target \"{project.Path}\".", $"{action}: '{project.Path}'?", "Confirm", out var reason);
                if (inProject)
                {
                    SfdxExporter.Write(project);
                }
                else if (reason != ShouldProcessReason.WhatIf)
                {
                    return;
                }
            }

            var exported = new List<SfdxFilePlan>();
            foreach (var file in plan.Files)
            {
                if (!file.HasChanges)
                {
                    WriteVerbose($"'{file.Path}' already has every value; it was left as it is.");
                    exported.Add(file);
                    continue;
                }

                var values = file.Changes.Count == 0 ? "no new value" : string.Join(", ", file.Changes.Select(c => $"'{c.Value}'"));
                var action = file.Exists
                    ? $"Add {values}{(file.RestrictedTurnedOn ? " and make the picklist restricted" : "")}"
                    : $"Create with {values}";
                if (ShouldProcess(file.Path, action) && inProject)
                {
                    SfdxExporter.Write(file);
                    exported.Add(file);
                    WriteObject(file.Changes, enumerateCollection: true);
                }
            }

            if (inProject && exported.Count > 0)
            {
                SfdxExporter.RecordExported(TargetConfiguration, exported);
            }
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
        }
    }

    /// <summary>The record types the names select, in the CRM's order; a name that selects none is its error.</summary>
    private IReadOnlyList<CrmRecordType> SelectRecordTypes(IEnumerable<string> names) =>
        NameSelection.SelectAll(
            TargetConfiguration.CrmMetadata.RecordTypesOf(), names, r => new[] { r.Name, r.DeveloperName }, n => TargetConfiguration.GetCrmRecordTypes(n, new[] { CrmObject.Lead, CrmObject.Contact }), WriteFailure);
}
