using System.Management.Automation;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine.Model;
using StageMap.Engine.Procedure;

namespace StageMap.Cmdlets.Procedure;

/// <summary>
/// Get-StageMapProcedure: the numbered click-path that applies the configuration in the Outreach UI
/// of its experience (or -Experience), as step objects or, with -AsMarkdown, one Markdown checklist.
/// </summary>
[Cmdlet(VerbsCommon.Get, "StageMapProcedure")]
[OutputType(typeof(ProcedureStep))]
[OutputType(typeof(string))]
public sealed class GetStageMapProcedureCommand : ConfigurationCommand
{
    // Experience and CrmObject held as their numbers: an engine enum field would load the engine at import (see ModuleLoader).
    private int? _experience;
    private int? _object;

    [Parameter(Position = 0)]
    [EnumValue(typeof(Experience))]
    public Experience? Experience { get => (Experience?)_experience; set => _experience = (int?)value; }

    [Parameter]
    [EnumValue(typeof(CrmObject))]
    public CrmObject? Object { get => (CrmObject?)_object; set => _object = (int?)value; }

    [Parameter]
    public SwitchParameter AsMarkdown { get; set; }

    protected override void EndProcessing()
    {
        var configuration = TargetConfiguration;
        var builder = ProcedureBuilder.For(Experience ?? configuration.Experience);
        var steps = builder.Build(configuration, Object);
        if (AsMarkdown)
        {
            WriteObject(ProcedureMarkdown.Render(builder.Title, steps));
        }
        else
        {
            WriteObject(steps, enumerateCollection: true);
        }
    }
}
