using System.IO;
using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Configuration;

/// <summary>
/// New-StageMapConfiguration: a new configuration, made current, written to -Path at once. Overwriting a
/// file (-Force) is confirmed as a High impact change.
/// </summary>
[Cmdlet(VerbsCommon.New, "StageMapConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(StageMapConfiguration))]
public sealed class NewStageMapConfigurationCommand : StageMapCommand
{
    // Experience held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int _experience = (int)Experience.ClassicPlugin;

    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    [Parameter]
    [EnumValue(typeof(Experience))]
    public Experience Experience { get => (Experience)_experience; set => _experience = (int)value; }

    [Parameter]
    public SwitchParameter NoDefaultStages { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void EndProcessing()
    {
        var configuration = StageMapConfiguration.CreateDefault(Experience, withDefaultStages: !NoDefaultStages);
        if (Path is not null)
        {
            var fullPath = ResolveNewFilePath(Path);
            var overwrite = Force && File.Exists(fullPath);
            var action = overwrite ? "Overwrite StageMap configuration file, replacing its stages and mappings" : "Create StageMap configuration file";
            if (!ShouldProcess(fullPath, action) || (overwrite && !ConfirmDestructive(fullPath, action)))
            {
                return;
            }

            try
            {
                ConfigurationStore.Create(configuration, fullPath, Force);
            }
            catch (StageMapException failure)
            {
                ThrowFailure(failure);
            }
        }

        CurrentConfiguration.Set(configuration);
        WriteObject(configuration);
    }
}
