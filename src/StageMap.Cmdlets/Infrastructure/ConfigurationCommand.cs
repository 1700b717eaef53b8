using System.Management.Automation;
using StageMap.Engine;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Infrastructure;

/// <summary>A cmdlet that works on a configuration: the one given by -Configuration, or the current one.</summary>
public abstract class ConfigurationCommand : StageMapCommand
{
    private StageMapConfiguration? _target;

    /// <summary>The configuration to use instead of the current one.</summary>
    [Parameter]
    [ValidateNotNull]
    public StageMapConfiguration? Configuration { get; set; }

    /// <summary>The configuration this command works on; a terminating error when there is none.</summary>
    protected StageMapConfiguration TargetConfiguration
    {
        get
        {
            _target ??= Configuration ?? CurrentConfiguration.Get();
            if (_target is null)
            {
                ThrowFailure(CommandFailures.NoCurrentConfiguration());
            }

            return _target;
        }
    }
}
