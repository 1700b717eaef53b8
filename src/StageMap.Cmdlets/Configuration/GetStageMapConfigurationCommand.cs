using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;

namespace StageMap.Cmdlets.Configuration;

/// <summary>Get-StageMapConfiguration: the current configuration (or the one given by -Configuration).</summary>
[Cmdlet(VerbsCommon.Get, "StageMapConfiguration")]
[OutputType(typeof(StageMapConfiguration))]
public sealed class GetStageMapConfigurationCommand : ConfigurationCommand
{
    protected override void EndProcessing() => WriteObject(TargetConfiguration);
}
