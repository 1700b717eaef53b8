using System.IO;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Configuration;

/// <summary>Export-StageMapConfiguration: writes a copy of a configuration to a file; overwriting one (-Force) is confirmed as a High impact change.</summary>
[Cmdlet(VerbsData.Export, "StageMapConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportStageMapConfigurationCommand : ConfigurationCommand
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var fullPath = ResolveNewFilePath(Path);
        var overwrite = Force && File.Exists(fullPath);
        var action = overwrite ? "Overwrite the file with a copy of the StageMap configuration" : "Export StageMap configuration";
        if (!ShouldProcess(fullPath, action) || (overwrite && !ConfirmDestructive(fullPath, action)))
        {
            return;
        }

        try
        {
            ConfigurationStore.Export(TargetConfiguration, fullPath, Force);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        if (PassThru)
        {
            WriteObject(WrittenFile(fullPath));
        }
    }
}
