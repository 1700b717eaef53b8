using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Storage;

namespace StageMap.Cmdlets.Configuration;

/// <summary>Import-StageMapConfiguration: loads a configuration file, binds to it and makes it current.</summary>
[Cmdlet(VerbsData.Import, "StageMapConfiguration", DefaultParameterSetName = PathSet)]
[OutputType(typeof(StageMapConfiguration))]
public sealed class ImportStageMapConfigurationCommand : StageMapCommand
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
    [Alias("PSPath")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = "";

    protected override void ProcessRecord()
    {
        var literal = ParameterSetName == LiteralPathSet;
        foreach (var file in ResolveExistingFiles(literal ? LiteralPath : Path, literal))
        {
            try
            {
                var configuration = ConfigurationStore.Load(file);
                CurrentConfiguration.Set(configuration);
                WriteObject(configuration);
            }
            catch (StageMapException failure)
            {
                WriteFailure(failure);
            }
        }
    }
}
