using System.IO;
using System.Linq;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Metadata.Sfdx;

namespace StageMap.Cmdlets.Live;

/// <summary>
/// Export-CrmMetadata: writes the Salesforce half of the mapping into an SFDX project (the Contact
/// status field and the LeadStatus value set), merged into the files already there, for the admin to
/// deploy with 'sf project deploy start'. StageMap does not deploy.
/// </summary>
[Cmdlet(VerbsData.Export, "CrmMetadata", SupportsShouldProcess = true)]
[OutputType(typeof(SfdxValueChange))]
public sealed class ExportCrmMetadataCommand : ConfigurationCommand
{
    /// <summary>The SFDX project folder (the one with sfdx-project.json).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath", "LiteralPath")]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    protected override void ProcessRecord()
    {
        var folder = ResolveNewFilePath(Path);
        try
        {
            var plan = SfdxExporter.Plan(folder, TargetConfiguration);
            foreach (var warning in plan.Warnings)
            {
                WriteWarning(warning);
            }

            foreach (var file in plan.Files)
            {
                if (!file.HasChanges)
                {
                    WriteVerbose($"'{file.Path}' already has every value; it was left as it is.");
                    continue;
                }

                var values = file.Changes.Count == 0 ? "no new value" : string.Join(", ", file.Changes.Select(c => $"'{c.Value}'"));
                var action = file.Exists
                    ? $"Add {values}{(file.RestrictedTurnedOn ? " and make the picklist restricted" : "")}"
                    : $"Create with {values}";
                if (ShouldProcess(file.Path, action))
                {
                    SfdxExporter.Write(file);
                    WriteObject(file.Changes, enumerateCollection: true);
                }
            }
        }
        catch (StageMapException failure)
        {
            WriteFailure(failure);
        }
        catch (System.Exception e) when (e is IOException or System.UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(e, ErrorIds.OutputWriteFailed, ErrorCategory.WriteError, folder));
        }
    }
}
