using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Configuration;

/// <summary>Set-StageMapConfiguration: changes the configuration's settings (the Outreach experience).</summary>
[Cmdlet(VerbsCommon.Set, "StageMapConfiguration", SupportsShouldProcess = true)]
[OutputType(typeof(StageMapConfiguration))]
public sealed class SetStageMapConfigurationCommand : ConfigurationChangeCommand
{
    // Experience held as its number: an engine enum field would load the engine at import (see ModuleLoader).
    private int? _experience;

    [Parameter]
    [EnumValue(typeof(Experience))]
    public Experience? Experience { get => (Experience?)_experience; set => _experience = (int?)value; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var configuration = TargetConfiguration;
        if (Experience is { } experience)
        {
            Change(configuration.ToString(), $"Set experience to {experience}", () =>
            {
                configuration.SetExperience(experience);
                return configuration;
            });
        }

        if (PassThru)
        {
            WriteObject(configuration);
        }
    }
}
