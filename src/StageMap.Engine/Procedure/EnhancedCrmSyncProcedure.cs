using StageMap.Engine.Model;

namespace StageMap.Engine.Procedure;

/// <summary>
/// The Enhanced CRM Sync (beta) click-path: the CRM Sync, the Set field mapping section, Add mapping
/// and the Outreach field information section.
/// </summary>
public sealed class EnhancedCrmSyncProcedure : ProcedureBuilder
{
    public override string Title => "Enhanced CRM Sync (beta)";

    protected override string AddMappingButton => "Add mapping";

    protected override string FieldList => "the Set field mapping section";

    protected override string AdvancedOptions => "Advanced Field Mapping settings";

    protected override string MappedFieldSection => "Outreach field information section";

    protected override string DoneAndSave => "Click Done > Save.";

    protected override void OpenLeadStatusMappings(StepWriter steps)
    {
        steps.Add(null, "Access the CRM Sync.");
        steps.Add(null, "Click the Lead Status object in the list.");
        steps.Add(null, "Click the Mappings tab on the Lead Status landing page.");
    }

    protected override void OpenFieldMappings(StepWriter steps, CrmObject crmObject)
    {
        steps.Add(null, crmObject == CrmObject.Lead ? "Navigate to the CRM Sync landing page." : "Access the CRM Sync.");
        steps.Add(null, $"Click the {crmObject} object in the list.");
        steps.Add(null, $"Scroll down to the Set field mapping section on the {crmObject} object landing page.");
    }
}
