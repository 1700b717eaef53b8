using System.Management.Automation;
using StageMap.Cmdlets.Completion;
using StageMap.Cmdlets.Infrastructure;
using StageMap.Engine;
using StageMap.Engine.Model;
using StageMap.Engine.Validation;

namespace StageMap.Cmdlets.LeadStatusMappings;

/// <summary>
/// New-LeadStatusMapping: maps a CRM lead status to a stage ("Click Add, select the CRM status, select
/// the Outreach stage, Click Save"). Rows piped from Import-Csv bind by property name. With -FromCrm
/// it maps every unmapped CRM lead status to the stage of its name.
/// </summary>
[Cmdlet(VerbsCommon.New, "LeadStatusMapping", SupportsShouldProcess = true, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(LeadStatusMapping))]
public sealed class NewLeadStatusMappingCommand : ConfigurationChangeCommand
{
    private const string ByNameSet = "ByName";
    private const string FromCrmSet = "FromCrm";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Status", "Lead Status", "ApiName")]
    [ArgumentCompleter(typeof(CrmStatusCompleter))]
    [AllowEmptyString]
    public string CrmStatus { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ByNameSet, ValueFromPipelineByPropertyName = true)]
    [Alias("Outreach Stage")]
    [ArgumentCompleter(typeof(StageNameCompleter))]
    [ValidateNotNullOrEmpty]
    public string Stage { get; set; } = "";

    /// <summary>Map every unmapped CRM lead status (from Import-CrmMetadata) to the stage of its name.</summary>
    [Parameter(Mandatory = true, ParameterSetName = FromCrmSet)]
    public SwitchParameter FromCrm { get; set; }

    /// <summary>With -FromCrm: create the stages that do not exist yet, in the CRM's order.</summary>
    [Parameter(ParameterSetName = FromCrmSet)]
    public SwitchParameter CreateMissingStages { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == FromCrmSet)
        {
            MapFromCrm();
            return;
        }

        var mapping = Change(
            $"Lead status '{CrmStatus}'",
            $"Map to stage '{Stage}'",
            () => TargetConfiguration.AddLeadStatusMapping(CrmStatus, Stage));
        if (mapping is not null)
        {
            if (InputAdvice.ForLeadStatus(TargetConfiguration.CrmMetadata, mapping.CrmStatus) is { } typo)
            {
                WriteWarning(typo);
            }

            WriteObject(mapping);
        }
    }

    private void MapFromCrm()
    {
        System.Collections.Generic.IReadOnlyList<CrmStatusMatch> matches = System.Array.Empty<CrmStatusMatch>();
        try
        {
            matches = TargetConfiguration.MatchCrmLeadStatuses(CreateMissingStages);
        }
        catch (StageMapException failure)
        {
            ThrowFailure(failure);
        }

        foreach (var match in matches)
        {
            var status = match.Status.ApiName;
            switch (match.Action)
            {
                case CrmStatusMatchAction.AlreadyMapped:
                    WriteVerbose($"Lead status '{status}' is mapped already.");
                    continue;
                case CrmStatusMatchAction.Skip:
                    WriteWarning(match.Message);
                    continue;
            }

            var action = match.Action == CrmStatusMatchAction.CreateStageAndMap
                ? $"Create stage '{match.Stage}' and map to it"
                : $"Map to stage '{match.Stage}'";
            var mapping = Change($"Lead status '{status}'", action, () => TargetConfiguration.ApplyCrmStatusMatch(match), status);
            if (mapping is null)
            {
                continue;
            }

            if (match.Message is not null)
            {
                WriteWarning(match.Message);
            }

            WriteObject(mapping);
        }
    }
}
